// What an ML team declares for a run. Validated with zod so a bad run file names its field.
import { z } from 'zod';
import { STRATEGY_NAMES } from './strategy/index.js';
import { SchemaDeclaration } from '../ml/schema.js';

export const RunConfigSchema = z.object({
  runId: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'runId: letters, digits, . _ - (at most 64)'),
  purpose: z.string().min(1).max(200),
  model: z.enum(['mnist-2nn', 'mnist-cnn', 'layers-json']),
  /** Path to a TF.js layers model.json when model is layers-json. */
  modelPath: z.string().optional(),
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
});

export type RunConfig = z.infer<typeof RunConfigSchema>;
export type RunConfigInput = z.input<typeof RunConfigSchema>;

export function parseRunConfig(input: unknown): RunConfig {
  const parsed = RunConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(run)'}: ${i.message}`).join('; ');
    throw new RangeError(`run config is invalid: ${issues}`);
  }
  if (parsed.data.dp.mode !== 'off' && !(parsed.data.dp.noiseMultiplier > 0)) throw new RangeError('run config: dp.noiseMultiplier must be positive when dp.mode is on');
  if (parsed.data.model === 'layers-json' && !parsed.data.modelPath) throw new RangeError('run config: modelPath is required for model layers-json');
  const { selection, minCohort } = parsed.data;
  // Either would leave every round short of agencies: refused here rather than abandoned round after round.
  if (selection.min > selection.max) throw new RangeError(`run config: selection.min (${selection.min}) is above selection.max (${selection.max})`);
  if (minCohort > selection.max) throw new RangeError(`run config: minCohort (${minCohort}) is above selection.max (${selection.max}); no round could aggregate`);
  return parsed.data;
}
