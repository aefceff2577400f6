import { fedAvg } from './fedavg.js';
import { fedAvgM } from './fedavgm.js';
import { fedOpt } from './fedopt.js';
import type { Strategy, StrategyOptions } from './strategy.js';

export type { Strategy, StrategyOptions } from './strategy.js';

/** FedProx is FedAvg on the server; its proximal term lives in the clients' training config. */
export const STRATEGY_NAMES = ['fedavg', 'fedprox', 'fedavgm', 'fedadam', 'fedyogi', 'fedadagrad'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

export function createStrategy(name: StrategyName, options: StrategyOptions = {}): Strategy {
  switch (name) {
    case 'fedavg': return fedAvg();
    case 'fedprox': return { ...fedAvg(), name: 'fedprox' };
    case 'fedavgm': return fedAvgM(options);
    case 'fedadam': case 'fedyogi': case 'fedadagrad': return fedOpt(name, options);
    default: throw new RangeError(`unknown strategy "${name as string}"; choose one of ${STRATEGY_NAMES.join(', ')}`);
  }
}
