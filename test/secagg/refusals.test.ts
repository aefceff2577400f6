// Each SecAggRefusal a client or the coordinator gives, each provoked on purpose.
import { describe, expect, it } from 'vitest';
import { advertise, maskInput, shareKeys, signSurvivorSet, unmask, type ClientState } from '../../secagg/client.js';
import { signSurvivors } from '../../secagg/consistency.js';
import type { EncryptedShare } from '../../secagg/encrypt.js';
import { SecAggRefusal, type RefusalCode } from '../../secagg/errors.js';
import { commitSeed, signAdvert, type SignedAdvert } from '../../secagg/keys.js';
import { validateParams } from '../../secagg/params.js';
import type { UnmaskRequest } from '../../secagg/round.js';
import { SecAggServer } from '../../secagg/server.js';
import { fastRoundKeys, makeContext, offerHashOf } from './harness.js';

const N = 5;
const LENGTH = 16;
const params = validateParams({ threshold: 3, degree: 4, clipRange: 1, bits: 16 }, N);
const OFFER = offerHashOf('refusals');

function setup(p = params, round = 7, offerHash = OFFER) {
  const { context, ids, keys } = makeContext(N, p, LENGTH, offerHash, round);
  const clients = ids.map((id, i) => advertise({ ...context, selfId: id, identitySecretKey: keys[i].secretKey }, { keys: fastRoundKeys() }));
  const server = new SecAggServer(context);
  for (const c of clients) server.receiveAdvert(c.advert);
  server.closeAdvertise();
  return { context, ids, keys, clients, server, states: clients.map((c) => c.state) };
}

async function toMasked(s: ReturnType<typeof setup>) {
  const { ids, server, states } = s;
  for (const [i, id] of ids.entries()) server.receiveShares(id, await shareKeys(states[i], server.roster(), { minCohort: 3 }));
  server.closeShareKeys();
  for (const [i, id] of ids.entries()) server.receiveMaskedInput(id, maskInput(states[i], server.sharesFor(id), new Uint32Array(LENGTH)));
  server.closeMaskInput();
}

/** Through the consistency stage: every client signed the set the server announced. */
async function toSigned(s: ReturnType<typeof setup>): Promise<UnmaskRequest> {
  await toMasked(s);
  for (const [i] of s.ids.entries()) s.server.receiveConsistency(signSurvivorSet(s.states[i], s.server.consistencyRequest()));
  s.server.closeConsistency();
  return s.server.unmaskRequestFor(s.ids[0]);
}

async function refusal(code: RefusalCode, body: () => unknown): Promise<void> {
  let caught: unknown;
  try {
    await body();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SecAggRefusal);
  expect((caught as SecAggRefusal).code).toBe(code);
  expect((caught as SecAggRefusal).name).toBe('SecAggRefusal');
}

const aborted = (state: ClientState) => expect(state.stage).toBe('aborted');

describe('client refusals at share_keys', () => {
  it('COHORT_BELOW_POLICY: the cohort, or the agencies that advertised, below the agency minimum', async () => {
    const a = setup();
    await refusal('COHORT_BELOW_POLICY', () => shareKeys(a.states[0], a.server.roster(), { minCohort: 6 }));
    aborted(a.states[0]);
    const b = setup();
    await refusal('COHORT_BELOW_POLICY', () => shareKeys(b.states[0], b.server.roster().slice(0, 3), { minCohort: 5 }));
  });

  it('BELOW_THRESHOLD: too few advertised for any neighbourhood to hold t shares', async () => {
    const { server, states } = setup();
    await refusal('BELOW_THRESHOLD', () => shareKeys(states[0], server.roster().slice(0, 2), { minCohort: 2 }));
  });

  it('BAD_ADVERT_SIGNATURE: a tampered signature, a substituted key, an advert from another round', async () => {
    const a = setup();
    const roster = a.server.roster();
    const sig = Uint8Array.from(roster[1].signature);
    sig[5] ^= 1;
    await refusal('BAD_ADVERT_SIGNATURE', () => shareKeys(a.states[0], roster.map((x, i) => (i === 1 ? { ...x, signature: sig } : x)), { minCohort: 3 }));
    const b = setup();
    const swapped: SignedAdvert[] = b.server.roster().map((x, i) => (i === 1 ? { ...x, sPk: fastRoundKeys().sPk } : x));
    await refusal('BAD_ADVERT_SIGNATURE', () => shareKeys(b.states[0], swapped, { minCohort: 3 }));
    const old = setup(params, 6);
    const now = setup(params, 7);
    const replay = old.server.roster()[1];
    await refusal('BAD_ADVERT_SIGNATURE', () => shareKeys(now.states[0], now.server.roster().map((x) => (x.id === replay.id ? replay : x)), { minCohort: 3 }));
  });

  it('OFFER_MISMATCH: a peer advertised for another offer (the coordinator split the cohort\'s view)', async () => {
    const mine = setup();
    const theirs = setup(params, 7, offerHashOf('another offer'));
    const mixed = mine.server.roster().map((x, i) => (i === 1 ? theirs.server.roster()[1] : x));
    await refusal('OFFER_MISMATCH', () => shareKeys(mine.states[0], mixed, { minCohort: 3 }));
  });

  it('SELF_MISSING: the roster leaves out or changes this client\'s own advert', async () => {
    const a = setup();
    await refusal('SELF_MISSING', () => shareKeys(a.states[0], a.server.roster().slice(1), { minCohort: 3 }));
    const b = setup();
    const own = b.clients[0].advert;
    const other = signAdvert(b.context, { id: own.id, cPk: own.cPk, sPk: fastRoundKeys().sPk, seedCommitment: own.seedCommitment }, b.keys[0].secretKey);
    await refusal('SELF_MISSING', () => shareKeys(b.states[0], [other, ...b.server.roster().slice(1)], { minCohort: 3 }));
  });

  it('UNKNOWN_PEER and DUPLICATE_PEER in a roster', async () => {
    const a = setup();
    await refusal('UNKNOWN_PEER', () => shareKeys(a.states[0], [...a.server.roster(), { ...a.clients[1].advert, id: 'stranger' }], { minCohort: 3 }));
    const b = setup();
    const rb = b.server.roster();
    await refusal('DUPLICATE_PEER', () => shareKeys(b.states[0], [...rb, rb[1]], { minCohort: 3 }));
  });

  it('BAD_KEY: a signed advert with a low-order encryption key', async () => {
    const { context, ids, keys, server, states } = setup();
    const roster = server.roster();
    const victim = roster[1];
    const seedCommitment = commitSeed(context, victim.id, new Uint8Array(32));
    const evil = signAdvert(context, { id: victim.id, cPk: new Uint8Array(32), sPk: victim.sPk, seedCommitment }, keys[ids.indexOf(victim.id)].secretKey);
    await refusal('BAD_KEY', () => shareKeys(states[0], roster.map((x) => (x.id === victim.id ? evil : x)), { minCohort: 3 }));
  });
});

describe('client refusals at masked_input', () => {
  it('BAD_SHARE and SHARE_MISBOUND: a tampered or reflected ciphertext', async () => {
    const s = setup();
    const { ids, server, states } = s;
    const sent: EncryptedShare[][] = [];
    for (const [i, id] of ids.entries()) {
      sent.push(await shareKeys(states[i], server.roster(), { minCohort: 3 }));
      server.receiveShares(id, sent[i]);
    }
    server.closeShareKeys();
    const inbox = server.sharesFor(ids[0]);
    const bad = Uint8Array.from(inbox[0].ciphertext);
    bad[bad.length - 1] ^= 1;
    await refusal('BAD_SHARE', () => maskInput(states[0], [{ ...inbox[0], ciphertext: bad }, ...inbox.slice(1)], new Uint32Array(LENGTH)));
    // ids[1]'s own bundle to ids[2], relabelled as coming from ids[2]: same pair key, wrong header.
    const mine = sent[1].find((e) => e.to === ids[2])!;
    const reflected = { ...mine, from: ids[2], to: ids[1] };
    const inbox1 = server.sharesFor(ids[1]).map((e) => (e.from === ids[2] ? reflected : e));
    await refusal('SHARE_MISBOUND', () => maskInput(states[1], inbox1, new Uint32Array(LENGTH)));
  });
});

describe('client refusals at consistency and unmasking (Bonawitz et al. 2017 §4, rounds 3-4)', () => {
  it('the survivor set must hold this client, name only advertisers, and keep t - 1 of its neighbours', async () => {
    const a = setup();
    await toMasked(a);
    await refusal('SELF_MISSING', () => signSurvivorSet(a.states[0], { survivors: a.ids.slice(1) }));
    await refusal('UNKNOWN_PEER', () => signSurvivorSet(a.states[1], { survivors: [...a.ids, 'stranger'] }));
    await refusal('BELOW_THRESHOLD', () => signSurvivorSet(a.states[2], { survivors: [a.ids[2], a.ids[3]] }));
    await refusal('DUPLICATE_PEER', () => signSurvivorSet(a.states[3], { survivors: [...a.ids, a.ids[4]] }));
  });

  it('SURVIVORS_CHANGED: the unmask request names another set than the one signed', async () => {
    const s = setup();
    const request = await toSigned(s);
    await refusal('SURVIVORS_CHANGED', () => unmask(s.states[0], { ...request, survivors: request.survivors.slice(0, 4) }));
    aborted(s.states[0]);
  });

  it('BAD_CONSISTENCY_SIGNATURE, OFFER_MISMATCH, GRAPH_MISMATCH: each relayed signature is checked', async () => {
    const s = setup();
    const request = await toSigned(s);
    const other = { binding: s.context, graphSeed: s.server.graphSeed, cohortSize: N, survivors: s.ids.slice(0, 4) };
    const forged = signSurvivors(other, s.ids[1], s.keys[1].secretKey);
    const swap = (sig: (typeof request.signatures)[number]) => ({ ...request, signatures: request.signatures.map((x) => (x.id === sig.id ? sig : x)) });
    await refusal('BAD_CONSISTENCY_SIGNATURE', () => unmask(s.states[0], swap(forged)));
    await refusal('OFFER_MISMATCH', () => unmask(s.states[2], swap({ ...request.signatures[1], offerHash: offerHashOf('other') })));
    await refusal('GRAPH_MISMATCH', () => unmask(s.states[3], swap({ ...request.signatures[1], graphSeed: new Uint8Array(32) })));
  });

  it('CONSISTENCY_QUORUM: fewer signatures than the quorum, or than the agency\'s own floor', async () => {
    const s = setup();
    const request = await toSigned(s);
    await refusal('CONSISTENCY_QUORUM', () => unmask(s.states[0], { ...request, signatures: request.signatures.slice(0, 2) }));
    // An agency whose floor is 5 (its DP noise is calibrated for 5 survivors) unmasks only with all five.
    const floored = setup();
    for (const [i, id] of floored.ids.entries()) {
      floored.server.receiveShares(id, await shareKeys(floored.states[i], floored.server.roster(), { minCohort: 3, minSurvivors: i === 0 ? 5 : 3 }));
    }
    floored.server.closeShareKeys();
    for (const [i, id] of floored.ids.entries()) floored.server.receiveMaskedInput(id, maskInput(floored.states[i], floored.server.sharesFor(id), new Uint32Array(LENGTH)));
    floored.server.closeMaskInput();
    for (const i of [0, 1, 2, 3]) floored.server.receiveConsistency(signSurvivorSet(floored.states[i], floored.server.consistencyRequest()));
    floored.server.closeConsistency();
    await refusal('CONSISTENCY_QUORUM', () => unmask(floored.states[0], floored.server.unmaskRequestFor(floored.ids[0])));
    expect(unmask(floored.states[1], floored.server.unmaskRequestFor(floored.ids[1])).shares).toHaveLength(N);
  });

  it('UNKNOWN_PEER and DUPLICATE_PEER among the signatures', async () => {
    const s = setup();
    const request = await toSigned(s);
    await refusal('DUPLICATE_PEER', () => unmask(s.states[0], { ...request, signatures: [...request.signatures, request.signatures[1]] }));
    const t = setup();
    const r2 = await toSigned(t);
    await refusal('UNKNOWN_PEER', () => unmask(t.states[0], { ...r2, signatures: [...r2.signatures, { ...r2.signatures[1], id: 'stranger' }] }));
  });

  it('STAGE_OUT_OF_ORDER: skipped, repeated, and concurrent stages; an aborted round answers nothing more', async () => {
    const a = setup();
    await refusal('STAGE_OUT_OF_ORDER', () => maskInput(a.states[0], [], new Uint32Array(LENGTH)));
    const b = setup();
    await toMasked(b);
    await refusal('STAGE_OUT_OF_ORDER', () => unmask(b.states[0], { survivors: b.ids, signatures: [] })); // consistency skipped
    const c = setup();
    const request = await toSigned(c);
    expect(unmask(c.states[0], request).shares.length).toBe(N);
    await refusal('STAGE_OUT_OF_ORDER', () => unmask(c.states[0], request)); // asked twice
    await refusal('STAGE_OUT_OF_ORDER', () => signSurvivorSet(c.states[1], { survivors: c.ids })); // signed twice
    const d = setup();
    const roster = d.server.roster();
    const first = shareKeys(d.states[0], roster, { minCohort: 3 });
    await refusal('STAGE_OUT_OF_ORDER', () => shareKeys(d.states[0], roster, { minCohort: 3 })); // concurrent
    await first;
  });

  it('an unmask answer reveals, per neighbour that gave shares, the seed share if it survived and the key share if not: never both', async () => {
    const s = setup();
    await toMasked(s);
    // ids[4] sent its masked input but the deadline passed it by: the survivor set leaves it out.
    const survivors = s.ids.slice(0, 4);
    const signatures = [0, 1, 2, 3].map((i) => signSurvivorSet(s.states[i], { survivors }));
    const response = unmask(s.states[0], { survivors, signatures });
    const owners = response.shares.map((x) => x.owner);
    expect(new Set(owners).size).toBe(owners.length);
    expect(response.shares.find((x) => x.owner === s.ids[4])!.kind).toBe('key');
    expect(response.shares.filter((x) => x.kind === 'seed').map((x) => x.owner).sort()).toEqual(survivors);
  });
});

describe('coordinator refusals', () => {
  it('BAD_ADVERT_SIGNATURE, OFFER_MISMATCH, DUPLICATE_PEER, UNKNOWN_PEER, MALFORMED_MESSAGE, STAGE_OUT_OF_ORDER', async () => {
    const { context, ids, keys } = makeContext(N, params, LENGTH, OFFER, 7);
    const server = new SecAggServer(context);
    const { advert } = advertise({ ...context, selfId: ids[0], identitySecretKey: keys[0].secretKey }, { keys: fastRoundKeys() });
    const forged = signAdvert(context, { id: ids[0], cPk: advert.cPk, sPk: advert.sPk, seedCommitment: advert.seedCommitment }, keys[1].secretKey);
    await refusal('BAD_ADVERT_SIGNATURE', () => server.receiveAdvert(forged));
    const elsewhere = signAdvert({ ...context, offerHash: offerHashOf('x') }, advert, keys[0].secretKey);
    await refusal('OFFER_MISMATCH', () => server.receiveAdvert(elsewhere));
    server.receiveAdvert(advert);
    await refusal('DUPLICATE_PEER', () => server.receiveAdvert(advert));
    await refusal('UNKNOWN_PEER', () => server.receiveAdvert({ ...advert, id: 'stranger' }));
    await refusal('STAGE_OUT_OF_ORDER', () => server.receiveMaskedInput(ids[0], new Uint32Array(LENGTH)));

    const s = setup();
    for (const [i, id] of s.ids.entries()) s.server.receiveShares(id, await shareKeys(s.states[i], s.server.roster(), { minCohort: 3 }));
    s.server.closeShareKeys();
    await refusal('MALFORMED_MESSAGE', () => s.server.receiveMaskedInput(s.ids[0], new Uint32Array(LENGTH + 1)));
  });

  it('BAD_CONSISTENCY_SIGNATURE: a signature over another set is not relayed', async () => {
    const s = setup();
    await toMasked(s);
    const forged = signSurvivors({ binding: s.context, graphSeed: s.server.graphSeed, cohortSize: N, survivors: s.ids.slice(1) }, s.ids[1], s.keys[1].secretKey);
    await refusal('BAD_CONSISTENCY_SIGNATURE', () => s.server.receiveConsistency(forged));
  });

  it('abandons below t, and below the quorum of signatures, and then asks for no shares', async () => {
    const s = setup();
    for (const [i, id] of s.ids.slice(0, 2).entries()) s.server.receiveShares(id, await shareKeys(s.states[i], s.server.roster(), { minCohort: 3 }));
    expect(s.server.closeShareKeys().abandoned).toMatch(/fewer than the threshold/);
    expect(s.server.result().status).toBe('abandoned');
    await refusal('STAGE_OUT_OF_ORDER', () => s.server.unmaskRequestFor(s.ids[0]));
    const q = setup(validateParams({ threshold: 2, degree: 2, clipRange: 1, bits: 16 }, N));
    await toMasked(q);
    // t = 2, but the quorum is a majority of the 5 offered: 3 signatures.
    for (const i of [0, 1]) q.server.receiveConsistency(signSurvivorSet(q.states[i], q.server.consistencyRequest()));
    expect(q.server.closeConsistency().abandoned).toMatch(/fewer than the quorum 3/);
    await refusal('STAGE_OUT_OF_ORDER', () => q.server.unmaskRequestFor(q.ids[0]));
  });
});
