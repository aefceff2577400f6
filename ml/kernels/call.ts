// Composite kernels are built from the wasm backend's own kernels, called directly the way
// backends call each other: no engine, no tape, no scopes. Every TensorInfo they return is
// owned by the caller, who must hand intermediates back with `release`.
import * as tf from '@tensorflow/tfjs';

export const WASM = 'wasm';

/** Runs `kernelName` as registered for the wasm backend; the single output is the caller's. */
export function callKernel(
  backend: tf.KernelBackend,
  kernelName: string,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const config = tf.getKernel(kernelName, WASM);
  if (config === undefined) throw new Error(`the wasm backend has no ${kernelName} kernel`);
  return single(kernelName, config.kernelFunc({ inputs, backend, attrs }));
}

/** Calls a kernel config captured earlier (e.g. the original one we wrap). */
export function callConfig(
  config: tf.KernelConfig,
  backend: tf.KernelBackend,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap,
): tf.TensorInfo {
  return single(config.kernelName, config.kernelFunc({ inputs, backend, attrs }));
}

/** Frees intermediates. Reshapes share storage through reference counts, so this is safe on views. */
export function release(backend: tf.KernelBackend, ...infos: tf.TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/** Swaps the last two axes: the explicit transpose that lets matmul and conv take their fast paths. */
export function transposeLastTwo(backend: tf.KernelBackend, x: tf.TensorInfo): tf.TensorInfo {
  const rank = x.shape.length;
  const perm = [...Array(rank - 2).keys(), rank - 1, rank - 2];
  return callKernel(backend, 'Transpose', { x }, { perm });
}

export function transpose(backend: tf.KernelBackend, x: tf.TensorInfo, perm: number[]): tf.TensorInfo {
  return callKernel(backend, 'Transpose', { x }, { perm });
}

/** Cuts `x` down to `size` from the origin when a composition produced a few extra rows or columns. */
export function cropTo(backend: tf.KernelBackend, x: tf.TensorInfo, size: number[]): tf.TensorInfo {
  if (size.every((d, i) => d === x.shape[i])) return x;
  const cropped = callKernel(backend, 'Slice', { x }, { begin: size.map(() => 0), size });
  release(backend, x);
  return cropped;
}

function single(kernelName: string, out: tf.TensorInfo | tf.TensorInfo[]): tf.TensorInfo {
  if (Array.isArray(out)) throw new Error(`kernel ${kernelName} returned ${out.length} outputs, expected one`);
  return out;
}
