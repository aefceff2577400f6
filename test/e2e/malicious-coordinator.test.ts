// Issue #10: a coordinator that speaks Cohort's own protocol and lies, against five real
// `cohort client` processes (test/helpers/hostile-coordinator.ts: Cohort's transport, offer
// builder and SecAgg+ server, driven by a script). One test per attack of the issue; each is
// refused by the clients with a stable code, which each client also writes to its log. The
// coordinator-side checks (a bad seed share, the ledger) are in secure-round.test.ts.
// Needs dist/ (npx tsc -p tsconfig.json): the clients run from there.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeUint32LE } from '../../bytes/encoding.js';
import { JOURNAL_FILE } from '../../client/round-journal.js';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { encodeRoster, signRoster } from '../../identity/roster.js';
import * as tf from '@tensorflow/tfjs';
import { modelFingerprint } from '../../ml/models.js';
import type { cohort } from '../../proto/messages.js';
import { decodeAdvert, decodeRevealed, decodeShares, decodeSignature, encodeAdvert, encodeConsistencyRequest, encodeShares, encodeUnmaskRequest, roundContextOf } from '../../proto/secagg-codec.js';
import { SecAggServer, type ConsistencySignature } from '../../secagg/index.js';
import { builtCli } from '../helpers/federation.js';
import { HostileCoordinator } from '../helpers/hostile-coordinator.js';

let c: HostileCoordinator;
beforeAll(async () => {
  if (builtCli()) c = await HostileCoordinator.start();
}, 180_000);
afterAll(async () => {
  await c?.close();
});

type Answers = Map<string, cohort.v1.Message>;

/** Offers `offers[agency]` (one offer for all by default) and collects every answer. */
async function offer(offers: cohort.v1.IRoundOffer | Record<string, cohort.v1.IRoundOffer>, agencies = c.agencies): Promise<Answers> {
  for (const agency of agencies) {
    const o = 'runId' in offers ? offers as cohort.v1.IRoundOffer : (offers as Record<string, cohort.v1.IRoundOffer>)[agency];
    c.send(agency, { roundOffer: o }, o.round!);
  }
  return c.nextFromEach(agencies, 'roundAnswer');
}

/** Each agency's answer: ACCEPTED, or the code it declined with (which it also logged). */
async function declines(answers: Answers): Promise<Record<string, string>> {
  const codes = Object.fromEntries([...answers].map(([agency, m]) => [agency, m.roundAnswer!.accept ? 'ACCEPTED' : m.roundAnswer!.code!]));
  for (const [agency, code] of Object.entries(codes)) if (code !== 'ACCEPTED') await c.logged(agency, code);
  return codes;
}

/** The honest stages up to the masked inputs: the SecAgg+ server of the offer, every advert, share and input routed as it says. */
async function throughMaskedInput(o: cohort.v1.IRoundOffer, answers: Answers): Promise<SecAggServer> {
  const server = new SecAggServer(roundContextOf(o));
  for (const [, m] of answers) server.receiveAdvert(decodeAdvert(m.roundAnswer!.keyAdvert!));
  server.closeAdvertise();
  for (const agency of c.agencies) c.send(agency, { keyRoster: { adverts: server.roster().map(encodeAdvert) } }, o.round!);
  for (const [agency, m] of await c.nextFromEach(c.agencies, 'shareBundle')) server.receiveShares(agency, decodeShares(m.shareBundle!.shares));
  server.closeShareKeys();
  for (const agency of c.agencies) c.send(agency, { shareDelivery: { shares: encodeShares(server.sharesFor(agency)) } }, o.round!);
  for (const [agency, m] of await c.nextFromEach(c.agencies, 'maskedInput')) server.receiveMaskedInput(agency, decodeUint32LE(m.maskedInput!.vector!));
  server.closeMaskInput();
  return server;
}

/** Asks `agencies` to sign `survivors`; their signatures, as each sent it. */
async function sign(round: number, survivors: string[], agencies: string[]): Promise<Map<string, ConsistencySignature>> {
  for (const agency of agencies) c.send(agency, { consistencyRequest: encodeConsistencyRequest({ survivors }) }, round);
  const signed = await c.nextFromEach(agencies, 'consistencySignature');
  return new Map([...signed].map(([agency, m]) => [agency, decodeSignature(m.consistencySignature!, agency)]));
}

/** The privacy charged for `runId` in an agency's round journal. */
async function charges(stateDir: string, runId: string): Promise<unknown[]> {
  const lines = (await readFile(join(stateDir, JOURNAL_FILE), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: string; runId: string; spend?: unknown });
  return lines.filter((l) => l.kind === 'charge' && l.runId === runId).map((l) => l.spend);
}

/** The code of the notice an agency sends when it leaves the round, which it also logged. */
async function refusal(agency: string): Promise<string> {
  const code = (await c.next(agency, 'notice')).notice!.code!;
  await c.logged(agency, code);
  return code;
}

describe.skipIf(!builtCli())('a malicious coordinator cannot fool the agencies (issue #10)', () => {
  it('inconsistent survivor sets: only a set a quorum signed is unmasked, so agency-2\'s input stays hidden', async () => {
    const o = c.offer('attack-survivors', 1);
    const answers = await offer(o);
    expect(Object.values(await declines(answers))).toEqual(Array(5).fill('ACCEPTED'));
    await throughMaskedInput(o, answers);
    // The attack: tell agencies 1-3 that 4 and 5 dropped, and 4-5 that 1 and 3 did, so
    // that together the answers give agency-2's seed and the mask keys of all its neighbours.
    const storyA = ['agency-1', 'agency-2', 'agency-3'];
    const storyB = ['agency-2', 'agency-4', 'agency-5'];
    const signedA = await sign(1, storyA, storyA);
    const signedB = await sign(1, storyB, ['agency-4', 'agency-5']);
    // Story B has two signatures; the quorum is three (a majority of the five offered). Padded
    // with agency-2's signature (over story A) it is refused; unpadded, it is short.
    const padded = [signedA.get('agency-2')!, ...signedB.values()];
    c.send('agency-4', { unmaskRequest: encodeUnmaskRequest({ survivors: storyB, signatures: padded }) }, 1);
    c.send('agency-5', { unmaskRequest: encodeUnmaskRequest({ survivors: storyB, signatures: [...signedB.values()] }) }, 1);
    expect(await refusal('agency-4')).toBe('BAD_CONSISTENCY_SIGNATURE');
    expect(await refusal('agency-5')).toBe('CONSISTENCY_QUORUM');
    // 1-3 get story A with its quorum: a consistent set, so they reveal, and only what it calls for.
    const revealed: { owner: string; kind: string; from: string }[] = [];
    for (const agency of storyA) c.send(agency, { unmaskRequest: encodeUnmaskRequest({ survivors: storyA, signatures: [...signedA.values()] }) }, 1);
    for (const [agency, m] of await c.nextFromEach(storyA, 'unmaskResponse')) revealed.push(...decodeRevealed(m.unmaskResponse!).map((s) => ({ ...s, from: agency })));
    const keysOf = (owner: string) => revealed.filter((s) => s.owner === owner && s.kind === 'key').length;
    // agency-2's seed is revealed, but the keys of agency-1 and agency-3 (whose masks hide x_2) never are.
    expect(revealed.filter((s) => s.owner === 'agency-2' && s.kind === 'seed')).toHaveLength(3);
    expect([keysOf('agency-1'), keysOf('agency-3')]).toEqual([0, 0]);
    expect(revealed.every((s) => (storyA.includes(s.owner) ? s.kind === 'seed' : s.kind === 'key'))).toBe(true);
  }, 120_000);

  it('both shares across requests: an unmask request for another set than the one signed, or a second one, is refused', async () => {
    const o = c.offer('attack-twice', 1);
    await throughMaskedInput(o, await offer(o));
    const signed = await sign(1, c.agencies, c.agencies);
    const honest = { survivors: c.agencies, signatures: [...signed.values()] };
    c.send('agency-1', { unmaskRequest: encodeUnmaskRequest({ ...honest, survivors: c.agencies.filter((a) => a !== 'agency-2') }) }, 1);
    expect(await refusal('agency-1')).toBe('SURVIVORS_CHANGED');
    c.send('agency-3', { unmaskRequest: encodeUnmaskRequest(honest) }, 1);
    const first = decodeRevealed((await c.next('agency-3', 'unmaskResponse')).unmaskResponse!);
    expect(first.filter((s) => s.kind === 'key')).toEqual([]);
    // Asked again, now calling agency-2 dropped (its key share would complete its unmasking): refused.
    c.send('agency-3', { unmaskRequest: encodeUnmaskRequest({ ...honest, survivors: c.agencies.filter((a) => a !== 'agency-2') }) }, 1);
    expect(await refusal('agency-3')).toBe('STAGE_OUT_OF_ORDER');
  }, 120_000);

  it('key substitution: a neighbour\'s round key replaced by the coordinator\'s is refused', async () => {
    const o = c.offer('attack-keys', 1);
    const answers = await offer(o);
    const server = new SecAggServer(roundContextOf(o));
    for (const [, m] of answers) server.receiveAdvert(decodeAdvert(m.roundAnswer!.keyAdvert!));
    server.closeAdvertise();
    const mine = generateIdentity(); // any 32 bytes the coordinator knows the secret of
    const roster = server.roster().map((a) => (a.id === 'agency-2' ? { ...a, sPk: mine.publicKey } : a));
    c.send('agency-1', { keyRoster: { adverts: roster.map(encodeAdvert) } }, 1);
    expect(await refusal('agency-1')).toBe('BAD_ADVERT_SIGNATURE');
  }, 120_000);

  it('replayed and stale offers: a round is answered once, across a restart; an older round number is refused', async () => {
    const o = c.offer('attack-replay', 5);
    await throughMaskedInput(o, await offer(o));
    const signed = await sign(5, c.agencies, c.agencies);
    for (const agency of c.agencies) c.send(agency, { unmaskRequest: encodeUnmaskRequest({ survivors: c.agencies, signatures: [...signed.values()] }) }, 5);
    await c.nextFromEach(c.agencies, 'unmaskResponse');
    // The identical offer again, and an offer of an older round of the run.
    expect(await declines(await offer(o))).toEqual(Object.fromEntries(c.agencies.map((a) => [a, 'ROUND_REPLAYED'])));
    expect(await declines(await offer(c.offer('attack-replay', 4)))).toEqual(Object.fromEntries(c.agencies.map((a) => [a, 'ROUND_STALE'])));
    // A restarted client remembers: its journal was written before each answer left.
    await c.restart('agency-1');
    expect(await declines(await offer(o, ['agency-1']))).toEqual({ 'agency-1': 'ROUND_REPLAYED' });
    await c.logged('agency-1', 'ROUND_REPLAYED');
  }, 180_000);

  it('split-view weights and a swapped model: another offer for one agency is caught at the adverts; a relabelled topology is refused', async () => {
    const weights = c.model.initialWeights();
    weights[0] += 0.5; // a model crafted for agency-5 alone
    const offers = Object.fromEntries(c.agencies.map((a) => [a, c.offer('attack-split', 1, a === 'agency-5' ? { weights } : {})]));
    const answers = await offer(offers);
    expect(Object.values(await declines(answers))).toEqual(Array(5).fill('ACCEPTED'));
    // The coordinator routes every advert to everyone, as if all had the same offer.
    const adverts = [...answers.values()].map((m) => m.roundAnswer!.keyAdvert!);
    for (const agency of c.agencies) c.send(agency, { keyRoster: { adverts } }, 1);
    for (const agency of c.agencies) expect(await refusal(agency)).toBe('OFFER_MISMATCH');

    // A 784-50-50-10 network offered under the label "mnist-2nn", with its own (true) fingerprint.
    const small = tf.sequential({ name: 'mnist_2nn', layers: [
      tf.layers.dense({ inputShape: [784], units: 50, activation: 'relu' }),
      tf.layers.dense({ units: 50, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ] });
    const swapped = c.offer('attack-model', 1, {
      architecture: 'mnist-2nn', topology: JSON.stringify(small.toJSON(null, false)), modelFingerprint: modelFingerprint(small),
      weights: new Float32Array(small.countParams()),
    });
    small.dispose();
    expect(await declines(await offer(swapped))).toEqual(Object.fromEntries(c.agencies.map((a) => [a, 'POLICY_MODEL'])));
  }, 120_000);

  it('a Sybil: a cohort member not on the roster, or a roster the coordinator signed itself, is refused', async () => {
    const sybil = generateIdentity();
    const padded = c.offer('attack-sybil', 1, {}, [...c.agencies.slice(0, 2), 'agency-9']);
    // The cohort the offer names: two real agencies and one key the coordinator made.
    padded.cohort = [...padded.cohort!.slice(0, 2), { agency: 'agency-9', identityKey: sybil.publicKey }];
    expect(await declines(await offer(padded, c.agencies.slice(0, 2)))).toEqual({ 'agency-1': 'ROSTER_UNKNOWN_MEMBER', 'agency-2': 'ROSTER_UNKNOWN_MEMBER' });
    const selfSigned = c.offer('attack-sybil', 2, { roster: encodeRoster(signRoster(c.federation.roster, c.federation.coordinatorIdentity)) });
    expect(await declines(await offer(selfSigned))).toEqual(Object.fromEntries(c.agencies.map((a) => [a, 'ROSTER_SIGNATURE'])));
    await c.logged('agency-1', 'ROSTER_UNKNOWN_MEMBER');
  }, 120_000);

  it('a graph the coordinator chooses: an agency shown other adverts draws another graph, and its peers\' signatures name it', async () => {
    const o = c.offer('attack-graph', 1);
    const answers = await offer(o);
    const server = new SecAggServer(roundContextOf(o));
    for (const [, m] of answers) server.receiveAdvert(decodeAdvert(m.roundAnswer!.keyAdvert!));
    server.closeAdvertise();
    // agency-1 is shown every advert but agency-5's: its public coin, and so its graph, differ.
    const adverts = server.roster();
    for (const agency of c.agencies) {
      const shown = agency === 'agency-1' ? adverts.filter((a) => a.id !== 'agency-5') : adverts;
      c.send(agency, { keyRoster: { adverts: shown.map(encodeAdvert) } }, 1);
    }
    const bundles = await c.nextFromEach(c.agencies, 'shareBundle');
    const to = (agency: string) => [...bundles.values()].flatMap((m) => decodeShares(m.shareBundle!.shares)).filter((s) => s.to === agency && !(agency === 'agency-1' && s.from === 'agency-5'));
    for (const agency of c.agencies) c.send(agency, { shareDelivery: { shares: encodeShares(to(agency)) } }, 1);
    await c.nextFromEach(c.agencies, 'maskedInput');
    const signed = await sign(1, c.agencies.slice(0, 4), c.agencies.slice(0, 4));
    c.send('agency-1', { unmaskRequest: encodeUnmaskRequest({ survivors: c.agencies.slice(0, 4), signatures: [...signed.values()] }) }, 1);
    expect(await refusal('agency-1')).toBe('GRAPH_MISMATCH');
    expect(toHex(signed.get('agency-1')!.graphSeed)).not.toBe(toHex(signed.get('agency-2')!.graphSeed));
    expect(toHex(signed.get('agency-2')!.graphSeed)).toBe(toHex(server.graphSeed));
  }, 120_000);

  it('a tampered sampling rate and minSurvivors are refused: the agency accounts at its own rate and unmasks only with its own floor', async () => {
    const dp = { mode: 'central', clipNorm: 1, noiseMultiplier: 1, samplingRate: 1, delta: 1e-5, minSurvivors: 3 };
    expect(await declines(await offer(c.offer('attack-dp', 1, { dp: { ...dp, samplingRate: 0.01 } }))))
      .toEqual(Object.fromEntries(c.agencies.map((a) => [a, 'POLICY_SAMPLING_RATE'])));
    expect(await declines(await offer(c.offer('attack-dp', 2, { dp: { ...dp, mode: 'distributed', minSurvivors: 2 ** 32 - 1 } }))))
      .toEqual(Object.fromEntries(c.agencies.map((a) => [a, 'POLICY_MIN_SURVIVORS'])));
    // k = 2, t = 2 over five agencies: too sparse a graph, too low a threshold, by the default policy.
    expect(await declines(await offer(c.offer('attack-dp', 3, { secagg: { params: { threshold: 2, degree: 2, clipRange: 1, bits: 20 } } }))))
      .toEqual(Object.fromEntries(c.agencies.map((a) => [a, 'POLICY_SECAGG_DEGREE'])));
  }, 120_000);

  it('an "abandoned" receipt after a full unmask: the privacy was charged before the masked input left, and stays charged', async () => {
    const o = c.offer('attack-receipt', 1);
    const answers = await offer(o);
    const server = await throughMaskedInput(o, answers);
    // Charged before the masked input left: every journal holds the charge now, before any receipt.
    for (const a of c.federation.agencies) expect(await charges(a.stateDir, 'attack-receipt')).toEqual([{ agency: { samplingRate: 1, noiseMultiplier: 1, count: 1 } }]);
    for (const [, signed] of await sign(1, c.agencies, c.agencies)) server.receiveConsistency(signed);
    server.closeConsistency();
    for (const agency of c.agencies) c.send(agency, { unmaskRequest: encodeUnmaskRequest(server.unmaskRequestFor(agency)) }, 1);
    for (const [agency, m] of await c.nextFromEach(c.agencies, 'unmaskResponse')) server.receiveUnmask({ from: agency, shares: decodeRevealed(m.unmaskResponse!) });
    expect((await server.finish()).status).toBe('complete');
    for (const agency of c.agencies) c.send(agency, { roundReceipt: { runId: 'attack-receipt', round: 1, status: 'abandoned', reason: 'a lie' } }, 1);
    for (const agency of c.agencies) await c.logged(agency, 'SPEND_KEPT');
    // After a restart the charge is still counted: the journal, not the receipt, is the record.
    await c.restart('agency-2');
    expect(await charges(c.federation.agencies[1].stateDir, 'attack-receipt')).toHaveLength(1);
  }, 180_000);
});
