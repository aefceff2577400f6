// What the two convolution-gradient kernels share: the forward convolution's geometry, and the
// limits of the compositions built on it.
import * as tf from '@tensorflow/tfjs';

export class UnsupportedConvolutionError extends Error {
  static override name = 'UnsupportedConvolutionError';
  override name = 'UnsupportedConvolutionError';
}

export interface ConvAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * The forward convolution's geometry (dilation 1: tfjs-core refuses gradients of dilated
 * convolutions before they reach a kernel). Only NHWC: the wasm Conv2D is NHWC only.
 */
export function forwardGeometry(
  kernelName: string,
  inShape: [number, number, number, number],
  filterShape: [number, number, number, number],
  attrs: ConvAttrs,
): tf.backend_util.Conv2DInfo {
  if (attrs.dataFormat !== 'NHWC') {
    throw new UnsupportedConvolutionError(`${kernelName} on wasm: dataFormat ${attrs.dataFormat} is not supported, use NHWC`);
  }
  const info = tf.backend_util.computeConv2DInfo(
    inShape, filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast');
  const { top, left } = info.padInfo;
  if (top < 0 || left < 0 || top >= info.filterHeight || left >= info.filterWidth) {
    throw new UnsupportedConvolutionError(
      `${kernelName} on wasm: padding top ${top}, left ${left} must lie in 0..filter size - 1`);
  }
  return info;
}

/**
 * The after-padding that makes a stride-1 'valid' convolution over `length` (already padded
 * before by `before`) with an effective window `window` produce `want` outputs. When the input is
 * already too long the answer is negative: pad nothing and crop the result instead.
 */
export function padAfter(want: number, length: number, before: number, window: number): number {
  return want + window - 1 - before - length;
}
