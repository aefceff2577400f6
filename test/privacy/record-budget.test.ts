// The agency's record-level budget: DP-SGD's steps, planned by the trainer (ml/dpsgd.ts) at the
// agency's own sampling rate and charged round by round into a durable AgencyBudget of unit
// 'record', give the epsilon TF Privacy and Opacus publish for the same Poisson-sampled
// configurations (vectors/*.json); a round that would pass the limit is refused, also after a
// reload from disk; the two units never share a file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planDpSgd, type DpSgdConfig } from '../../ml/dpsgd.js';
import { RdpAccountant } from '../../privacy/accountant.js';
import { AgencyBudget, BudgetExceededError } from '../../privacy/budget.js';
import { expectClose, loadVectors, orders, type OrderSpec, type Tolerance } from './vectors.js';

interface Source { repository: string; file: string; test: string }
interface DpSgdCase { name: string; n: number; batchSize: number; noiseMultiplier: number; epochs: number; delta: number; expectedEpsilon: number; tolerance: Tolerance }
const tfPrivacy = loadVectors<{ dpSgd: { source: Source; orders: OrderSpec[]; cases: DpSgdCase[] } }>('tf-privacy.json');
const opacus = loadVectors<{ accountant: { source: Source; samplingRate: number; noiseMultiplier: number; steps: number; delta: number; expectedEpsilon: number; tolerance: Tolerance }[] }>('opacus.json');

const DELTA = 1e-5;
const training = (over: Partial<DpSgdConfig>): DpSgdConfig => ({ epochs: 1, lotSize: 100, clipNorm: 1, noiseMultiplier: 1, learningRate: 0.1, ...over });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-record-budget-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Charges `rounds` rounds of `epochsPerRound` epochs, reloading the budget from disk halfway. */
async function chargeRounds(path: string, cfg: DpSgdConfig, n: number, rounds: number, delta: number, orderList?: number[]): Promise<AgencyBudget> {
  let budget = await AgencyBudget.load(path, 1e9, { unit: 'record', orders: orderList });
  for (let round = 0; round < rounds; round++) {
    if (round === Math.floor(rounds / 2)) budget = await AgencyBudget.load(path, 1e9, { unit: 'record', orders: orderList });
    const plan = planDpSgd(cfg, n);
    await budget.charge('run-a', round, { samplingRate: plan.samplingRate, noiseMultiplier: plan.noiseMultiplier, count: plan.steps }, delta);
  }
  return AgencyBudget.load(path, 1e9, { unit: 'record', orders: orderList });
}

describe('record-level accounting against published DP-SGD values', () => {
  it.each(tfPrivacy.dpSgd.cases.slice(0, 2).map((c) => [c.name, c] as const))(
    `TF Privacy ${tfPrivacy.dpSgd.source.test} %s: the trainer's plan, charged one epoch per round, gives the published epsilon`,
    async (_, c) => {
      const cfg = training({ epochs: 1, lotSize: c.batchSize, noiseMultiplier: c.noiseMultiplier });
      const plan = planDpSgd(cfg, c.n);
      expect(plan.samplingRate).toBe(c.batchSize / c.n);
      expect(plan.steps * c.epochs).toBe(Math.ceil((c.epochs * c.n) / c.batchSize));
      const budget = await chargeRounds(join(dir, 'record.json'), cfg, c.n, c.epochs, c.delta, orders(tfPrivacy.dpSgd.orders));
      expect(budget.records).toHaveLength(c.epochs);
      expectClose(budget.spent(c.delta), c.expectedEpsilon, c.tolerance);
    },
  );

  it.each(opacus.accountant.map((v) => [`${v.source.repository} ${v.source.test}`, v] as const))('%s: 90 epochs at q = 0.04 in nine rounds', async (_, v) => {
    // n = 2500 records and an expected lot of 100 give q = 0.04; ten epochs a round, 250 steps.
    const cfg = training({ epochs: 10, lotSize: 100, noiseMultiplier: v.noiseMultiplier });
    const plan = planDpSgd(cfg, 2500);
    expect(plan).toEqual({ steps: 250, samplingRate: v.samplingRate, noiseMultiplier: v.noiseMultiplier });
    const budget = await chargeRounds(join(dir, 'record.json'), cfg, 2500, 9, v.delta);
    expect(9 * plan.steps).toBe(v.steps);
    expectClose(budget.spent(v.delta), v.expectedEpsilon, v.tolerance);
  });
});

describe('record-level budget: refusal, durability, units', () => {
  const STEP = { samplingRate: 0.05, noiseMultiplier: 1.1, count: 40 };

  it('refuses a round that would exceed the limit, before and after a restart, and leaves the file as it was', async () => {
    const path = join(dir, 'record-privacy-budget.json');
    // A limit that three rounds and one more step fit under, and four rounds do not.
    const limit = new RdpAccountant().compose({ ...STEP, count: 3 * STEP.count + 1 }).epsilon(DELTA).epsilon * 1.00001;
    const budget = await AgencyBudget.load(path, limit, { unit: 'record' });
    for (let round = 1; round <= 3; round++) {
      const decision = await budget.charge('run-a', round, STEP, DELTA);
      expect(decision.ok).toBe(true);
      expect(decision.epsilonAfter).toBeLessThanOrEqual(limit);
    }
    const before = await readFile(path, 'utf8');
    await expect(budget.charge('run-a', 4, STEP, DELTA)).rejects.toThrow(BudgetExceededError);
    await expect(budget.charge('run-b', 1, STEP, DELTA)).rejects.toThrow(/record-level privacy budget would be exceeded/);
    expect(await readFile(path, 'utf8')).toBe(before);

    const restarted = await AgencyBudget.load(path, limit, { unit: 'record' });
    expect(restarted.records).toHaveLength(3);
    expect(restarted.spent(DELTA)).toBe(budget.spent(DELTA));
    expect(restarted.canJoin(STEP, DELTA).ok).toBe(false);
    await expect(restarted.charge('run-a', 4, STEP, DELTA)).rejects.toThrow(BudgetExceededError);
    // A smaller round still fits, and is charged.
    const small = { ...STEP, count: 1 };
    expect((await restarted.charge('run-a', 4, small, DELTA)).ok).toBe(true);
    expect((await AgencyBudget.load(path, limit, { unit: 'record' })).records).toHaveLength(4);
  });

  it('charges a (run, round) once: again with the same step is a no-op, also after a restart; with another it throws', async () => {
    const path = join(dir, 'record-privacy-budget.json');
    const budget = await AgencyBudget.load(path, 100, { unit: 'record' });
    await budget.charge('run-a', 1, STEP, DELTA);
    const spent = budget.spent(DELTA);
    await budget.charge('run-a', 1, STEP, DELTA);
    const restarted = await AgencyBudget.load(path, 100, { unit: 'record' });
    expect((await restarted.charge('run-a', 1, STEP, DELTA)).ok).toBe(true);
    expect(restarted.records).toHaveLength(1);
    expect(restarted.spent(DELTA)).toBe(spent);
    await expect(restarted.charge('run-a', 1, { ...STEP, count: 41 }, DELTA)).rejects.toThrow(/already recorded with different parameters/);
  });

  it('concurrent charges are serialised: of two rounds with room for one, exactly one is charged', async () => {
    const path = join(dir, 'record-privacy-budget.json');
    const limit = new RdpAccountant().compose(STEP).epsilon(DELTA).epsilon * 1.0001;
    const budget = await AgencyBudget.load(path, limit, { unit: 'record' });
    const results = await Promise.allSettled([budget.charge('run-a', 1, STEP, DELTA), budget.charge('run-b', 1, STEP, DELTA)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await AgencyBudget.load(path, limit, { unit: 'record' })).records).toHaveLength(1);
  });

  it('keeps the units apart: a record-level file is not an agency-level one, nor the reverse', async () => {
    const record = join(dir, 'record.json');
    const agency = join(dir, 'agency.json');
    await (await AgencyBudget.load(record, 10, { unit: 'record' })).charge('run-a', 1, STEP, DELTA);
    await (await AgencyBudget.load(agency, 10)).record('run-a', 1, { ...STEP, count: 1 });
    await expect(AgencyBudget.load(record, 10)).rejects.toThrow(/holds record-level spending, not agency-level/);
    await expect(AgencyBudget.load(agency, 10, { unit: 'record' })).rejects.toThrow(/holds agency-level spending, not record-level/);
    expect(JSON.parse(await readFile(record, 'utf8')).unit).toBe('record');
    // A file from before units existed has none, and is agency-level.
    const legacy = join(dir, 'legacy.json');
    await writeFile(legacy, JSON.stringify({ version: 1, records: [{ runId: 'r', round: 0, step: { ...STEP, count: 1 } }] }));
    expect((await AgencyBudget.load(legacy, 10)).records).toHaveLength(1);
    await expect(AgencyBudget.load(legacy, 10, { unit: 'record' })).rejects.toThrow(/agency-level/);
    await expect(AgencyBudget.load(legacy, 10, { unit: 'rows' as 'record' })).rejects.toThrow(/options.unit/);
  });

  it('rejects bad charges, naming what is wrong', async () => {
    const budget = await AgencyBudget.load(join(dir, 'b.json'), 10, { unit: 'record' });
    expect(() => budget.charge('', 1, STEP, DELTA)).toThrow(/runId/);
    expect(() => budget.charge('run-a', -1, STEP, DELTA)).toThrow(/round/);
    expect(() => budget.charge('run-a', 1, { ...STEP, samplingRate: 2 }, DELTA)).toThrow(/samplingRate/);
    expect(() => budget.charge('run-a', 1, STEP, 0)).toThrow(/delta/);
  });
});
