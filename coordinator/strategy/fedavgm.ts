import { checkLengths } from './fedavg.js';
import type { Strategy, StrategyOptions } from './strategy.js';

/** FedAvgM (Hsu et al. 2019): server momentum over the mean update. */
export function fedAvgM(options: StrategyOptions = {}): Strategy {
  const lr = options.serverLearningRate ?? 1;
  const beta = options.momentum ?? 0.9;
  let velocity: Float32Array | undefined;
  return {
    name: 'fedavgm',
    apply(global, meanDelta) {
      checkLengths(global, meanDelta);
      velocity ??= new Float32Array(global.length);
      const next = new Float32Array(global.length);
      for (let i = 0; i < next.length; i++) {
        velocity[i] = beta * velocity[i] + meanDelta[i];
        next[i] = global[i] + lr * velocity[i];
      }
      return next;
    },
    state: (): Record<string, Float32Array> => (velocity ? { velocity } : {}),
    restore(state) { velocity = state.velocity; },
  };
}
