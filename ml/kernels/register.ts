// Installs Cohort's composite gradient kernels on the wasm backend (see each kernel's file for
// why). Idempotent: the wrapped original BatchMatMul is captured once.
import * as tf from '@tensorflow/tfjs';
import { WASM } from './call.js';
import { conv2dBackpropFilterConfig } from './conv2d_backprop_filter.js';
import { conv2dBackpropInputConfig } from './conv2d_backprop_input.js';
import { makeBatchMatMulConfig } from './batch_mat_mul.js';

let batchMatMulConfig: tf.KernelConfig | undefined;

/** Registers the composite kernels for 'wasm'; returns the kernel names now served by them. */
export function registerWasmKernels(): readonly string[] {
  replace(conv2dBackpropFilterConfig);
  replace(conv2dBackpropInputConfig);
  if (batchMatMulConfig === undefined) {
    const original = tf.getKernel(tf.BatchMatMul, WASM);
    if (original === undefined) throw new Error('the wasm backend has no BatchMatMul kernel to wrap');
    batchMatMulConfig = makeBatchMatMulConfig(original);
  }
  replace(batchMatMulConfig);
  return Object.freeze([tf.Conv2DBackpropFilter, tf.Conv2DBackpropInput, tf.BatchMatMul]);
}

/** The configs currently installed, so tests can check that ours, not the originals, are in place. */
export function compositeKernelConfigs(): readonly tf.KernelConfig[] {
  const configs = [conv2dBackpropFilterConfig, conv2dBackpropInputConfig];
  if (batchMatMulConfig !== undefined) configs.push(batchMatMulConfig);
  return Object.freeze(configs);
}

function replace(config: tf.KernelConfig): void {
  const current = tf.getKernel(config.kernelName, WASM);
  if (current === config) return;
  if (current !== undefined) tf.unregisterKernel(config.kernelName, WASM);
  tf.registerKernel(config);
}
