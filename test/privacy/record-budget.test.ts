// The agency's record-level budget: DP-SGD's steps, planned by the trainer (ml/dpsgd.ts) at the
// agency's own sampling rate and charged round by round into the client's round journal under
// the 'record' accountant, give the epsilon TF Privacy and Opacus publish for the same
// Poisson-sampled configurations (vectors/*.json); a round that would pass the limit is refused,
// also after the journal is reopened from disk; the two units never compose.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgencySpend } from '../../client/spend.js';
import { JOURNAL_FILE, RECORD_ACCOUNTANT, RoundJournal } from '../../client/round-journal.js';
import { planDpSgd, type DpSgdConfig } from '../../ml/dpsgd.js';
import { RdpAccountant } from '../../privacy/accountant.js';
import { AgencyBudget, BudgetExceededError } from '../../privacy/budget.js';
import { expectClose, loadVectors, orders, type OrderSpec, type Tolerance } from './vectors.js';

interface Source { repository: string; file: string; test: string }
interface DpSgdCase { name: string; n: number; batchSize: number; noiseMultiplier: number; epochs: number; delta: number; expectedEpsilon: number; tolerance: Tolerance }
const tfPrivacy = loadVectors<{ dpSgd: { source: Source; orders: OrderSpec[]; cases: DpSgdCase[] } }>('tf-privacy.json');
const opacus = loadVectors<{ accountant: { source: Source; samplingRate: number; noiseMultiplier: number; steps: number; delta: number; expectedEpsilon: number; tolerance: Tolerance }[] }>('opacus.json');

const DELTA = 1e-5;
const OFFER = 'ab'.repeat(32);
const training = (over: Partial<DpSgdConfig>): DpSgdConfig => ({ epochs: 1, lotSize: 100, clipNorm: 1, noiseMultiplier: 1, learningRate: 0.1, ...over });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-record-budget-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The agency's spend over the journal in `dir`, as a restarted client would open it. */
async function openSpend(limit: number): Promise<AgencySpend> {
  return new AgencySpend(await RoundJournal.open(dir), { record: { epsilon: limit, delta: DELTA } });
}

/** Charges `rounds` rounds of the trainer's plan into the journal, reopening it halfway; the record-level budget at `orderList`. */
async function chargeRounds(cfg: DpSgdConfig, n: number, rounds: number, orderList?: number[]): Promise<AgencyBudget> {
  let spend = await openSpend(1e9);
  for (let round = 0; round < rounds; round++) {
    if (round === Math.floor(rounds / 2)) spend = await openSpend(1e9);
    const plan = planDpSgd(cfg, n);
    await spend.charge({ runId: 'run-a', round, offerSha256: OFFER }, { record: { samplingRate: plan.samplingRate, noiseMultiplier: plan.noiseMultiplier, count: plan.steps } });
  }
  return new AgencyBudget(1e9, (await RoundJournal.open(dir)).spend(RECORD_ACCOUNTANT), { unit: 'record', orders: orderList });
}

describe('record-level accounting against published DP-SGD values', () => {
  it.each(tfPrivacy.dpSgd.cases.slice(0, 2).map((c) => [c.name, c] as const))(
    `TF Privacy ${tfPrivacy.dpSgd.source.test} %s: the trainer's plan, charged one epoch per round, gives the published epsilon`,
    async (_, c) => {
      const cfg = training({ epochs: 1, lotSize: c.batchSize, noiseMultiplier: c.noiseMultiplier });
      const plan = planDpSgd(cfg, c.n);
      expect(plan.samplingRate).toBe(c.batchSize / c.n);
      expect(plan.steps * c.epochs).toBe(Math.ceil((c.epochs * c.n) / c.batchSize));
      const budget = await chargeRounds(cfg, c.n, c.epochs, orders(tfPrivacy.dpSgd.orders));
      expect(budget.records).toHaveLength(c.epochs);
      expectClose(budget.spent(c.delta), c.expectedEpsilon, c.tolerance);
    },
  );

  it.each(opacus.accountant.map((v) => [`${v.source.repository} ${v.source.test}`, v] as const))('%s: 90 epochs at q = 0.04 in nine rounds', async (_, v) => {
    // n = 2500 records and an expected lot of 100 give q = 0.04; ten epochs a round, 250 steps.
    const cfg = training({ epochs: 10, lotSize: 100, noiseMultiplier: v.noiseMultiplier });
    const plan = planDpSgd(cfg, 2500);
    expect(plan).toEqual({ steps: 250, samplingRate: v.samplingRate, noiseMultiplier: v.noiseMultiplier });
    const budget = await chargeRounds(cfg, 2500, 9);
    expect(9 * plan.steps).toBe(v.steps);
    expectClose(budget.spent(v.delta), v.expectedEpsilon, v.tolerance);
  });
});

describe('record-level budget: refusal, durability, units', () => {
  const STEP = { samplingRate: 0.05, noiseMultiplier: 1.1, count: 40 };
  const at = (runId: string, round: number) => ({ runId, round, offerSha256: OFFER });
  const journalText = () => readFile(join(dir, JOURNAL_FILE), 'utf8');

  it('refuses a round that would exceed the limit, before and after a restart, and leaves the journal as it was', async () => {
    // A limit that three rounds and one more step fit under, and four rounds do not.
    const limit = new RdpAccountant().compose({ ...STEP, count: 3 * STEP.count + 1 }).epsilon(DELTA).epsilon * 1.00001;
    const spend = await openSpend(limit);
    for (let round = 1; round <= 3; round++) {
      const decision = (await spend.charge(at('run-a', round), { record: STEP })).record!;
      expect(decision.ok).toBe(true);
      expect(decision.epsilonAfter).toBeLessThanOrEqual(limit);
    }
    const before = await journalText();
    expect(spend.check('record', STEP)!.ok).toBe(false);
    await expect(spend.charge(at('run-a', 4), { record: STEP })).rejects.toThrow(BudgetExceededError);
    await expect(spend.charge(at('run-b', 1), { record: STEP })).rejects.toThrow(/record-level privacy budget would be exceeded/);
    expect(await journalText()).toBe(before);

    const restarted = await openSpend(limit);
    expect(restarted.budget('record')!.records).toHaveLength(3);
    expect(restarted.budget('record')!.spent(DELTA)).toBe(spend.budget('record')!.spent(DELTA));
    expect(restarted.check('record', STEP)!.ok).toBe(false);
    await expect(restarted.charge(at('run-a', 4), { record: STEP })).rejects.toThrow(BudgetExceededError);
    // A smaller round still fits, and is charged.
    expect((await restarted.charge(at('run-a', 4), { record: { ...STEP, count: 1 } })).record!.ok).toBe(true);
    expect((await openSpend(limit)).budget('record')!.records).toHaveLength(4);
  });

  it('charges a (run, round) once, also after a restart', async () => {
    const spend = await openSpend(100);
    await spend.charge(at('run-a', 1), { record: STEP });
    const spent = spend.budget('record')!.spent(DELTA);
    await expect(spend.charge(at('run-a', 1), { record: STEP })).rejects.toThrow(/already charged/);
    const restarted = await openSpend(100);
    await expect(restarted.charge(at('run-a', 1), { record: STEP })).rejects.toThrow(/already charged/);
    expect(restarted.budget('record')!.records).toHaveLength(1);
    expect(restarted.budget('record')!.spent(DELTA)).toBe(spent);
  });

  it('concurrent charges are serialised: of two rounds with room for one, exactly one is charged', async () => {
    const limit = new RdpAccountant().compose(STEP).epsilon(DELTA).epsilon * 1.0001;
    const spend = await openSpend(limit);
    const results = await Promise.allSettled([spend.charge(at('run-a', 1), { record: STEP }), spend.charge(at('run-b', 1), { record: STEP })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await openSpend(limit)).budget('record')!.records).toHaveLength(1);
  });

  it('keeps the units apart: one round charged to both composes each in its own accountant', async () => {
    const agencyStep = { samplingRate: 1, noiseMultiplier: 2, count: 1 };
    const spend = new AgencySpend(await RoundJournal.open(dir), { agency: { epsilon: 50, delta: DELTA }, record: { epsilon: 50, delta: DELTA } });
    const decisions = await spend.charge(at('run-a', 1), { agency: agencyStep, record: STEP });
    expect(decisions.agency!.epsilonAfter).toBeCloseTo(new RdpAccountant().compose(agencyStep).epsilon(DELTA).epsilon, 9);
    expect(decisions.record!.epsilonAfter).toBeCloseTo(new RdpAccountant().compose(STEP).epsilon(DELTA).epsilon, 9);
    const reopened = await RoundJournal.open(dir);
    expect(reopened.spend('agency')).toEqual([{ runId: 'run-a', round: 1, step: agencyStep }]);
    expect(reopened.spend(RECORD_ACCOUNTANT)).toEqual([{ runId: 'run-a', round: 1, step: STEP }]);
    // A unit without a limit is remembered but never refuses.
    const unlimited = new AgencySpend(reopened, { agency: { epsilon: 50, delta: DELTA } });
    expect(unlimited.check('record', STEP)).toBeUndefined();
    expect(() => new AgencyBudget(10, [], { unit: 'rows' as 'record' })).toThrow(/options.unit/);
  });

  it('rejects bad charges, naming what is wrong', async () => {
    const budget = new AgencyBudget(10, [], { unit: 'record' });
    expect(() => budget.canJoin({ ...STEP, samplingRate: 2 }, DELTA)).toThrow(/samplingRate/);
    expect(() => budget.canJoin(STEP, 0)).toThrow(/delta/);
    expect(() => budget.add({ runId: '', round: 1, step: STEP })).toThrow(/runId/);
    expect(() => budget.add({ runId: 'run-a', round: -1, step: STEP })).toThrow(/round/);
  });
});
