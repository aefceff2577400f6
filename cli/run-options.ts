// The run flags `cohort coordinator` and `cohort demo` share, and how they become a RunConfig.
import { Command, Option } from 'commander';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../coordinator/run-config.js';
import { STRATEGY_NAMES } from '../coordinator/strategy/index.js';
import { parseJsonText } from '../storage/json-text.js';
import { nonNegativeInt, nonNegativeNumber, numberParser, positiveInt, positiveNumber, readFlagFile } from './output.js';

export interface RunFlags {
  run?: string;
  runId: string;
  purpose: string;
  model: 'mnist-2nn' | 'mnist-cnn' | 'tabular-mlp' | 'layers-json';
  modelPath?: string;
  rounds: number;
  strategy: (typeof STRATEGY_NAMES)[number];
  serverLr?: number;
  epochs: number;
  batchSize: number;
  lr: number;
  optimizer: 'sgd' | 'adam';
  mu: number;
  minAgencies: number;
  fraction: number;
  secagg: 'on' | 'off';
  threshold?: number;
  degree?: number;
  clipRange: number;
  bits: number;
  dp: 'off' | 'central' | 'distributed';
  clipNorm: number;
  noiseMultiplier: number;
  delta: number;
  epsilonBudget?: number;
  uploadTimeoutMs: number;
  seed: number;
  finalLr?: number;
  recordDp?: boolean;
  recordClipNorm: number;
  recordNoiseMultiplier?: number;
  recordLotSize?: number;
  recordSteps: number;
  recordDelta: number;
  evaluateEvery: number;
  evaluateAtEnd: boolean;
  validationFraction: number;
  patience?: number;
  minDelta: number;
}

export function addRunOptions(cmd: Command, defaults: Partial<RunFlags> = {}): Command {
  const d = { runId: 'run-1', purpose: 'digit recognition research', model: 'mnist-2nn', rounds: 20, strategy: 'fedavg',
    epochs: 1, batchSize: 10, lr: 0.05, minAgencies: 3, secagg: 'on', dp: 'off', evaluateEvery: 1, evaluateAtEnd: false, validationFraction: 0.1, ...defaults } as RunFlags;
  return cmd
    .option('--run <file>', 'a run config JSON file (its fields override the flags below)')
    .option('--run-id <id>', 'run id; re-using one resumes that run', d.runId)
    .option('--purpose <text>', 'the purpose the run declares; agencies join only purposes their policy allows', d.purpose)
    .addOption(new Option('--model <name>', 'model architecture (tabular-mlp: built from the run file\'s schema)').choices(['mnist-2nn', 'mnist-cnn', 'tabular-mlp', 'layers-json']).default(d.model))
    .option('--model-path <file>', 'TF.js layers model.json, with --model layers-json')
    .option('--rounds <n>', 'rounds to run (an abandoned round counts)', positiveInt, d.rounds)
    .addOption(new Option('--strategy <name>', 'aggregation strategy').choices([...STRATEGY_NAMES]).default(d.strategy))
    .option('--server-lr <x>', 'server learning rate (fedavgm, fedadam, fedyogi, fedadagrad)', positiveNumber)
    .option('--epochs <n>', 'local epochs per round', positiveInt, d.epochs)
    .option('--batch-size <n>', 'local batch size', positiveInt, d.batchSize)
    .option('--lr <x>', 'local learning rate', positiveNumber, d.lr)
    .addOption(new Option('--optimizer <name>', 'local optimizer').choices(['sgd', 'adam']).default('sgd'))
    .option('--mu <x>', 'FedProx proximal term (with --strategy fedprox)', nonNegativeNumber, 0)
    .option('--min-agencies <n>', 'fewest agencies a round starts with and aggregates', positiveInt, d.minAgencies)
    .option('--fraction <x>', 'fraction of connected agencies sampled per round', numberInUnit, 1)
    .addOption(new Option('--secagg <on|off>', 'secure aggregation').choices(['on', 'off']).default(d.secagg))
    .option('--threshold <t>', 'SecAgg+ threshold t (default: a majority of each neighbourhood)', positiveInt)
    .option('--degree <k>', 'SecAgg+ neighbours per agency (default grows with log n; n-1 is classic SecAgg)', positiveInt)
    .option('--clip-range <c>', 'SecAgg quantization range [-c, c] per coordinate', positiveNumber, 1)
    .option('--bits <b>', 'SecAgg quantization bits per coordinate', positiveInt, 20)
    .addOption(new Option('--dp <mode>', 'differential privacy').choices(['off', 'central', 'distributed']).default(d.dp))
    .option('--clip-norm <C>', 'DP: L2 bound on each agency update', positiveNumber, 1)
    .option('--noise-multiplier <z>', 'DP: noise std = z * C on the sum', positiveNumber, 1)
    .option('--delta <d>', 'DP: delta', positiveNumber, 1e-5)
    .option('--epsilon-budget <e>', 'DP: stop the run before epsilon would pass this', positiveNumber)
    .option('--upload-timeout-ms <ms>', 'deadline for an agency to train and upload', positiveInt, 120_000)
    .option('--seed <n>', 'seed for the initial model and cohort sampling', positiveInt, 1)
    .option('--evaluate-every <k>', 'agencies validate every k-th model on their own validation split (0: none; metrics travel only as masked totals)', nonNegativeInt, d.evaluateEvery)
    .option('--evaluate-at-end', 'one more round in which the agencies validate the final model', d.evaluateAtEnd)
    .option('--no-evaluate-at-end', 'no evaluation round after the last training round')
    .option('--validation-fraction <x>', 'the share of each agency\'s examples kept for validation (each agency takes at most its policy\'s bound)', validationShare, d.validationFraction)
    .option('--patience <n>', 'early stopping: stop once this many validations in a row do not improve the best validation loss', positiveInt)
    .option('--min-delta <x>', 'early stopping: the least decrease of the validation loss that counts as an improvement', nonNegativeNumber, 0)
    .option('--final-lr <x>', 'local learning rate of the last round: it falls linearly from --lr', positiveNumber)
    .option('--record-dp', 'record-level DP: every agency trains with DP-SGD on its own records (needs --record-noise-multiplier, --record-lot-size)')
    .option('--record-clip-norm <C>', 'record-level DP: L2 bound on each record\'s gradient', positiveNumber, 1)
    .option('--record-noise-multiplier <z>', 'record-level DP: noise std = z * C on each lot\'s clipped sum', positiveNumber)
    .option('--record-lot-size <L>', 'record-level DP: expected lot; each agency samples its records at L / its record count', positiveInt)
    .option('--record-steps <n>', 'record-level DP: DP-SGD steps per agency per round', positiveInt, 1)
    .option('--record-delta <d>', 'record-level DP: delta', positiveNumber, 1e-5);
}

/** The run's record-level DP from the flags; absent without --record-dp. */
function recordDpFrom(flags: RunFlags): RunConfigInput['recordDp'] {
  if (!flags.recordDp) return undefined;
  if (flags.recordNoiseMultiplier === undefined || flags.recordLotSize === undefined) {
    throw new RangeError('--record-dp needs --record-noise-multiplier and --record-lot-size');
  }
  return { clipNorm: flags.recordClipNorm, noiseMultiplier: flags.recordNoiseMultiplier, expectedLotSize: flags.recordLotSize, localSteps: flags.recordSteps, delta: flags.recordDelta };
}

const validationShare = numberParser((x) => x > 0 && x <= 0.5, 'a share in (0, 0.5]');

const numberInUnit = numberParser((x) => x > 0 && x <= 1, 'a fraction in (0, 1]');

export async function runConfigFrom(flags: RunFlags): Promise<RunConfig> {
  const fromFlags: RunConfigInput = {
    runId: flags.runId,
    purpose: flags.purpose,
    model: flags.model,
    ...(flags.modelPath ? { modelPath: flags.modelPath } : {}),
    rounds: flags.rounds,
    strategy: flags.strategy,
    ...(flags.serverLr ? { serverLearningRate: flags.serverLr } : {}),
    train: {
      epochs: flags.epochs, batchSize: flags.batchSize, learningRate: flags.lr, optimizer: flags.optimizer, proximalMu: flags.mu,
      ...(flags.finalLr ? { finalLearningRate: flags.finalLr } : {}),
    },
    selection: { fraction: flags.fraction, min: flags.minAgencies },
    minCohort: flags.minAgencies,
    secagg: {
      enabled: flags.secagg === 'on',
      ...(flags.threshold ? { threshold: flags.threshold } : {}),
      ...(flags.degree ? { degree: flags.degree } : {}),
      clipRange: flags.clipRange,
      bits: flags.bits,
    },
    dp: {
      mode: flags.dp, clipNorm: flags.clipNorm, noiseMultiplier: flags.noiseMultiplier, delta: flags.delta,
      ...(flags.epsilonBudget ? { epsilonBudget: flags.epsilonBudget } : {}),
    },
    deadlines: { uploadMs: flags.uploadTimeoutMs },
    seed: flags.seed,
    ...(flags.recordDp ? { recordDp: recordDpFrom(flags) } : {}),
    ...(flags.evaluateEvery > 0 || flags.evaluateAtEnd ? {
      evaluation: {
        every: flags.evaluateEvery, atEnd: flags.evaluateAtEnd, validationFraction: flags.validationFraction, minDelta: flags.minDelta,
        ...(flags.patience ? { patience: flags.patience } : {}),
      },
    } : {}),
  };
  const fromFile = flags.run ? parseJsonText((await readFlagFile('--run', flags.run)).toString('utf8'), flags.run) as Record<string, unknown> : {};
  return parseRunConfig({ ...fromFlags, ...fromFile });
}
