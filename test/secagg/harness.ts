// In-process SecAgg+ rounds for the tests and the bench: n clients and one server, no network,
// with each client dropping out at a chosen stage. A client that refuses counts as dropped there.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { generateIdentity, type Identity } from '../../identity/keys.js';
import { advertise, maskInput, shareKeys, signSurvivorSet, unmask, type ClientState } from '../../secagg/client.js';
import type { EncryptedShare } from '../../secagg/encrypt.js';
import { SecAggRefusal } from '../../secagg/errors.js';
import type { RoundKeyPairs, SignedAdvert } from '../../secagg/keys.js';
import type { SecAggParams } from '../../secagg/params.js';
import type { CohortMember, RoundContext } from '../../secagg/round.js';
import { SecAggServer, type AggregateResult } from '../../secagg/server.js';
import type { SecAggStage } from '../../secagg/stages.js';

/** Small seeded PRNG (mulberry32) so a failing trial can be replayed from its printed seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Round keys from node:crypto (~10x faster than tweetnacl's keyPair), injected to keep hundreds of rounds quick. */
export function fastRoundKeys(): RoundKeyPairs {
  const pair = () => {
    const jwk = generateKeyPairSync('x25519').privateKey.export({ format: 'jwk' });
    return { pk: new Uint8Array(Buffer.from(jwk.x!, 'base64url')), sk: new Uint8Array(Buffer.from(jwk.d!, 'base64url')) };
  };
  const c = pair();
  const s = pair();
  return { cPk: c.pk, cSk: c.sk, sPk: s.pk, sSk: s.sk };
}

const identityPool: Identity[] = [];
export function identities(n: number): Identity[] {
  while (identityPool.length < n) identityPool.push(generateIdentity());
  return identityPool.slice(0, n);
}

/** A stand-in for the offer hash both parties compute from the offer (proto/offer-hash.ts). */
export function offerHashOf(label: string | number): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`offer ${label}`).digest());
}

export function makeContext(n: number, params: SecAggParams, vectorLength: number, offerHash: Uint8Array, round = 1): {
  context: RoundContext;
  ids: string[];
  keys: Identity[];
} {
  const keys = identities(n);
  const ids = keys.map((_, i) => `agency-${String(i).padStart(3, '0')}`);
  const cohort: CohortMember[] = ids.map((id, i) => ({ id, identityPublicKey: keys[i].publicKey }));
  return { context: { runId: 'run-test', round, offerHash, cohort, params, vectorLength }, ids, keys };
}

export interface RoundRun {
  result: AggregateResult;
  /** Who delivered at each stage: U1 (adverts), U2 (shares), U3 (masked inputs), U4 (signatures), U5 (unmask responses). */
  arrived: [Set<string>, Set<string>, Set<string>, Set<string>, Set<string>];
  server: SecAggServer;
  refusals: Map<string, string>;
  /** The adverts the clients sent, by id. */
  adverts: Map<string, SignedAdvert>;
  /** Each client's state at the end (its secrets wiped): the graph it drew, what it received. */
  states: Map<string, ClientState>;
}

/** Runs one round; dropAt[id] is the first stage a client does not answer. */
export async function runRound(
  context: RoundContext,
  ids: string[],
  keys: Identity[],
  inputs: Map<string, Uint32Array>,
  dropAt: Map<string, SecAggStage>,
  minCohort = 3,
): Promise<RoundRun> {
  const server = new SecAggServer(context);
  const states = new Map<string, ClientState>();
  const arrived: RoundRun['arrived'] = [new Set(), new Set(), new Set(), new Set(), new Set()];
  const refusals = new Map<string, string>();
  const adverts = new Map<string, SignedAdvert>();
  const answers = (id: string, stage: SecAggStage) => dropAt.get(id) !== stage && !refusals.has(id) && states.has(id);
  const attempt = async <T>(id: string, body: () => T | Promise<T>): Promise<T | undefined> => {
    try {
      return await body();
    } catch (error) {
      if (!(error instanceof SecAggRefusal)) throw error;
      refusals.set(id, error.code);
      return undefined;
    }
  };

  ids.forEach((id, i) => {
    if (dropAt.get(id) === 'advertise_keys') return;
    const { state, advert } = advertise({ ...context, selfId: id, identitySecretKey: keys[i].secretKey }, { keys: fastRoundKeys() });
    states.set(id, state);
    adverts.set(id, advert);
    server.receiveAdvert(advert);
    arrived[0].add(id);
  });
  if (server.closeAdvertise().abandoned !== undefined) return { result: server.result(), arrived, server, refusals, adverts, states };

  for (const id of arrived[0]) {
    if (!answers(id, 'share_keys')) continue;
    const shares = await attempt(id, () => shareKeys(states.get(id)!, server.roster(), { minCohort }));
    if (shares === undefined) continue;
    server.receiveShares(id, shares);
    arrived[1].add(id);
  }
  if (server.closeShareKeys().abandoned !== undefined) return { result: server.result(), arrived, server, refusals, adverts, states };

  for (const id of arrived[1]) {
    if (!answers(id, 'masked_input')) continue;
    const received: EncryptedShare[] = server.sharesFor(id);
    const masked = await attempt(id, () => maskInput(states.get(id)!, received, inputs.get(id)!));
    if (masked === undefined) continue;
    server.receiveMaskedInput(id, masked);
    arrived[2].add(id);
  }
  if (server.closeMaskInput().abandoned !== undefined) return { result: server.result(), arrived, server, refusals, adverts, states };

  for (const id of arrived[2]) {
    if (!answers(id, 'consistency')) continue;
    const signed = await attempt(id, () => signSurvivorSet(states.get(id)!, server.consistencyRequest()));
    if (signed === undefined) continue;
    server.receiveConsistency(signed);
    arrived[3].add(id);
  }
  if (server.closeConsistency().abandoned !== undefined) return { result: server.result(), arrived, server, refusals, adverts, states };

  for (const id of arrived[3]) {
    if (!answers(id, 'unmasking')) continue;
    const response = await attempt(id, () => unmask(states.get(id)!, server.unmaskRequestFor(id)));
    if (response === undefined) continue;
    server.receiveUnmask(response);
    arrived[4].add(id);
  }
  return { result: await server.finish(), arrived, server, refusals, adverts, states };
}

export function plainSum(inputs: Map<string, Uint32Array>, contributors: Iterable<string>, length: number): Uint32Array {
  const sum = new Uint32Array(length);
  for (const id of contributors) {
    const x = inputs.get(id)!;
    for (let i = 0; i < length; i++) sum[i] += x[i];
  }
  return sum;
}
