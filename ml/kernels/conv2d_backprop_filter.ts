// The filter gradient of a 2-D convolution, which the wasm backend lacks (without it, training
// any CNN on wasm fails). dF[a,b,c,o] = sum over n,i,j of x[n, i*s+a-top, j*s+b-left, c] * dy[n,i,j,o]:
// read with the batch as the channel axis, that is itself a convolution of the transposed input
// [C,H,W,N] with the transposed output gradient [Ho,Wo,N,O] as the filter, dilated by the stride,
// so it runs on the backend's fast (XNNPACK) Conv2D instead of a scalar loop.
import * as tf from '@tensorflow/tfjs';
import { WASM, callKernel, cropTo, release, transpose } from './call.js';
import { forwardGeometry, padAfter, type ConvAttrs } from './conv_geometry.js';

interface FilterAttrs extends ConvAttrs {
  filterShape: [number, number, number, number];
}

function conv2dBackpropFilter({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as FilterAttrs;
  const be = backend as tf.KernelBackend;
  const info = forwardGeometry(tf.Conv2DBackpropFilter, x.shape as [number, number, number, number], a.filterShape, a);
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw, outHeight: ho, outWidth: wo } = info;
  const { top, left } = info.padInfo;

  const xT = transpose(be, x, [3, 1, 2, 0]); // [C, H, W, N]: the batch becomes the summed channel axis
  const dyT = transpose(be, dy, [1, 2, 0, 3]); // [Ho, Wo, N, O]: a filter whose taps are stride apart
  const bottom = padAfter(fh, info.inHeight, top, (ho - 1) * sh + 1);
  const right = padAfter(fw, info.inWidth, left, (wo - 1) * sw + 1);
  const pad: tf.backend_util.ExplicitPadding = [[0, 0], [top, Math.max(0, bottom)], [left, Math.max(0, right)], [0, 0]];
  const conv = callKernel(be, 'Conv2D', { x: xT, filter: dyT },
    { strides: 1, pad, dilations: [sh, sw], dataFormat: 'NHWC' } as unknown as tf.NamedAttrMap);
  release(be, xT, dyT);
  // Rows the forward pass never reached (valid padding with a stride) make the result too tall.
  const exact = cropTo(be, conv, [info.inChannels, fh, fw, info.outChannels]);
  const dF = transpose(be, exact, [1, 2, 0, 3]); // [fh, fw, C, O]
  release(be, exact);
  return dF;
}

export const conv2dBackpropFilterConfig: tf.KernelConfig = Object.freeze({
  kernelName: tf.Conv2DBackpropFilter,
  backendName: WASM,
  kernelFunc: conv2dBackpropFilter as tf.KernelFunc,
});
