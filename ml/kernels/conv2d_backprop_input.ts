// The input gradient of a 2-D convolution. The wasm backend has one, but as a scalar C++ loop
// that dominates a CNN's training step. dx is the "full" convolution of the output gradient with
// the filter turned 180 degrees and its in/out channels swapped; a stride s becomes s-1 zeros
// inserted between output-gradient entries. All of it runs on the fast (XNNPACK) Conv2D.
import * as tf from '@tensorflow/tfjs';
import { WASM, callKernel, cropTo, release, transpose } from './call.js';
import { forwardGeometry, padAfter, type ConvAttrs } from './conv_geometry.js';

interface InputAttrs extends ConvAttrs {
  inputShape: [number, number, number, number];
}

function conv2dBackpropInput({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const a = attrs as unknown as InputAttrs;
  const be = backend as tf.KernelBackend;
  const info = forwardGeometry(tf.Conv2DBackpropInput, a.inputShape, filter.shape as [number, number, number, number], a);
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw } = info;

  const spread = spreadByStride(be, dy, sh, sw); // [N, Ho*sh, Wo*sw, O]
  const flipped = callKernel(be, 'Reverse', { x: filter }, { dims: [0, 1] });
  const swapped = transpose(be, flipped, [0, 1, 3, 2]); // [fh, fw, O, C]
  release(be, flipped);

  const top = fh - 1 - info.padInfo.top;
  const left = fw - 1 - info.padInfo.left;
  const bottom = padAfter(info.inHeight, spread.shape[1], top, fh);
  const right = padAfter(info.inWidth, spread.shape[2], left, fw);
  const pad: tf.backend_util.ExplicitPadding = [[0, 0], [top, Math.max(0, bottom)], [left, Math.max(0, right)], [0, 0]];
  const conv = callKernel(be, 'Conv2D', { x: spread, filter: swapped },
    { strides: 1, pad, dilations: 1, dataFormat: 'NHWC' } as unknown as tf.NamedAttrMap);
  release(be, swapped);
  if (spread !== dy) release(be, spread);
  // The trailing zeros of the spread gradient can overshoot the input by up to stride - 1.
  return cropTo(be, conv, [...a.inputShape]);
}

/**
 * dy itself at stride 1, else dy with (s-1) zeros after each entry along height and width: entry (i, j) lands on (i*sh, j*sw).
 * Done as reshape [N,Ho,1,Wo,1,O] -> zero-pad the unit axes to (sh, sw) -> reshape, so the
 * backend's pad kernel does the scatter.
 */
function spreadByStride(be: tf.KernelBackend, dy: tf.TensorInfo, sh: number, sw: number): tf.TensorInfo {
  const [n, ho, wo, o] = dy.shape;
  if (sh === 1 && sw === 1) return dy;
  const six = callKernel(be, 'Reshape', { x: dy }, { shape: [n, ho, 1, wo, 1, o] });
  const padded = callKernel(be, 'PadV2', { x: six },
    { paddings: [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]], constantValue: 0 });
  const spread = callKernel(be, 'Reshape', { x: padded }, { shape: [n, ho * sh, wo * sw, o] });
  release(be, six, padded);
  return spread;
}

export const conv2dBackpropInputConfig: tf.KernelConfig = Object.freeze({
  kernelName: tf.Conv2DBackpropInput,
  backendName: WASM,
  kernelFunc: conv2dBackpropInput as tf.KernelFunc,
});
