// `cohort privacy`: the accountant from the command line.
//   cohort privacy epsilon --sampling-rate q --noise-multiplier z --steps T --delta d [--json]
//   cohort privacy noise --epsilon e --delta d --sampling-rate q --steps T [--json]
import { Command } from 'commander';
import { numberParser, write } from '../output.js';
import { RdpAccountant } from '../../privacy/accountant.js';
import { calibrateNoise } from '../../privacy/calibrate.js';

const samplingRate = numberParser((x) => x > 0 && x <= 1, 'a sampling rate in (0, 1]');
const noiseMultiplier = numberParser((x) => x >= 0, 'a noise multiplier >= 0');
const steps = numberParser((x) => Number.isSafeInteger(x) && x >= 1, 'a whole number of steps >= 1');
const delta = numberParser((x) => x > 0 && x < 1, 'a delta in (0, 1)');
const epsilon = numberParser((x) => x > 0, 'an epsilon > 0');

interface EpsilonOptions {
  samplingRate: number;
  noiseMultiplier: number;
  steps: number;
  delta: number;
  json?: boolean;
}

interface NoiseOptions {
  epsilon: number;
  delta: number;
  samplingRate: number;
  steps: number;
  json?: boolean;
}

export function privacyCommand(): Command {
  const privacy = new Command('privacy').description('differential privacy: epsilon spent, noise needed (RDP accountant)');

  privacy
    .command('epsilon')
    .description('epsilon after T steps of the sampled Gaussian mechanism')
    .requiredOption('--sampling-rate <q>', 'probability that a client takes part in a round', samplingRate)
    .requiredOption('--noise-multiplier <z>', 'noise standard deviation / clipping bound', noiseMultiplier)
    .requiredOption('--steps <T>', 'number of rounds', steps)
    .requiredOption('--delta <d>', 'target delta', delta)
    .option('--json', 'print JSON')
    .action((opts: EpsilonOptions, command: Command) => {
      const accountant = new RdpAccountant().compose({
        samplingRate: opts.samplingRate,
        noiseMultiplier: opts.noiseMultiplier,
        count: opts.steps,
      });
      const { epsilon: eps, order } = accountant.epsilon(opts.delta);
      if (opts.json) {
        write(command, JSON.stringify({ epsilon: eps, delta: opts.delta, order: Number.isNaN(order) ? null : order }));
      } else {
        write(command, `epsilon ${eps} at delta ${opts.delta} (best RDP order ${order})`);
      }
    });

  privacy
    .command('noise')
    .description('smallest noise multiplier meeting (epsilon, delta) after T steps')
    .requiredOption('--epsilon <e>', 'target epsilon', epsilon)
    .requiredOption('--delta <d>', 'target delta', delta)
    .requiredOption('--sampling-rate <q>', 'probability that a client takes part in a round', samplingRate)
    .requiredOption('--steps <T>', 'number of rounds', steps)
    .option('--json', 'print JSON')
    .action((opts: NoiseOptions, command: Command) => {
      let z: number;
      try {
        z = calibrateNoise({ epsilon: opts.epsilon, delta: opts.delta, samplingRate: opts.samplingRate, steps: opts.steps });
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        command.error(`error: ${err.message}`, { exitCode: 1, code: 'cohort.privacy.unreachable' });
      }
      if (opts.json) write(command, JSON.stringify({ noiseMultiplier: z }));
      else write(command, `noise multiplier ${z} meets epsilon ${opts.epsilon} at delta ${opts.delta}`);
    });

  return privacy;
}
