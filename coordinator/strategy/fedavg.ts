import type { Strategy } from './strategy.js';

/** FedAvg (McMahan et al. 2017): the new model is the old plus the weighted mean update. */
export function fedAvg(): Strategy {
  return {
    name: 'fedavg',
    apply(global, meanDelta) {
      checkLengths(global, meanDelta);
      const next = new Float32Array(global.length);
      for (let i = 0; i < next.length; i++) next[i] = global[i] + meanDelta[i];
      return next;
    },
    state: () => ({}),
    restore: () => {},
  };
}

export function checkLengths(global: Float32Array, meanDelta: Float32Array): void {
  if (global.length !== meanDelta.length) {
    throw new RangeError(`mean update has ${meanDelta.length} values, the model ${global.length}`);
  }
}
