// The SecAgg+ neighbour graph (Bell et al. 2020, §3): a Harary graph H(k, n) whose n positions
// are filled by a pseudorandom permutation of the clients that advertised keys. Everyone derives
// the same graph from the seed and the sorted ids. Bell et al. assume a seed sampled honestly
// (semi-honest server); a seed the coordinator could choose would let it grind for a graph it
// likes, so here nobody chooses it: it is a public coin, the hash of every signed advert of the
// round (publicCoin), which each client recomputes from the adverts it verified itself.
import { createCipheriv, createHash, hkdfSync } from 'node:crypto';
import { DOMAIN, checkBytes, checkId, checkInteger, compareIds, sortedIds, transcript } from './encoding.js';
import { checkBinding, type KeyAdvert, type RoundBinding } from './keys.js';
import { MAX_DEGREE, checkCohortSize } from './params.js';

export const GRAPH_SEED_BYTES = 32;

export interface NeighbourGraph {
  /** Cohort ids in canonical (UTF-8 byte) order. */
  readonly ids: readonly string[];
  readonly degree: number;
  /** True when degree = n - 1: every client neighbours every other (classic SecAgg). */
  readonly complete: boolean;
  /** The neighbours of id in canonical order; RangeError for an id outside the cohort. */
  neighbours(id: string): readonly string[];
  isNeighbour(a: string, b: string): boolean;
}

/**
 * The graph seed: SHA-256 over the run, round, offer hash and, in id order, each advertiser's id,
 * keys and seed commitment. Fresh round keys make it unpredictable to everyone before the
 * adverts are in; the coordinator can move it only by leaving adverts out, and each advert left
 * out is a dropout the ledger records.
 */
export function publicCoin(binding: RoundBinding, adverts: readonly KeyAdvert[]): Uint8Array {
  checkBinding(binding);
  const ordered = [...adverts].sort((a, b) => compareIds(a.id, b.id));
  const parts = ordered.flatMap((a) => [checkId(a.id, 'advert.id'), a.cPk, a.sPk, a.seedCommitment]);
  return new Uint8Array(createHash('sha256').update(transcript('graph-coin', [binding.runId, binding.round, binding.offerHash, ...parts])).digest());
}

/**
 * The degree of the graph over the m clients that advertised, for the offered degree k: k, or
 * m - 1 when fewer are left, less one when m and that are both odd (a k-regular graph needs m*k even).
 */
export function fitDegree(degree: number, advertisers: number): number {
  const fitted = Math.min(degree, advertisers - 1);
  return (advertisers * fitted) % 2 === 0 ? fitted : fitted - 1;
}

export function buildGraph(seed: Uint8Array, cohortIds: readonly string[], degree: number): NeighbourGraph {
  checkBytes(seed, 'seed', GRAPH_SEED_BYTES);
  if (!Array.isArray(cohortIds)) throw new TypeError('cohortIds must be an array of strings');
  cohortIds.forEach((id, i) => checkId(id, `cohortIds[${i}]`));
  const ids = sortedIds(cohortIds);
  for (let i = 1; i < ids.length; i++) {
    if (ids[i] === ids[i - 1]) throw new RangeError(`cohortIds holds ${ids[i]} twice`);
  }
  const n = checkCohortSize(ids.length);
  const k = checkInteger(degree, 'degree', 2, Math.min(n - 1, MAX_DEGREE));
  if ((n * k) % 2 !== 0) throw new RangeError(`degree must be even when the cohort size is odd`);

  const order = permutation(seed, ids); // order[position] = index into ids
  const offsets: number[] = [];
  for (let j = 1; j <= Math.floor(k / 2); j++) offsets.push(j, n - j);
  if (k % 2 === 1) offsets.push(n / 2); // n is even here: the antipode completes odd degree
  const table = new Map<string, readonly string[]>();
  for (let position = 0; position < n; position++) {
    const self = ids[order[position]];
    const mine = offsets.map((offset) => ids[order[(position + offset) % n]]);
    table.set(self, Object.freeze(sortedIds(mine)));
  }
  const sets = new Map([...table].map(([id, list]) => [id, new Set(list)]));
  const lookup = (id: string): readonly string[] => {
    const list = table.get(id);
    if (list === undefined) throw new RangeError(`id ${id} is not in the cohort`);
    return list;
  };
  return Object.freeze({
    ids: Object.freeze(ids),
    degree: k,
    complete: k === n - 1,
    neighbours: lookup,
    isNeighbour: (a: string, b: string) => sets.get(a)?.has(b) === true,
  });
}

/** Fisher-Yates over AES-128-CTR words keyed from (seed, cohort), rejection-sampled so it is unbiased. */
function permutation(seed: Uint8Array, ids: readonly string[]): Uint32Array {
  const cohortDigest = createHash('sha256').update(transcript('graph-cohort', ids)).digest();
  const okm = new Uint8Array(hkdfSync('sha256', seed, DOMAIN, transcript('graph', [cohortDigest]), 32));
  const cipher = createCipheriv('aes-128-ctr', okm.subarray(0, 16), okm.subarray(16, 32));
  const zeros = new Uint8Array(4096);
  let stream = Buffer.alloc(0);
  let offset = 0;
  const word = (): number => {
    if (offset === stream.length) {
      stream = cipher.update(zeros);
      offset = 0;
    }
    offset += 4;
    return stream.readUInt32LE(offset - 4);
  };
  const order = new Uint32Array(ids.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = order.length - 1; i > 0; i--) {
    const bound = i + 1;
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % bound);
    let r = word();
    while (r >= limit) r = word();
    const j = r % bound;
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
