// Transposed matrix products on wasm. The backend's BatchMatMul is fast (XNNPACK) only when
// neither side is transposed; a dense layer's backward pass asks for exactly the transposed
// cases (dx = dy W^T, dW = x^T dy) and gets a scalar loop. We pay for one explicit transpose
// instead, choosing the cheaper of two equivalent forms:
//   direct:  op(A) op(B), transposing each flagged operand;
//   swapped: (op(B)^T op(A)^T)^T, transposing each unflagged operand and the product.
// For dx = dy W^T with a large W, swapped moves the small dy and dx rather than all of W.
import * as tf from '@tensorflow/tfjs';
import { WASM, callConfig, release, transposeLastTwo } from './call.js';

const UNTRANSPOSED = { transposeA: false, transposeB: false };

/** Wraps the backend's own BatchMatMul (`original`), which still does the multiplying. */
export function makeBatchMatMulConfig(original: tf.KernelConfig): tf.KernelConfig {
  function batchMatMul({ inputs, backend, attrs }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
    const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
    const be = backend as tf.KernelBackend;
    if (!transposeA && !transposeB) return callConfig(original, be, { a, b }, UNTRANSPOSED);
    if (a.shape.length < 2 || b.shape.length < 2) {
      // Let the original kernel report malformed shapes in its own words.
      return callConfig(original, be, { a, b }, attrs as tf.NamedAttrMap);
    }
    const size = (t: tf.TensorInfo) => tf.util.sizeFromShape(t.shape);
    const direct = (transposeA ? size(a) : 0) + (transposeB ? size(b) : 0);
    const swapped = (transposeA ? 0 : size(a)) + (transposeB ? 0 : size(b)) + productSize(a, b, transposeA, transposeB);
    if (direct <= swapped) {
      const a2 = transposeA ? transposeLastTwo(be, a) : a;
      const b2 = transposeB ? transposeLastTwo(be, b) : b;
      const out = callConfig(original, be, { a: a2, b: b2 }, UNTRANSPOSED);
      if (a2 !== a) release(be, a2);
      if (b2 !== b) release(be, b2);
      return out;
    }
    const bT = transposeB ? b : transposeLastTwo(be, b); // op(B)^T
    const aT = transposeA ? a : transposeLastTwo(be, a); // op(A)^T
    const productT = callConfig(original, be, { a: bT, b: aT }, UNTRANSPOSED);
    if (bT !== b) release(be, bT);
    if (aT !== a) release(be, aT);
    const out = transposeLastTwo(be, productT);
    release(be, productT);
    return out;
  }
  return Object.freeze({
    kernelName: tf.BatchMatMul,
    backendName: WASM,
    kernelFunc: batchMatMul as tf.KernelFunc,
    // The original binds its C++ entry point in setup; tfjs reruns setup on every setBackend('wasm').
    setupFunc: original.setupFunc,
    disposeFunc: original.disposeFunc,
  });
}

/** Elements in op(A) op(B), batch dimensions broadcast. */
function productSize(a: tf.TensorInfo, b: tf.TensorInfo, transposeA: boolean, transposeB: boolean): number {
  const ra = a.shape.length;
  const rb = b.shape.length;
  const rows = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
  const cols = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
  const batch = tf.util.sizeFromShape(
    tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2)));
  return batch * rows * cols;
}
