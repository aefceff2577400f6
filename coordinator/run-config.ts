// What an ML team declares for a run. Validated with zod so a bad run file names its field.
import { z } from 'zod';
import { STRATEGY_NAMES } from './strategy/index.js';
import { SchemaDeclaration } from '../ml/schema.js';
import { needsStatistics } from '../ml/statistics.js';

export const RunConfigSchema = z.object({
  runId: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'runId: letters, digits, . _ - (at most 64)'),
  purpose: z.string().min(1).max(200),
  model: z.enum(['mnist-2nn', 'mnist-cnn', 'tabular-mlp', 'layers-json']),
  /** Path to a TF.js layers model.json when model is layers-json. */
  modelPath: z.string().optional(),
  /** tabular-mlp: units of each hidden ReLU layer (ml/models.ts; default 32, 16). */
  hidden: z.array(z.number().int().min(1).max(100_000)).max(16).optional(),
  rounds: z.number().int().min(1).max(100_000),
  strategy: z.enum(STRATEGY_NAMES).default('fedavg'),
  serverLearningRate: z.number().positive().optional(),
  train: z.object({
    epochs: z.number().int().min(1).max(1000),
    batchSize: z.number().int().min(1).max(100_000),
    learningRate: z.number().positive(),
    optimizer: z.enum(['sgd', 'adam']).default('sgd'),
    proximalMu: z.number().min(0).default(0),
    /** If set, each round's learning rate falls linearly from learningRate (round 1) to this (the last round); it does not look at data. */
    finalLearningRate: z.number().positive().optional(),
  }),
  selection: z.object({
    fraction: z.number().gt(0).max(1).default(1),
    min: z.number().int().min(1).default(3),
    max: z.number().int().min(1).default(1000),
  }).prefault({}),
  /** Fewest contributing agencies a round may aggregate; below it the round is abandoned. */
  minCohort: z.number().int().min(1).default(3),
  secagg: z.object({
    enabled: z.boolean().default(true),
    threshold: z.number().int().min(2).optional(),
    degree: z.number().int().min(1).optional(),
    clipRange: z.number().positive().default(1),
    bits: z.number().int().min(8).max(24).default(20),
  }).prefault({}),
  dp: z.object({
    mode: z.enum(['off', 'central', 'distributed']).default('off'),
    clipNorm: z.number().positive().default(1),
    noiseMultiplier: z.number().min(0).default(0),
    delta: z.number().gt(0).lt(1).default(1e-5),
    /** The run stops before a round that would take epsilon past this. */
    epsilonBudget: z.number().positive().optional(),
  }).prefault({}),
  /**
   * Record-level DP: every agency trains with DP-SGD (ml/dpsgd.ts) on its own records. No
   * sampling rate: each agency samples at expectedLotSize / its own record count and accounts so.
   */
  recordDp: z.object({
    clipNorm: z.number().positive(),
    noiseMultiplier: z.number().positive(),
    expectedLotSize: z.number().int().min(1),
    localSteps: z.number().int().min(1).max(100_000),
    delta: z.number().gt(0).lt(1).default(1e-5),
  // Strict: a run file naming a samplingRate here is told that no such field exists.
  }).strict().optional(),
  deadlines: z.object({
    answerMs: z.number().int().min(100).default(15_000),
    uploadMs: z.number().int().min(100).default(120_000),
    exchangeMs: z.number().int().min(100).default(15_000),
  }).prefault({}),
  /** FedAvg weight = min(examples, weightCap) / weightCap. */
  weightCap: z.number().int().min(1).default(60_000),
  seed: z.number().int().default(1),
  /** How long to wait for enough agencies before a round starts. */
  waitForAgenciesMs: z.number().int().min(0).default(120_000),
  /** Tabular runs: how every agency reads its table (ml/schema.ts). */
  schema: SchemaDeclaration.optional(),
  /**
   * Federated evaluation (issue #12): each agency keeps a seeded, stratified share of its
   * examples for validation (at most the share its policy allows) and evaluates the model it is
   * offered on it; metric totals travel inside the masked input. Absent: no metrics are asked.
   */
  evaluation: z.object({
    /** Validate the model every k-th round's model (models 0, k, 2k, ...; 0: only at the end). */
    every: z.number().int().min(0).default(1),
    /** After the last training round, one evaluation round validates the final model. */
    atEnd: z.boolean().default(true),
    /** The share of each agency's examples kept for validation; the agency takes at most its policy's bound. */
    validationFraction: z.number().gt(0).max(0.5).default(0.1),
    /** Early stopping: stop training once this many validations in a row bring no improvement of the best validation loss ... */
    patience: z.number().int().min(1).optional(),
    /** ... by more than this. */
    minDelta: z.number().min(0).default(0),
  }).optional(),
});

export type RunConfig = z.infer<typeof RunConfigSchema>;
export type EvaluationConfig = NonNullable<RunConfig['evaluation']>;

/**
 * The round numbers a run may use: its training rounds, the statistics pass of a tabular run
 * that needs one, and the evaluation round at the end when it asks for one. run_created records it.
 */
export function roundsOf(config: RunConfig): number {
  const statistics = config.schema && needsStatistics(config.schema) ? 1 : 0;
  return config.rounds + statistics + (config.evaluation?.atEnd ? 1 : 0);
}
export type RunConfigInput = z.input<typeof RunConfigSchema>;

export function parseRunConfig(input: unknown): RunConfig {
  const parsed = RunConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(run)'}: ${i.message}`).join('; ');
    throw new RangeError(`run config is invalid: ${issues}`);
  }
  if (parsed.data.dp.mode !== 'off' && !(parsed.data.dp.noiseMultiplier > 0)) throw new RangeError('run config: dp.noiseMultiplier must be positive when dp.mode is on');
  if (parsed.data.model === 'layers-json' && !parsed.data.modelPath) throw new RangeError('run config: modelPath is required for model layers-json');
  if (parsed.data.model === 'tabular-mlp' && !parsed.data.schema) throw new RangeError('run config: model tabular-mlp is built from the table schema: give schema');
  // Agencies' feature statistics may leave them only inside a masked sum.
  if (parsed.data.schema && needsStatistics(parsed.data.schema) && !parsed.data.secagg.enabled) {
    throw new RangeError('run config: the schema standardizes or imputes from the federation\'s statistics, and the statistics pass needs secure aggregation: turn secagg on');
  }
  const { selection, minCohort } = parsed.data;
  // Either would leave every round short of agencies: refused here rather than abandoned round after round.
  if (selection.min > selection.max) throw new RangeError(`run config: selection.min (${selection.min}) is above selection.max (${selection.max})`);
  if (minCohort > selection.max) throw new RangeError(`run config: minCohort (${minCohort}) is above selection.max (${selection.max}); no round could aggregate`);
  return parsed.data;
}
