// Property: whenever enough clients survive every stage the coordinator's sum equals the
// plaintext mod-2^32 sum of the contributors' quantized inputs, bit for bit; otherwise the
// round is abandoned. Dropouts are drawn at each of the five stages, the consistency round too.
import { describe, expect, it } from 'vitest';
import { buildGraph, fitDegree, publicCoin } from '../../secagg/graph.js';
import { defaultThreshold, validateParams } from '../../secagg/params.js';
import { SECAGG_STAGES, type SecAggStage } from '../../secagg/stages.js';
import { makeContext, offerHashOf, plainSum, runRound, seededRandom } from './harness.js';

const STAGES = SECAGG_STAGES;
const TRIALS = 200;
const BASE_SEED = Number(process.env.SECAGG_SEED ?? 20240611);

function pickDegree(n: number, rand: () => number): number {
  if (rand() < 0.4 || n < 5) return n - 1; // the complete graph of classic SecAgg
  const k = 2 + Math.floor(rand() * (n - 3));
  return (n * k) % 2 === 0 ? k : k + 1;
}

describe('SecAgg+ exactness under dropouts', () => {
  it(`sum is exact or the round abandoned, over ${TRIALS} random rounds`, async () => {
    let complete = 0;
    let abandoned = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const seed = BASE_SEED + trial;
      const rand = seededRandom(seed);
      const n = 3 + Math.floor(rand() ** 2 * 22); // 3..24, mostly small: a complete round costs ~n^2 ms
      const degree = pickDegree(n, rand);
      const minT = defaultThreshold(degree);
      const threshold = minT + Math.floor(rand() * (degree - minT + 1));
      const bits = 1 + Math.floor(rand() * (32 - Math.ceil(Math.log2(n))));
      const params = validateParams({ threshold, degree, clipRange: 1, bits }, n);
      const length = 1 + Math.floor(rand() * 400);
      const { context, ids, keys } = makeContext(n, params, length, offerHashOf(seed), trial);
      const dropRate = rand() * 0.35;
      const dropAt = new Map<string, SecAggStage>();
      const inputs = new Map<string, Uint32Array>();
      for (const id of ids) {
        if (rand() < dropRate) dropAt.set(id, STAGES[Math.floor(rand() * STAGES.length)]);
        inputs.set(id, new Uint32Array(length).map(() => Math.floor(rand() * 2 ** bits)));
      }
      const label = `trial ${trial} (SECAGG_SEED=${BASE_SEED}, seed ${seed}, n=${n}, k=${degree}, t=${threshold}, b=${bits})`;
      const { result, arrived, adverts } = await runRound(context, ids, keys, inputs, dropAt);

      // What must happen, computed independently of the server: the graph over the advertisers
      // from their public coin, a quorum (t, and a majority of the cohort) signing the survivor
      // set, and each secret the unmasking needs held by at least t of those who answered it.
      const [u1, u2, u3, u4, u5] = arrived;
      const fitted = fitDegree(degree, u1.size);
      const drawable = u1.size >= Math.max(threshold, 3) && fitted + 1 >= threshold;
      const quorum = Math.max(threshold, Math.floor(n / 2) + 1);
      if (!drawable) {
        expect(result.status, label).toBe('abandoned');
        abandoned++;
        continue;
      }
      const graph = buildGraph(publicCoin(context, [...u1].map((id) => adverts.get(id)!)), [...u1], fitted);
      const heldBy = (owner: string, includeSelf: boolean) =>
        graph.neighbours(owner).filter((v) => u5.has(v)).length + (includeSelf && u5.has(owner) ? 1 : 0);
      const feasible =
        [u1, u2, u3, u4, u5].every((set) => set.size >= threshold) && u4.size >= quorum &&
        [...u3].every((v) => heldBy(v, true) >= threshold) &&
        [...u2].filter((u) => !u3.has(u) && graph.neighbours(u).some((v) => u3.has(v))).every((u) => heldBy(u, false) >= threshold);

      if (u5.size < threshold || u4.size < quorum) expect(result.status, label).toBe('abandoned');
      if (graph.complete && u5.size >= threshold && u4.size >= quorum) expect(result.status, label).toBe('complete');
      expect(result.status, label).toBe(feasible ? 'complete' : 'abandoned');
      if (result.status === 'complete') {
        complete++;
        expect([...result.contributors], label).toEqual([...u3].sort());
        expect(Buffer.from(result.sum.buffer).equals(Buffer.from(plainSum(inputs, u3, length).buffer)), label).toBe(true);
      } else {
        abandoned++;
      }
    }
    // The generator must exercise both outcomes, or the property says little.
    expect(complete).toBeGreaterThan(TRIALS / 3);
    expect(abandoned).toBeGreaterThan(0);
  });
});
