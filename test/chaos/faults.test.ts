// Issue #11's faults, each reproduced on purpose in an in-process federation (federation.ts):
// the real coordinator and agency clients over loopback WebSockets, killed exactly where the
// issue's operator killed them. Each test failed before its fix (the commit says so). Then every
// crash point of a run, one at a time: the order of writes (docs/ARCHITECTURE.md, "Where state
// lives") must leave something that resumes to a run every invariant holds for.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../audit/verify.js';
import { RdpAccountant } from '../../privacy/accountant.js';
import type { Unmasking } from '../../ledger/entries.js';
import { ChaosFederation, STEP, type CoordinatorKill, type IncarnationResult } from './federation.js';
import { violations } from './invariants.js';

let fed: ChaosFederation | undefined;
afterEach(async () => {
  await fed?.cleanup();
  fed = undefined;
});

type Entry = { seq: number; type: string; body: Record<string, unknown> };
const of = (entries: Entry[], type: string, round?: number) => entries.filter((e) => e.type === type && (round === undefined || e.body.round === round));

async function verified(f: ChaosFederation) {
  return verifyLedger(await readFile(f.ledgerPath), { coordinatorKey: f.coordinatorIdentity.publicKey, receipts: await f.receipts(), requireFinished: true });
}

async function invariants(f: ChaosFederation, last: IncarnationResult): Promise<string[]> {
  return violations({
    ledger: await readFile(f.ledgerPath), coordinatorKey: f.coordinatorIdentity.publicKey, receipts: await f.receipts(),
    runId: f.config.runId, weights: last.result!.weights, checkpointDir: last.result!.checkpointDir,
  });
}

describe('issue #11, each fault as the operator met it', () => {
  it('B1: a secure round left with fewer agencies than --min-agencies is abandoned before any share is revealed', async () => {
    // 5 agencies: complete graph, t = 3; the run's minimum is 4, and two die at upload.
    fed = await ChaosFederation.create('b1', 5, { rounds: 1, secagg: { enabled: true }, minCohort: 4, selection: { min: 5 } });
    const unmasked: string[] = [];
    const life = await fed.incarnation({
      agencies: [{ agency: 'agency-4', round: 1, stage: 'upload' }, { agency: 'agency-5', round: 1, stage: 'upload' }],
      onStage: (agency, stage) => { if (stage === 'unmask') unmasked.push(agency); },
    });
    const [round] = life.result!.state.history;
    expect(round).toMatchObject({ status: 'abandoned', reason: 'only 3 agencies left after masked_input; the minimum is 4' });
    expect(unmasked).toEqual([]);
    const ledger = await fed.ledger();
    expect(of(ledger, 'commitment', 1)).toHaveLength(3);
    expect(of(ledger, 'dropout', 1).map((e) => [e.body.agency, e.body.stage]).sort()).toEqual([['agency-4', 'masked_input'], ['agency-5', 'masked_input']]);
    expect(of(ledger, 'unmasking', 1)).toEqual([]);
    expect(of(ledger, 'aggregate', 1)).toEqual([]);
    expect((await verified(fed)).failure).toBeNull();
  });

  it('B2: an agency that drops at the unmask stage is a survivor with a dropout entry, not also listed as dropped', async () => {
    fed = await ChaosFederation.create('b2', 4, { rounds: 1, secagg: { enabled: true }, minCohort: 3 });
    const life = await fed.incarnation({ agencies: [{ agency: 'agency-4', round: 1, stage: 'unmask' }] });
    expect(life.result!.state.history[0]).toMatchObject({ status: 'ok', contributors: 4 });
    const ledger = await fed.ledger();
    const unmasking = of(ledger, 'unmasking', 1)[0].body as Unmasking;
    expect(unmasking).toMatchObject({
      runId: 'chaos', round: 1, survivors: ['agency-1', 'agency-2', 'agency-3', 'agency-4'], dropped: [], sharesFrom: ['agency-1', 'agency-2', 'agency-3'],
    });
    // agency-4 signed the survivor set (the consistency round) before it died at the unmask stage.
    expect(unmasking.consistency.map((c) => c.agency)).toEqual(['agency-1', 'agency-2', 'agency-3', 'agency-4']);
    expect(of(ledger, 'dropout', 1).map((e) => [e.body.agency, e.body.stage])).toEqual([['agency-4', 'unmasking']]);
    expect((await verified(fed)).failure).toBeNull();
  });

  it('B3: a crash inside the round where agencies first join does not record their joining twice', async () => {
    fed = await ChaosFederation.create('b3', 4, { rounds: 2, secagg: { enabled: true } });
    // Killed before round 1's first commitment is written: agency_joined and round_opened are on disk.
    const first = await fed.incarnation({ coordinator: { kind: 'entry', type: 'commitment', round: 1, when: 'before' } });
    expect(first.crashed).toBe(true);
    expect(of(await fed.ledger(), 'agency_joined')).toHaveLength(4);
    const last = await fed.incarnation();
    const ledger = await fed.ledger();
    expect(of(ledger, 'agency_joined').map((e) => e.body.agency).sort()).toEqual(['agency-1', 'agency-2', 'agency-3', 'agency-4']);
    expect(of(ledger, 'round_closed').map((e) => [e.body.round, e.body.status])).toEqual([[1, 'abandoned'], [2, 'ok']]);
    expect(await invariants(fed, last)).toEqual([]);
  });

  it('B4: a crash right after a DP round closes loses no privacy step: five rounds at z = 1 end at epsilon 12.30', async () => {
    fed = await ChaosFederation.create('b4', 3, {
      rounds: 5, secagg: { enabled: false }, minCohort: 2, selection: { min: 3 },
      dp: { mode: 'central', clipNorm: 1, noiseMultiplier: 1, delta: 1e-5 },
    });
    expect((await fed.incarnation({ coordinator: { kind: 'entry', type: 'round_closed', round: 3, when: 'after' } })).crashed).toBe(true);
    const last = await fed.incarnation();
    const ledger = await fed.ledger();
    expect(of(ledger, 'round_closed').map((e) => e.body.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    const spent = of(ledger, 'privacy_spent').map((e) => e.body.epsilon as number);
    const accountant = (n: number) => new RdpAccountant().compose({ samplingRate: 1, noiseMultiplier: 1, count: n }).epsilon(1e-5).epsilon;
    expect(spent).toEqual([1, 2, 3, 4, 5].map(accountant));
    expect(spent[4]).toBeCloseTo(12.3017, 4); // the figure for five steps; 10.73 is four
    expect((await verified(fed)).runs[0].epsilon).toBe(spent[4]);
    expect(await invariants(fed, last)).toEqual([]);
  });

  it('B8: with DP and --clip-range 0.1 the mean update is the mean, not ten times it: the weight travels exactly, apart from the clip range', async () => {
    fed = await ChaosFederation.create('b8', 4, {
      rounds: 1, secagg: { enabled: true, clipRange: 0.1 }, minCohort: 3,
      // Little noise (std 0.005 on the sum, 0.08 STEP on the mean), so the mean shows.
      dp: { mode: 'central', clipNorm: 0.5, noiseMultiplier: 0.01, delta: 1e-5 },
    });
    const life = await fed.incarnation();
    expect(life.result!.state.history[0].status).toBe('ok');
    // Agency i steps every weight by STEP * (i + 1) (L2 norm below the clip norm); with DP all
    // weigh 1, so the mean step is 2.5 STEP. The weight clipped to 0.1 made it 25.
    const initial = fed.model.initialWeights();
    const moved = Array.from(life.result!.weights, (w, i) => (w - initial[i]) / STEP);
    for (const step of moved) expect(step).toBeCloseTo(2.5, 0);
  });

  it('B8: without DP the FedAvg weights are the example counts, exactly: the mean is weighted by them', async () => {
    fed = await ChaosFederation.create('b8w', 4, { rounds: 1, secagg: { enabled: true }, minCohort: 3 });
    const life = await fed.incarnation();
    // Agency i trains on 100 + 10 i examples and steps by STEP * (i + 1).
    const counts = [100, 110, 120, 130];
    const mean = counts.reduce((sum, n, i) => sum + n * (i + 1), 0) / counts.reduce((a, b) => a + b, 0);
    // Within the quantization error (4 contributions of at most 2 / (2^20 - 1), over a total weight
    // of 0.46: ~0.001 STEP); the unweighted mean, 2.5, is 0.11 STEP off.
    const initial = fed.model.initialWeights();
    for (const [i, w] of life.result!.weights.entries()) expect((w - initial[i]) / STEP).toBeCloseTo(mean, 2);
  });

  it('B8: a count total no honest cohort can have is caught exactly: the unmasked sum is recorded (its privacy step spent) and never applied', async () => {
    fed = await ChaosFederation.create('b8x', 4, { rounds: 1, secagg: { enabled: true }, minCohort: 3 });
    // agency-4 adds 5000 to its count word: masks cancel in the sum, so the sum's count total grows by it.
    const life = await fed.incarnation({
      tamper: (agency, _round, masked) => {
        if (agency !== 'agency-4') return;
        const words = new Uint32Array(masked.buffer, masked.byteOffset, masked.byteLength / 4);
        words[words.length - 1] = (words[words.length - 1] + 5000) >>> 0;
      },
    });
    expect(life.result!.state.history[0]).toMatchObject({ status: 'abandoned', reason: expect.stringMatching(/example counts add up to 5460, outside \[4, 4000\]/) });
    const ledger = await fed.ledger();
    expect(of(ledger, 'unmasking', 1)).toHaveLength(1);
    expect(of(ledger, 'aggregate', 1)).toHaveLength(1);
    expect(of(ledger, 'model_updated', 1)).toEqual([]);
    expect(of(ledger, 'round_closed', 1)[0].body.status).toBe('abandoned');
    expect(Array.from(life.result!.weights)).toEqual(Array.from(fed.model.initialWeights()));
    expect((await verified(fed)).failure).toBeNull();
  });

  it('A: run_finished counts the rounds opened; a round number skipped before opening is not one', async () => {
    // Round 1 opens with too few agencies (agency-4 dies before answering, then comes back): skipped.
    fed = await ChaosFederation.create('a', 4, { rounds: 2, secagg: { enabled: true }, minCohort: 4, selection: { min: 4 }, waitForAgenciesMs: 20_000 });
    const life = await fed.incarnation({ agencies: [{ agency: 'agency-4', round: 1, stage: 'advertise', restart: true }] });
    expect(life.result!.state.history.map((r) => [r.round, r.status])).toEqual([[1, 'abandoned'], [2, 'ok']]);
    const ledger = await fed.ledger();
    expect(of(ledger, 'round_opened').map((e) => e.body.round)).toEqual([2]);
    expect(of(ledger, 'run_finished')[0].body.rounds).toBe(1);
    const report = await verified(fed);
    expect(report.failure).toBeNull();
    expect(report.runs[0]).toMatchObject({ rounds: 1, roundsOk: 1, roundsAbandoned: 0 });
  });
});

describe('the order of writes: a crash between any two of them resumes', () => {
  it('every crash point of a secure DP run (each ledger write, each checkpoint save) resumes to a run every invariant holds for', async () => {
    const run = { rounds: 2, secagg: { enabled: true }, minCohort: 3, dp: { mode: 'central' as const, clipNorm: 1, noiseMultiplier: 1, delta: 1e-5 } };
    // A run without a crash says how many writes of each kind there are.
    fed = await ChaosFederation.create('order', 3, run);
    const clean = await fed.incarnation();
    expect(await invariants(fed, clean)).toEqual([]);
    const entries = (await fed.ledger()).length;
    await fed.cleanup();
    const points: CoordinatorKill[] = [
      ...Array.from({ length: entries }, (_, seq) => ({ kind: 'ledger', seq }) as const),
      ...[0, 1, 2].flatMap((index) => [false, true].map((after) => ({ kind: 'save', index, after }) as const)),
    ];
    const failed: string[] = [];
    for (const point of points) {
      fed = await ChaosFederation.create('order', 3, run);
      const first = await fed.incarnation({ coordinator: point });
      const last = first.crashed ? await fed.incarnation() : first;
      for (const problem of await invariants(fed, last)) failed.push(`${JSON.stringify(point)}: ${problem}`);
      if (!first.crashed) failed.push(`${JSON.stringify(point)}: the coordinator was never killed`);
      await fed.cleanup();
    }
    fed = undefined;
    expect(points.length).toBeGreaterThan(25);
    expect(failed).toEqual([]);
  });
});
