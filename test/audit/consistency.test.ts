// The verifier's checks of the consistency round and the offer hash (docs/LEDGER.md section 6):
// every commitment names the round's offer; a quorum of the survivors signed the very survivor
// set the unmasking entry records, under that offer and graph seed; a survivor that did not sign
// dropped out at the consistency stage; only signers revealed shares. Each is broken on purpose.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../audit/verify.js';
import { sign, toHex } from '../../identity/keys.js';
import { commitmentTranscript, type EntryBody } from '../../ledger/entries.js';
import { LedgerWriter } from '../../ledger/writer.js';
import { AGENCIES, MAIN_RUN, agreement, clients, coordinator, fixedClock, hashOf, offerOf } from './fixture.js';

const RUN = { ...MAIN_RUN, dp: null };
const runId = RUN.runId;
const OFFER = offerOf(runId, 1);
const committed = AGENCIES.slice(0, 4);

interface Round {
  /** The offer each agency's commitment names. */
  offerOf?: (agency: string) => string;
  offered?: number;
  /** Overrides of the unmasking entry. */
  unmasking?: (body: EntryBody<'unmasking'>) => EntryBody<'unmasking'>;
  /** Who dropped at which stage among the committed (the fifth dropped at masked_input). */
  droppedAfterCommit?: Record<string, 'consistency' | 'unmasking'>;
}

/** One SecAgg round of five offered: four commit, institut-centre drops before; lab-ouest drops at the consistency stage by default. */
async function ledger(round: Round = {}): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'cohort-consistency-')), 'ledger.jsonl');
  const writer = await LedgerWriter.open(path, coordinator, { now: fixedClock() });
  await writer.append('run_created', RUN);
  for (const agency of AGENCIES) {
    await writer.append('agency_joined', { runId, agency, identityKey: toHex(clients[agency].publicKey), dataset: { sha256: hashOf(agency), schema: 'x', rows: 10, license: 'test' } });
  }
  await writer.append('round_opened', {
    runId, round: 1, minCohort: 3, offerSha256: OFFER, secagg: { threshold: 3, degree: 4, offered: round.offered ?? 5 },
    cohort: AGENCIES.map((agency) => ({ agency, identityKey: toHex(clients[agency].publicKey) })),
  });
  for (const agency of committed) {
    const offerSha256 = round.offerOf?.(agency) ?? OFFER;
    const maskedInputSha256 = hashOf(`input ${agency}`);
    const clientSignature = toHex(sign(commitmentTranscript(runId, 1, offerSha256, maskedInputSha256), clients[agency].secretKey));
    await writer.append('commitment', { runId, round: 1, agency, offerSha256, maskedInputSha256, clientSignature });
  }
  await writer.append('dropout', { runId, round: 1, agency: 'institut-centre', stage: 'masked_input' });
  const late = round.droppedAfterCommit ?? { 'lab-ouest': 'consistency' };
  for (const [agency, stage] of Object.entries(late)) await writer.append('dropout', { runId, round: 1, agency, stage });
  const signers = committed.filter((a) => late[a] !== 'consistency');
  const sharers = signers.filter((a) => late[a] !== 'unmasking');
  const body: EntryBody<'unmasking'> = {
    runId, round: 1, survivors: [...committed], dropped: ['institut-centre'], sharesFrom: sharers, ...agreement(runId, 1, round.offered ?? 5, [...committed], signers),
  };
  await writer.append('unmasking', round.unmasking?.(body) ?? body);
  await writer.append('aggregate', { runId, round: 1, aggregateSha256: hashOf('sum'), inputs: committed.length });
  await writer.append('model_updated', { runId, round: 1, modelSha256: hashOf('model') });
  await writer.append('round_closed', { runId, round: 1, status: 'ok' });
  await writer.close();
  return readFile(path, 'utf8');
}

const verdict = async (round: Round) => verifyLedger(await ledger(round), { coordinatorKey: coordinator.publicKey }).failure;
const lineOf = async (round: Round, type: string) => (await ledger(round)).split('\n').findIndex((l) => l.includes(`"type":"${type}"`)) + 1;

describe('the consistency round and the offer hash, as the verifier checks them', () => {
  it('a round whose quorum signed its survivor set verifies; a survivor that stopped before signing dropped at the consistency stage', async () => {
    expect(await verdict({})).toBeNull();
    expect(await verdict({ droppedAfterCommit: { 'lab-est': 'unmasking' } })).toBeNull();
  });

  it('OFFER_MISMATCH: a commitment made under another offer than the round\'s', async () => {
    const round: Round = { offerOf: (agency) => (agency === 'lab-est' ? offerOf(runId, 99) : OFFER) };
    expect(await verdict(round)).toMatchObject({ code: 'OFFER_MISMATCH' });
    expect((await verdict(round))!.message).toContain('lab-est');
  });

  it('CONSISTENCY_SIGNATURE: a signature over another survivor set, graph seed or cohort size', async () => {
    const otherSet: Round = { unmasking: (b) => ({ ...b, consistency: agreement(runId, 1, 5, committed.slice(0, 3), committed.slice(0, 3)).consistency }) };
    expect(await verdict(otherSet)).toMatchObject({ code: 'CONSISTENCY_SIGNATURE', line: await lineOf(otherSet, 'unmasking') });
    expect(await verdict({ unmasking: (b) => ({ ...b, graphSeed: hashOf('another graph') }) })).toMatchObject({ code: 'CONSISTENCY_SIGNATURE' });
    // The ledger says six were offered; the agencies signed for the five they were offered with.
    const signedForFive = agreement(runId, 1, 5, [...committed], committed.filter((a) => a !== 'lab-ouest'));
    expect(await verdict({ offered: 6, unmasking: (b) => ({ ...b, ...signedForFive }) })).toMatchObject({ code: 'CONSISTENCY_SIGNATURE' });
  });

  it('INCONSISTENT: below the quorum, a silent survivor, a non-signer that revealed shares, a signer that is no survivor, fewer offered than accepted', async () => {
    // Two signatures: t = 3 and a majority of the five offered is 3.
    expect(await verdict({ unmasking: (b) => ({ ...b, consistency: b.consistency.slice(0, 2), sharesFrom: b.sharesFrom.slice(0, 2) }) }))
      .toMatchObject({ code: 'INCONSISTENT' });
    // lab-ouest neither signed nor is recorded as dropped before signing.
    expect(await verdict({ droppedAfterCommit: {}, unmasking: (b) => ({ ...b, consistency: b.consistency.filter((c) => c.agency !== 'lab-ouest'), sharesFrom: b.sharesFrom.filter((a) => a !== 'lab-ouest') }) }))
      .toMatchObject({ code: 'INCONSISTENT' });
    const sharedUnsigned = await verdict({ droppedAfterCommit: {}, unmasking: (b) => ({ ...b, consistency: b.consistency.filter((c) => c.agency !== 'lab-ouest') }) });
    expect(sharedUnsigned).toMatchObject({ code: 'INCONSISTENT' });
    const strangerSigned = await verdict({ unmasking: (b) => ({ ...b, consistency: [...b.consistency, { agency: 'institut-centre', signature: b.consistency[0].signature }] }) });
    expect(strangerSigned).toMatchObject({ code: 'INCONSISTENT' });
    expect(await verdict({ offered: 4 })).toMatchObject({ code: 'INCONSISTENT' });
  });
});
