// Each SecAggRefusal a client or the coordinator gives, each provoked on purpose.
import { describe, expect, it } from 'vitest';
import { advertise, maskInput, shareKeys, unmask } from '../../secagg/client.js';
import type { EncryptedShare } from '../../secagg/encrypt.js';
import { SecAggRefusal, type RefusalCode } from '../../secagg/errors.js';
import { signAdvert, type SignedAdvert } from '../../secagg/keys.js';
import { validateParams } from '../../secagg/params.js';
import { SecAggServer } from '../../secagg/server.js';
import { fastRoundKeys, makeContext } from './harness.js';

const N = 5;
const LENGTH = 16;
const params = validateParams({ threshold: 3, degree: 4, clipRange: 1, bits: 16 }, N);

function setup(p = params, round = 7) {
  const { context, ids, keys } = makeContext(N, p, LENGTH, new Uint8Array(32).fill(9), round);
  const clients = ids.map((id, i) => advertise({ ...context, selfId: id, identitySecretKey: keys[i].secretKey }, { keys: fastRoundKeys() }));
  const server = new SecAggServer(context);
  for (const c of clients) server.receiveAdvert(c.advert);
  server.closeAdvertise();
  return { context, ids, keys, clients, server, states: clients.map((c) => c.state) };
}

async function toMasked(s: ReturnType<typeof setup>) {
  const { ids, server, states } = s;
  for (const [i, id] of ids.entries()) server.receiveShares(id, await shareKeys(states[i], server.rosterFor(id), { minCohort: 3 }));
  server.closeShareKeys();
  for (const [i, id] of ids.entries()) server.receiveMaskedInput(id, maskInput(states[i], server.sharesFor(id), new Uint32Array(LENGTH)));
  server.closeMaskInput();
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

describe('client refusals', () => {
  it('COHORT_BELOW_POLICY: cohort smaller than the agency minimum', async () => {
    const { server, ids, states } = setup();
    await refusal('COHORT_BELOW_POLICY', () => shareKeys(states[0], server.rosterFor(ids[0]), { minCohort: 6 }));
    expect(states[0].stage).toBe('aborted');
  });

  it('COHORT_BELOW_POLICY: too few neighbours left on the complete graph', async () => {
    const { server, ids, states } = setup();
    await refusal('COHORT_BELOW_POLICY', () => shareKeys(states[0], server.rosterFor(ids[0]).slice(0, 3), { minCohort: 5 }));
  });

  it('BELOW_THRESHOLD: fewer than t holders in the roster', async () => {
    const { server, ids, states } = setup();
    await refusal('BELOW_THRESHOLD', () => shareKeys(states[0], server.rosterFor(ids[0]).slice(0, 1), { minCohort: 3 }));
  });

  it('BAD_ADVERT_SIGNATURE: a tampered signature or a substituted key', async () => {
    const a = setup();
    const roster = a.server.rosterFor(a.ids[0]);
    const sig = Uint8Array.from(roster[0].signature);
    sig[5] ^= 1;
    await refusal('BAD_ADVERT_SIGNATURE', () => shareKeys(a.states[0], [{ ...roster[0], signature: sig }, ...roster.slice(1)], { minCohort: 3 }));
    const b = setup();
    const other = b.server.rosterFor(b.ids[0]);
    const swapped: SignedAdvert = { ...other[0], sPk: fastRoundKeys().sPk };
    await refusal('BAD_ADVERT_SIGNATURE', () => shareKeys(b.states[0], [swapped, ...other.slice(1)], { minCohort: 3 }));
  });

  it('BAD_ADVERT_SIGNATURE: an advert replayed from another round', async () => {
    const old = setup(params, 6);
    const now = setup(params, 7);
    const replay = old.server.rosterFor(old.ids[0])[0];
    const roster = now.server.rosterFor(now.ids[0]).map((a) => (a.id === replay.id ? replay : a));
    await refusal('BAD_ADVERT_SIGNATURE', () => shareKeys(now.states[0], roster, { minCohort: 3 }));
  });

  it('UNKNOWN_PEER and DUPLICATE_PEER in a roster', async () => {
    const a = setup();
    const roster = a.server.rosterFor(a.ids[0]);
    await refusal('UNKNOWN_PEER', () => shareKeys(a.states[0], [...roster, a.clients[0].advert], { minCohort: 3 }));
    const b = setup();
    const rb = b.server.rosterFor(b.ids[0]);
    await refusal('DUPLICATE_PEER', () => shareKeys(b.states[0], [...rb, rb[0]], { minCohort: 3 }));
  });

  it('BAD_KEY: a signed advert with a low-order encryption key', async () => {
    const { context, ids, keys, server, states } = setup();
    const roster = server.rosterFor(ids[0]);
    const victim = ids.indexOf(roster[0].id);
    const evil = signAdvert(context, { id: roster[0].id, cPk: new Uint8Array(32), sPk: roster[0].sPk }, keys[victim].secretKey);
    await refusal('BAD_KEY', () => shareKeys(states[0], [evil, ...roster.slice(1)], { minCohort: 3 }));
  });

  it('BAD_SHARE and SHARE_MISBOUND: a tampered or reflected ciphertext', async () => {
    const s = setup();
    const { ids, server, states } = s;
    const sent: EncryptedShare[][] = [];
    for (const [i, id] of ids.entries()) {
      sent.push(await shareKeys(states[i], server.rosterFor(id), { minCohort: 3 }));
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

  it('BOTH_SHARES_REQUESTED: one neighbour named dropped and surviving', async () => {
    const s = setup();
    await toMasked(s);
    const peer = s.ids[1];
    await refusal('BOTH_SHARES_REQUESTED', () => unmask(s.states[0], { dropped: [peer], survivors: [peer, s.ids[2]] }));
    expect(s.states[0].stage).toBe('aborted');
    // Aborted for good: the "right" request afterwards gets nothing either.
    await refusal('STAGE_OUT_OF_ORDER', () => unmask(s.states[0], { dropped: [], survivors: s.ids.slice(1) }));
  });

  it('UNKNOWN_PEER: unmask asks about a party that is not a neighbour', async () => {
    const s = setup();
    await toMasked(s);
    await refusal('UNKNOWN_PEER', () => unmask(s.states[0], { dropped: ['stranger'], survivors: s.ids.slice(1) }));
    const t = setup();
    await toMasked(t);
    await refusal('UNKNOWN_PEER', () => unmask(t.states[0], { dropped: [t.ids[0]], survivors: t.ids.slice(1) }));
  });

  it('BELOW_THRESHOLD: too few survivors named at unmask', async () => {
    const s = setup();
    await toMasked(s);
    await refusal('BELOW_THRESHOLD', () => unmask(s.states[0], { dropped: s.ids.slice(2), survivors: [s.ids[1]] }));
  });

  it('STAGE_OUT_OF_ORDER: skipped, repeated, and replayed stages', async () => {
    const a = setup();
    await refusal('STAGE_OUT_OF_ORDER', () => maskInput(a.states[0], [], new Uint32Array(LENGTH)));
    const b = setup();
    await toMasked(b);
    const request = b.server.unmaskRequestFor(b.ids[0]);
    expect(unmask(b.states[0], request).shares.length).toBe(N);
    await refusal('STAGE_OUT_OF_ORDER', () => unmask(b.states[0], { dropped: request.survivors, survivors: [] }));
    const c = setup();
    const roster = c.server.rosterFor(c.ids[0]);
    const first = shareKeys(c.states[0], roster, { minCohort: 3 });
    await refusal('STAGE_OUT_OF_ORDER', () => shareKeys(c.states[0], roster, { minCohort: 3 })); // concurrent
    await first;
  });

  it('an unmask answer never holds both shares of one owner', async () => {
    const s = setup();
    await toMasked(s);
    const response = unmask(s.states[0], { dropped: [s.ids[1]], survivors: s.ids.slice(2) });
    const owners = response.shares.map((x) => x.owner);
    expect(new Set(owners).size).toBe(owners.length);
    expect(response.shares.find((x) => x.owner === s.ids[1])!.kind).toBe('key');
    expect(response.shares.filter((x) => x.kind === 'seed').map((x) => x.owner).sort()).toEqual([s.ids[0], ...s.ids.slice(2)].sort());
  });
});

describe('coordinator refusals', () => {
  it('BAD_ADVERT_SIGNATURE, DUPLICATE_PEER, UNKNOWN_PEER, MALFORMED_MESSAGE, STAGE_OUT_OF_ORDER', async () => {
    const { context, ids, keys } = makeContext(N, params, LENGTH, new Uint8Array(32).fill(9), 7);
    const server = new SecAggServer(context);
    const { advert } = advertise({ ...context, selfId: ids[0], identitySecretKey: keys[0].secretKey }, { keys: fastRoundKeys() });
    const forged = signAdvert(context, { id: ids[0], cPk: advert.cPk, sPk: advert.sPk }, keys[1].secretKey);
    await refusal('BAD_ADVERT_SIGNATURE', () => server.receiveAdvert(forged));
    server.receiveAdvert(advert);
    await refusal('DUPLICATE_PEER', () => server.receiveAdvert(advert));
    await refusal('UNKNOWN_PEER', () => server.receiveAdvert({ ...advert, id: 'stranger' }));
    await refusal('STAGE_OUT_OF_ORDER', () => server.receiveMaskedInput(ids[0], new Uint32Array(LENGTH)));

    const s = setup();
    for (const [i, id] of s.ids.entries()) s.server.receiveShares(id, await shareKeys(s.states[i], s.server.rosterFor(id), { minCohort: 3 }));
    s.server.closeShareKeys();
    await refusal('MALFORMED_MESSAGE', () => s.server.receiveMaskedInput(s.ids[0], new Uint32Array(LENGTH + 1)));
  });

  it('abandons below t and then asks for no shares', async () => {
    const s = setup();
    for (const [i, id] of s.ids.slice(0, 2).entries()) s.server.receiveShares(id, await shareKeys(s.states[i], s.server.rosterFor(id), { minCohort: 3 }));
    expect(s.server.closeShareKeys().abandoned).toMatch(/fewer than the threshold/);
    expect(s.server.result().status).toBe('abandoned');
    await refusal('STAGE_OUT_OF_ORDER', () => s.server.unmaskRequestFor(s.ids[0]));
  });
});

