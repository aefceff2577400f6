// Federated evaluation (issue #12), with the real coordinator and real agency clients training
// with TF.js over loopback WebSockets (test/helpers/in-process.ts). Under secure aggregation and
// the default `aggregate` policy no agency's metrics reach the coordinator, which a relay that
// decodes everything the agencies send shows, and the cohort's totals are still exact: this test
// recomputes every agency's validation totals itself. SecAgg on and off agree within the
// fixed-point rounding. Early stopping and the best model are the ledger's to say.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunDataSource } from '../../client/run-data.js';
import { parseRunConfig, type RunConfigInput } from '../../coordinator/run-config.js';
import { tfGlobalModel } from '../../coordinator/tf-model.js';
import { loadCheckpoint } from '../../ml/checkpoint.js';
import type { Dataset } from '../../ml/dataset.js';
import { DEFAULT_BINS, metricTotals, type MetricTotals } from '../../ml/metrics.js';
import { buildModel, type TabularMlpSpec } from '../../ml/models.js';
import { seededRandom } from '../../ml/random.js';
import { getFlatWeights, setFlatWeights } from '../../ml/weights.js';
import { SUM_FRACTION_BITS } from '../../proto/update-vector.js';
import { BUILT_CLI, builtCli } from '../helpers/federation.js';
import { fingerprint, InProcessFederation, type Entry, type InProcessAgency } from '../helpers/in-process.js';
import { recordingRelay, type Relay } from '../helpers/recording-relay.js';

const SPEC: TabularMlpSpec = { kind: 'tabular-mlp', inputs: 4, task: 'binary', outputs: 1, hidden: [6] };
const SEED = 5;
const FRACTION = 0.25;
const ULP = 2 ** -SUM_FRACTION_BITS;

let federation: InProcessFederation | undefined;
let relay: Relay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
  await federation?.cleanup();
  federation = undefined;
});

/** A binary task with 10% label noise: y = [x0 + x1 / 2 - x2 > 0], x in [-1, 1]^4. */
function data(seed: number, n: number): Dataset {
  const random = seededRandom(seed);
  const x = Float32Array.from({ length: 4 * n }, () => 2 * random() - 1);
  const y = Int32Array.from({ length: n }, (_, i) => {
    const positive = x[4 * i] + x[4 * i + 1] / 2 - x[4 * i + 2] > 0;
    return (random() < 0.1 ? !positive : positive) ? 1 : 0;
  });
  return { x, y, exampleShape: [4], numClasses: 2 };
}

const AGENCIES = (policy: Record<string, unknown> = {}): InProcessAgency[] =>
  [40, 64, 92].map((n, i) => ({ name: `agency-${i + 1}`, data: data(100 + i, n), policy }));

function config(overrides: Partial<RunConfigInput> = {}) {
  return parseRunConfig({
    runId: 'evaluation', purpose: 'federated evaluation', model: 'layers-json', modelPath: 'in-process', rounds: 2, seed: SEED,
    train: { epochs: 2, batchSize: 8, learningRate: 0.05, optimizer: 'adam' }, selection: { min: 3 }, minCohort: 3, weightCap: 1000,
    evaluation: { every: 1, atEnd: true, validationFraction: FRACTION },
    deadlines: { answerMs: 30_000, uploadMs: 30_000, exchangeMs: 30_000 }, waitForAgenciesMs: 200,
    ...overrides,
  });
}

const metricsOf = (ledger: Entry[], round: number) => ledger.find((e) => e.type === 'metrics' && e.body.round === round)!.body as {
  modelSha256: string; agencies: number; training?: { examples: number; lossSum: number }; validation?: MetricTotals;
};

/** Each agency's validation totals of the initial model, as it computes them: its own split (run-data.ts), the model the coordinator starts from. */
async function ownTotals(agencies: InProcessAgency[], runId: string): Promise<MetricTotals[]> {
  const model = await buildModel(SPEC, SEED);
  try {
    return agencies.map((agency) => {
      const prepared = new RunDataSource({ data: agency.data!, fingerprint: fingerprint(agency) }, { maxValidationFraction: 0.5, dataset: { kind: 'json', license: 'x' } })
        .forOffer({ runId, evaluation: { validationFraction: FRACTION } });
      if (!prepared.ok) throw new Error(prepared.reason);
      return metricTotals(model, prepared.data.validation!, { bins: DEFAULT_BINS });
    });
  } finally {
    model.dispose();
  }
}

describe('federated evaluation with real agency clients', () => {
  it('under SecAgg and the aggregate policy, no agency\'s metrics reach the coordinator, and the cohort\'s totals are exact', async () => {
    const agencies = AGENCIES();
    federation = await InProcessFederation.create('evaluation-secure', agencies);
    const run = config();
    const result = await federation.run(run, await tfGlobalModel(SPEC, SEED), async (url) => {
      relay = await recordingRelay(url);
      return relay.url;
    });
    expect(result.state.status).toBe('finished');
    expect(result.state.history.map((r) => [r.round, r.kind ?? 'train', r.status, r.validation?.modelRound])).toEqual([
      [1, 'train', 'ok', 0], [2, 'train', 'ok', 1], [3, 'evaluation', 'ok', 2],
    ]);

    // What the coordinator received, message by message: round answers and SecAgg+ stage messages,
    // the masked inputs without any metrics beside them; never a plain update.
    const kinds = new Set(relay!.received.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['consistencySignature', 'maskedInput', 'roundAnswer', 'shareBundle', 'unmaskResponse']);
    const masked = relay!.received.filter((r) => r.kind === 'maskedInput');
    expect(masked).toHaveLength(9);
    for (const m of masked) expect(m.message.maskedInput!.agencyMetrics).toBeNull();

    // The ledger's totals of round 1 (the initial model) are exactly the sum of each agency's own.
    const ledger = await federation.ledger();
    const created = ledger.find((e) => e.type === 'run_created')!.body;
    const first = metricsOf(ledger, 1);
    expect(first.modelSha256).toBe(created.modelFingerprint);
    expect(first.agencies).toBe(3);
    const own = await ownTotals(agencies, run.runId);
    const add = (cells: (t: MetricTotals) => readonly number[]) => own.map(cells).reduce((a, b) => a.map((v, i) => v + b[i]));
    expect(first.validation!.examples).toBe(own.reduce((n, t) => n + t.examples, 0));
    expect(first.validation!.confusion).toEqual(add((t) => t.confusion));
    expect(first.validation!.scoreHistogram).toEqual(add((t) => t.scoreHistogram));
    // Each agency's loss sum travels as round(x * 2^24): the total is exactly the sum of those.
    expect(first.validation!.lossSum).toBe(own.reduce((s, t) => s + Math.round(t.lossSum / ULP), 0) * ULP);
    expect(first.training!.examples).toBe(agencies.reduce((n, a) => n + a.data!.y.length, 0) - first.validation!.examples);
    // Each later round validates the model the round before made.
    expect(metricsOf(ledger, 3).modelSha256).toBe(ledger.find((e) => e.type === 'model_updated' && e.body.round === 2)!.body.modelSha256);

    const report = await federation.verify();
    expect(report.failure).toBeNull();
    expect(report.runs[0].validation.map((v) => v.round)).toEqual([1, 2, 3]);
    expect(report.runs[0].best).not.toBeNull();
  }, 120_000);

  it('SecAgg on and off give the same metrics within the fixed-point rounding; per-agency metrics only where the policy allows', async () => {
    const perAgency = { metrics: 'per-agency', secagg: { required: false } };
    const secure = await InProcessFederation.create('evaluation-on', AGENCIES());
    const plain = await InProcessFederation.create('evaluation-off', AGENCIES(perAgency));
    try {
      const on = await secure.run(config({ rounds: 1, evaluation: { every: 1, atEnd: false, validationFraction: FRACTION } }), await tfGlobalModel(SPEC, SEED));
      const off = await plain.run(config({ rounds: 1, evaluation: { every: 1, atEnd: false, validationFraction: FRACTION }, secagg: { enabled: false } }), await tfGlobalModel(SPEC, SEED));
      const [a, b] = [metricsOf(await secure.ledger(), 1), metricsOf(await plain.ledger(), 1)];
      // The same model (the initial one), the same splits: counts exactly, sums within 3 agencies' rounding.
      expect(a.modelSha256).toBe(b.modelSha256);
      expect({ ...a.validation, lossSum: 0 }).toEqual({ ...b.validation, lossSum: 0 });
      expect(Math.abs(a.validation!.lossSum - b.validation!.lossSum)).toBeLessThanOrEqual(3 * ULP / 2);
      expect(a.training!.examples).toBe(b.training!.examples);
      expect(Math.abs(a.training!.lossSum - b.training!.lossSum)).toBeLessThanOrEqual(3 * ULP / 2 + 1e-9);
      expect(on.state.history[0].trainLoss).toBeCloseTo(off.state.history[0].trainLoss!, 6);
      // In the clear, only agencies whose policy allows per-agency metrics report them, one by one.
      expect(Object.keys(off.state.history[0].agencies ?? {})).toEqual(['agency-1', 'agency-2', 'agency-3']);
      expect(on.state.history[0].agencies).toBeUndefined();
    } finally {
      await secure.cleanup();
      await plain.cleanup();
    }
  }, 120_000);

  it('a regression task: validation MSE and MAE, from totals the same way', async () => {
    const spec: TabularMlpSpec = { kind: 'tabular-mlp', inputs: 4, task: 'regression', outputs: 1, hidden: [4] };
    const targets = (d: Dataset): Dataset => ({ ...d, y: Float32Array.from(d.y, (_, i) => d.x[4 * i] - 2 * d.x[4 * i + 1]), numClasses: 0 });
    federation = await InProcessFederation.create('evaluation-regression', AGENCIES().map((a) => ({ ...a, data: targets(a.data!) })));
    const result = await federation.run(config({ rounds: 1 }), await tfGlobalModel(spec, SEED));
    const ledger = await federation.ledger();
    const [first, last] = [metricsOf(ledger, 1).validation!, metricsOf(ledger, 2).validation!];
    expect(first).toMatchObject({ task: 'regression', confusion: [], scoreHistogram: [] });
    // Squared error is the regression loss: its sum is the loss sum.
    expect(first.squaredErrorSum).toBeCloseTo(first.lossSum, 3);
    const [v0, v1] = [result.state.history[0].validation!, result.state.history[1].validation!];
    expect(v0).toMatchObject({ modelRound: 0, examples: first.examples });
    expect(v0.mse).toBeCloseTo(first.squaredErrorSum / first.examples, 9);
    expect(v0.mae).toBeCloseTo(first.absoluteErrorSum / first.examples, 9);
    expect(v0.accuracy).toBeUndefined();
    // One round of training on a linear target brings the validation error down.
    expect(v1.mse!).toBeLessThan(v0.mse!);
    expect(last.examples).toBe(first.examples);
    expect((await federation.verify()).failure).toBeNull();
  }, 120_000);

  it.skipIf(!builtCli())('early stopping on the federated validation loss; the best model is the ledger\'s, and model export --best writes it', async () => {
    // Every agency's training makes the model worse (each weight pushed up by 1): the initial model stays the best.
    const worse: InProcessAgency['train'] = async (model, examples) => {
      setFlatWeights(model, getFlatWeights(model).map((w) => w + 1));
      return { loss: 1, examples: examples.y.length };
    };
    federation = await InProcessFederation.create('evaluation-early', AGENCIES().map((a) => ({ ...a, train: worse })));
    const run = config({ rounds: 6, evaluation: { every: 1, atEnd: true, validationFraction: FRACTION, patience: 1 } });
    const model = await tfGlobalModel(SPEC, SEED);
    const result = await federation.run(run, model);
    // Round 2 validates the first trained model, which is worse: training ends, the final model is validated.
    expect(result.state.history.map((r) => [r.round, r.kind ?? 'train', r.validation?.modelRound])).toEqual([[1, 'train', 0], [2, 'train', 1], [3, 'evaluation', 2]]);
    expect(result.state.finishedReason).toMatch(/^early stopping: the validation loss did not improve for 1 validations \(best [\d.]+, the model of round 0\)/);
    expect(result.state.best?.round).toBe(0);
    expect((await federation.verify()).failure).toBeNull();

    const out = join(federation.dir, 'best');
    const exported = spawnSync(process.execPath, [BUILT_CLI, 'model', 'export', '--run-id', run.runId, '--data-dir', join(federation.dir, 'coordinator'), '--best', '--out', out], { encoding: 'utf8' });
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('round 0 (the lowest federated validation loss');
    const best = await loadCheckpoint(out);
    expect(getFlatWeights(best)).toEqual(model.initialWeights());
    best.dispose();
  }, 120_000);
});
