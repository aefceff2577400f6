// Property: against a server that tells each group of clients a different survivor set, relays
// any mix of the signatures it collected (and forgeries), and asks anyone anything, honest
// clients reveal shares for one survivor set at most, a set a quorum of them signed; and the
// server can rebuild no client's input: for every client whose self-mask seed it can rebuild,
// the mask key of at least one partner whose pairwise mask hides that input stays out of reach
// (the attack of issue #10 needs them all), and no client's seed and key are both in reach.
import { describe, expect, it } from 'vitest';
import { advertise, maskInput, shareKeys, signSurvivorSet, unmask, type ClientState } from '../../secagg/client.js';
import type { ConsistencySignature } from '../../secagg/consistency.js';
import { SecAggRefusal } from '../../secagg/errors.js';
import { defaultThreshold, validateParams } from '../../secagg/params.js';
import type { RevealedShare } from '../../secagg/round.js';
import { SecAggServer } from '../../secagg/server.js';
import { fastRoundKeys, makeContext, offerHashOf, seededRandom } from './harness.js';

const TRIALS = 60;
const BASE_SEED = Number(process.env.SECAGG_SEED ?? 20251201);

function pickDegree(n: number, rand: () => number): number {
  if (rand() < 0.5 || n < 6) return n - 1;
  const k = 2 + Math.floor(rand() * (n - 3));
  return (n * k) % 2 === 0 ? k : k + 1;
}

/** A random subset of `items` (each kept with probability p), in random order. */
function subset<T>(items: readonly T[], p: number, rand: () => number): T[] {
  return items.filter(() => rand() < p).sort(() => rand() - 0.5);
}

async function attempt<T>(body: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof SecAggRefusal) return undefined;
    throw error;
  }
}

describe('SecAgg+ against a server that tells each group another story', () => {
  it(`honest clients unmask one quorum-signed survivor set at most, and no input is exposed, over ${TRIALS} random attacks`, async () => {
    let revealedRounds = 0;
    let refusedRounds = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const seed = BASE_SEED + trial;
      const rand = seededRandom(seed);
      const n = 5 + Math.floor(rand() * 8);
      const degree = pickDegree(n, rand);
      const minT = defaultThreshold(degree);
      const threshold = minT + Math.floor(rand() * (degree - minT + 1));
      const params = validateParams({ threshold, degree, clipRange: 1, bits: 16 }, n);
      const { context, ids, keys } = makeContext(n, params, 8, offerHashOf(`attack ${seed}`), trial);
      const label = `trial ${trial} (SECAGG_SEED=${BASE_SEED}, n=${n}, k=${degree}, t=${threshold})`;

      // Honest up to the masked inputs.
      const server = new SecAggServer(context);
      const states = new Map<string, ClientState>();
      ids.forEach((id, i) => {
        const { state, advert } = advertise({ ...context, selfId: id, identitySecretKey: keys[i].secretKey }, { keys: fastRoundKeys() });
        states.set(id, state);
        server.receiveAdvert(advert);
      });
      if (server.closeAdvertise().abandoned) continue;
      for (const id of ids) server.receiveShares(id, (await shareKeys(states.get(id)!, server.roster(), { minCohort: 3 }))!);
      if (server.closeShareKeys().abandoned) continue;
      for (const id of ids) server.receiveMaskedInput(id, maskInput(states.get(id)!, server.sharesFor(id), new Uint32Array(8)));
      if (server.closeMaskInput().abandoned) continue;

      // The attack: two or three groups, each told its own survivor set.
      const groups = 2 + Math.floor(rand() * 2);
      const groupOf = new Map(ids.map((id) => [id, Math.floor(rand() * groups)]));
      const stories = Array.from({ length: groups }, (_, g) => {
        const members = ids.filter((id) => groupOf.get(id) === g);
        return [...new Set([...members, ...subset(ids, 0.5, rand)])].sort();
      });
      const signed: ConsistencySignature[] = [];
      for (const id of ids) {
        const s = await attempt(() => signSurvivorSet(states.get(id)!, { survivors: stories[groupOf.get(id)!] }));
        if (s) signed.push(s);
      }
      // Each client is asked to unmask some story, mostly its own, with the signatures over that
      // story (the careful attacker) or any mix of those collected.
      const revealedFor = new Map<string, string>();
      const revealed: { from: string; share: RevealedShare }[] = [];
      const over = (story: string[]) => signed.filter((x) => stories[groupOf.get(x.id)!].join(',') === story.join(','));
      for (const id of ids) {
        const story = rand() < 0.8 ? stories[groupOf.get(id)!] : stories[Math.floor(rand() * groups)];
        const signatures = rand() < 0.6 ? over(story) : subset(signed, 0.8, rand);
        const response = await attempt(() => unmask(states.get(id)!, { survivors: story, signatures }));
        if (!response) continue;
        revealedFor.set(id, story.join(','));
        revealed.push(...response.shares.map((share) => ({ from: id, share })));
      }

      // Every client that revealed, revealed for one and the same set, which a quorum signed.
      const sets = new Set(revealedFor.values());
      expect(sets.size, label).toBeLessThanOrEqual(1);
      if (sets.size === 1) {
        revealedRounds++;
        const [agreed] = sets;
        const signers = new Set(signed.filter((s) => stories[groupOf.get(s.id)!].join(',') === agreed).map((s) => s.id));
        expect(signers.size, label).toBeGreaterThanOrEqual(Math.max(threshold, Math.floor(n / 2) + 1));
      } else refusedRounds++;

      // What the server can rebuild: a secret of which it holds t shares.
      const count = (owner: string, kind: 'key' | 'seed') => new Set(revealed.filter((r) => r.share.owner === owner && r.share.kind === kind).map((r) => r.from)).size;
      const reach = (owner: string, kind: 'key' | 'seed') => count(owner, kind) >= threshold;
      for (const u of ids) {
        expect(reach(u, 'seed') && reach(u, 'key'), `${label}: both secrets of ${u}`).toBe(false);
        if (!reach(u, 'seed')) continue;
        const partners = [...states.get(u)!.received.keys()];
        expect(partners.some((v) => !reach(v, 'key')), `${label}: ${u}'s seed and every partner's key`).toBe(true);
      }
    }
    // The generator must exercise both outcomes, or the property says little.
    expect(revealedRounds).toBeGreaterThan(TRIALS / 10);
    expect(refusedRounds).toBeGreaterThan(TRIALS / 10);
  });
});
