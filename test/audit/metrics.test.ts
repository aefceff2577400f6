// The verifier's rules for metrics and statistics (docs/LEDGER.md, section 6): the metrics of a
// round are of the model it offered (the run's current model), summed over every input under
// SecAgg, and totals that can be totals; evaluation and statistics rounds spend no privacy; the
// run report lists each model's federated validation and the best.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { showLedger } from '../../audit/show.js';
import { verifyLedger } from '../../audit/verify.js';
import { sign, toHex } from '../../identity/keys.js';
import { commitmentTranscript, type EntryBody, type RunCreated } from '../../ledger/entries.js';
import { RoundLog } from '../../ledger/round-log.js';
import { LedgerWriter } from '../../ledger/writer.js';
import { epsilonAfter } from '../../privacy/accountant.js';
import { AGENCIES, MAIN_RUN, agreement, clients, coordinator, fixedClock, hashOf, offerOf } from './fixture.js';

const cohort = AGENCIES.slice(0, 3);
type Validation = NonNullable<EntryBody<'metrics'>['validation']>;
const binary = (over: Partial<Validation> = {}): Validation => ({
  task: 'binary', examples: 10, lossSum: 4.5, confusion: [5, 1, 2, 2], scoreHistogram: [4, 2, 0, 1, 1, 2], squaredErrorSum: 0, absoluteErrorSum: 0, ...over,
});

interface RoundSpec {
  kind?: 'evaluation' | 'statistics';
  /** The metrics entry's fields (model hash defaults to the run's current model). */
  metrics?: Partial<EntryBody<'metrics'>>;
  model?: string;
  epsilon?: number;
}

/** A ledger of one run (SecAgg on; DP as given) whose rounds are `rounds`, each whole. */
async function ledgerOf(run: RunCreated, rounds: RoundSpec[]): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'cohort-metrics-')), 'ledger.jsonl');
  const writer = await LedgerWriter.open(path, coordinator, { now: fixedClock() });
  await writer.append('run_created', run);
  for (const agency of cohort) {
    await writer.append('agency_joined', { runId: run.runId, agency, identityKey: toHex(clients[agency].publicKey), dataset: { sha256: hashOf(agency), schema: 'x', rows: 10, license: 'test' } });
  }
  let current = run.modelFingerprint;
  for (const [i, spec] of rounds.entries()) {
    const round = i + 1;
    const log = await RoundLog.open(writer, { secure: true, private: run.dp !== null }, {
      runId: run.runId, round, minCohort: 3, offerSha256: offerOf(run.runId, round), cohort: cohort.map((agency) => ({ agency, identityKey: toHex(clients[agency].publicKey) })),
      secagg: { threshold: 3, degree: 2, offered: cohort.length }, ...(spec.kind ? { kind: spec.kind } : {}),
    });
    for (const agency of cohort) {
      const hash = hashOf(`${round} ${agency}`);
      const offerSha256 = offerOf(run.runId, round);
      await log.append('commitment', { agency, offerSha256, maskedInputSha256: hash, clientSignature: toHex(sign(commitmentTranscript(run.runId, round, offerSha256, hash), clients[agency].secretKey)) });
    }
    await log.append('unmasking', { survivors: [...cohort], dropped: [], sharesFrom: [...cohort], ...agreement(run.runId, round, cohort.length, [...cohort], cohort) });
    await log.append('aggregate', { aggregateSha256: hashOf(`sum ${round}`), inputs: 3 });
    if (spec.kind === 'statistics') await log.append('statistics', { schemaSha256: hashOf('schema'), totalsSha256: hashOf('totals'), rows: 30 });
    else if (spec.metrics) await log.append('metrics', { modelSha256: current, agencies: 3, ...spec.metrics });
    if (!spec.kind) {
      current = spec.model ?? hashOf(`model ${round}`);
      await log.append('model_updated', { modelSha256: current });
      if (run.dp) await log.append('privacy_spent', { epsilon: spec.epsilon!, delta: run.dp.targetDelta, noiseMultiplier: run.dp.noiseMultiplier, samplingRate: run.dp.samplingRate });
    }
    await log.append('round_closed', { status: 'ok' });
  }
  await writer.close();
  return readFile(path, 'utf8');
}

const plainRun: RunCreated = { ...MAIN_RUN, dp: null, rounds: 5 };
const verify = (ledger: string) => verifyLedger(ledger, { coordinatorKey: coordinator.publicKey });

describe('metrics in the ledger', () => {
  it('each round validates the model before it; the report lists every validation and the best', async () => {
    const ledger = await ledgerOf(plainRun, [
      { metrics: { validation: binary({ lossSum: 6 }) } },
      { metrics: { validation: binary({ lossSum: 3 }), training: { examples: 30, lossSum: 9 } } },
      { kind: 'evaluation', metrics: { validation: binary({ lossSum: 4 }) } },
    ]);
    const report = verify(ledger);
    expect(report.failure).toBeNull();
    expect(report.runs[0].validation.map((v) => [v.round, v.loss, v.accuracy])).toEqual([[1, 0.6, 0.7], [2, 0.3, 0.7], [3, 0.4, 0.7]]);
    expect(report.runs[0].best).toMatchObject({ round: 2, modelSha256: hashOf('model 1') });
    const shown = showLedger(ledger);
    expect(shown).toContain(`run ${plainRun.runId} round 2: federated validation of the model it offered: loss 0.3000, accuracy 70.00% (10 examples)`);
    expect(shown).toContain(`run ${plainRun.runId} round 3: evaluation only`);
  });

  it('metrics of a model other than the run\'s current one are INCONSISTENT', async () => {
    const ledger = await ledgerOf(plainRun, [{}, { metrics: { modelSha256: MAIN_RUN.modelFingerprint, validation: binary() } }]);
    expect(verify(ledger).failure).toMatchObject({ code: 'INCONSISTENT', message: expect.stringContaining('but the round offered the run\'s current model') });
  });

  it.each([
    ['under SecAgg, totals from fewer agencies than the inputs', { agencies: 2 }, /summed over 2 agencies; the aggregate has 3 inputs/],
    ['confusion counts that do not add up to the examples', { validation: binary({ examples: 11 }) }, /add up to 10, not the 11 examples/],
    ['a score histogram whose classes disagree with the confusion counts', { validation: binary({ scoreHistogram: [3, 2, 0, 2, 1, 2] }) }, /counts 5 negatives and 5 positives; the confusion counts 6 and 4/],
    ['a multiclass confusion that is no square', { validation: binary({ task: 'multiclass', confusion: [1, 2, 3], scoreHistogram: [] }) }, /3 confusion counts/],
  ])('%s: INCONSISTENT', async (_, metrics, message) => {
    const ledger = await ledgerOf(plainRun, [{ metrics }]);
    expect(verify(ledger).failure).toMatchObject({ code: 'INCONSISTENT', message: expect.stringMatching(message) });
  });

  it('with DP, evaluation and statistics rounds spend no privacy: a training round after them is the first step', async () => {
    const dp = MAIN_RUN.dp!;
    const step = (count: number) => epsilonAfter({ samplingRate: dp.samplingRate, noiseMultiplier: dp.noiseMultiplier, count }, dp.targetDelta);
    const run = { ...MAIN_RUN, rounds: 4 };
    const ok = await ledgerOf(run, [{ kind: 'statistics' }, { kind: 'evaluation', metrics: { validation: binary() } }, { epsilon: step(1) }]);
    expect(verify(ok).failure).toBeNull();
    expect(verify(ok).runs[0].epsilon).toBe(step(1));
    const counted = await ledgerOf(run, [{ kind: 'statistics' }, { kind: 'evaluation', metrics: { validation: binary() } }, { epsilon: step(3) }]);
    expect(verify(counted).failure).toMatchObject({ code: 'INCONSISTENT' });
  });

  it('an evaluation round without metrics, or a training round with a statistics entry, is out of ORDER', async () => {
    await expect(ledgerOf(plainRun, [{ kind: 'evaluation' }])).rejects.toMatchObject({ code: 'LEDGER_ORDER' });
    const path = join(await mkdtemp(join(tmpdir(), 'cohort-metrics-')), 'ledger.jsonl');
    const writer = await LedgerWriter.open(path, coordinator, { now: fixedClock() });
    const log = await RoundLog.open(writer, { secure: false, private: false }, { runId: 'r', round: 1, minCohort: 1, offerSha256: offerOf('r', 1), cohort: [{ agency: 'a', identityKey: hashOf('k') }] });
    await log.append('aggregate', { aggregateSha256: hashOf('s'), inputs: 0 });
    await expect(log.append('statistics', { schemaSha256: hashOf('s'), totalsSha256: hashOf('t'), rows: 1 })).rejects.toMatchObject({ code: 'LEDGER_ORDER' });
    await writer.close();
  });
});
