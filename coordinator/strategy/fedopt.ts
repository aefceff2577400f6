import { checkLengths } from './fedavg.js';
import type { Strategy, StrategyOptions } from './strategy.js';

export type FedOptVariant = 'fedadam' | 'fedyogi' | 'fedadagrad';

/**
 * FedAdam, FedYogi and FedAdagrad (Reddi et al. 2021, Algorithm 2): the mean update is a
 * pseudo-gradient for an adaptive server optimizer; they differ only in the second moment.
 */
export function fedOpt(variant: FedOptVariant, options: StrategyOptions = {}): Strategy {
  const lr = options.serverLearningRate ?? 0.01;
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? 0.99;
  const tau = options.tau ?? 1e-3;
  let m: Float32Array | undefined;
  let v: Float32Array | undefined;
  return {
    name: variant,
    apply(global, meanDelta) {
      checkLengths(global, meanDelta);
      m ??= new Float32Array(global.length);
      v ??= new Float32Array(global.length).fill(tau * tau);
      const next = new Float32Array(global.length);
      for (let i = 0; i < next.length; i++) {
        const d = meanDelta[i];
        m[i] = beta1 * m[i] + (1 - beta1) * d;
        const d2 = d * d;
        if (variant === 'fedadagrad') v[i] = v[i] + d2;
        else if (variant === 'fedyogi') v[i] = v[i] - (1 - beta2) * d2 * Math.sign(v[i] - d2);
        else v[i] = beta2 * v[i] + (1 - beta2) * d2;
        next[i] = global[i] + (lr * m[i]) / (Math.sqrt(v[i]) + tau);
      }
      return next;
    },
    state: (): Record<string, Float32Array> => (m && v ? { m, v } : {}),
    restore(state) { m = state.m; v = state.v; },
  };
}
