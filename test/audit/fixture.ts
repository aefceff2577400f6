// A realistic ledger written by the real writer: two runs, five agencies with their own
// Ed25519 identities, three rounds with dropouts at two stages, a refusal, an abandoned round,
// a note; every commitment signed by its agency and receipted into the agency's own store.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { identityFromSeed, sign, toHex, type Identity } from '../../identity/keys.js';
import { commitmentTranscript, type RunCreated } from '../../ledger/entries.js';
import { consistencyTranscript } from '../../secagg/consistency.js';
import { LedgerWriter } from '../../ledger/writer.js';
import { issueReceipt, type SignedReceipt } from '../../ledger/receipt.js';
import { ReceiptStore } from '../../client/receipts.js';
import { epsilonAfter } from '../../privacy/accountant.js';

export const AGENCIES = ['agency-nord', 'agency-sud', 'lab-est', 'lab-ouest', 'institut-centre'] as const;

export function seeded(n: number): Identity {
  return identityFromSeed(new Uint8Array(32).fill(n));
}

export const coordinator = seeded(1);
export const clients: Record<string, Identity> = Object.fromEntries(AGENCIES.map((agency, i) => [agency, seeded(10 + i)]));

export function fixedClock(start = Date.UTC(2025, 0, 15, 9, 0, 0)): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

export const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

export const MAIN_RUN: RunCreated = {
  runId: 'mnist-noniid-2025',
  purpose: 'digit recognition across five agencies, non-IID split',
  modelFingerprint: hashOf('initial weights'),
  strategy: { name: 'fedavg', params: { localEpochs: 1, learningRate: 0.05 } },
  secagg: { threshold: 3, degree: 4, quantizationBits: 16 },
  dp: { mode: 'central', clipNorm: 1, noiseMultiplier: 1.1, samplingRate: 1, targetEpsilon: 10, targetDelta: 1e-5 },
  minCohort: 3,
  rounds: 3,
};

export interface Fixture {
  readonly dir: string;
  readonly path: string;
  readonly bytes: Buffer;
  readonly lines: string[];
  /** Every receipt issued: the agencies' commitment receipts and the ML team's run_finished ones. */
  readonly receipts: SignedReceipt[];
  readonly receiptDirs: string[];
}

export async function buildFixture(): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-ledger-'));
  const path = join(dir, 'coordinator', 'ledger.jsonl');
  const writer = await LedgerWriter.open(path, coordinator, { now: fixedClock() });
  const receipts: SignedReceipt[] = [];
  const stores = new Map<string, ReceiptStore>();
  for (const agency of AGENCIES) stores.set(agency, await ReceiptStore.open(join(dir, agency), { coordinatorKey: coordinator.publicKey, agency, now: fixedClock() }));
  const key = (agency: string): string => toHex(clients[agency].publicKey);
  const runId = MAIN_RUN.runId;

  await writer.append('run_created', MAIN_RUN);
  for (const [i, agency] of AGENCIES.entries()) {
    await writer.append('agency_joined', { runId, agency, identityKey: key(agency), dataset: { sha256: hashOf(`data ${agency}`), schema: 'image:28x28x1,label:int', rows: 1000 + 100 * i, license: 'CC-BY-4.0' } });
  }

  const commit = async (round: number, agency: string): Promise<void> => {
    const maskedInputSha256 = hashOf(`masked input ${agency} ${round}`);
    const offerSha256 = offerOf(runId, round);
    const clientSignature = toHex(sign(commitmentTranscript(runId, round, offerSha256, maskedInputSha256), clients[agency].secretKey));
    const entry = await writer.append('commitment', { runId, round, agency, offerSha256, maskedInputSha256, clientSignature });
    const receipt = issueReceipt(entry, coordinator);
    receipts.push(receipt);
    await stores.get(agency)!.record(receipt, { maskedInputSha256 });
  };
  // The run's epsilon after its n-th aggregated round, as the accountant gives it (docs/LEDGER.md).
  const epsilonAt = (n: number): number => epsilonAfter({ samplingRate: 1, noiseMultiplier: 1.1, count: n }, 1e-5);
  const finishRound = async (round: number, survivors: string[], dropped: string[], sharesFrom: string[], epsilon: number): Promise<void> => {
    await writer.append('unmasking', { runId, round, survivors, dropped, sharesFrom, ...agreement(runId, round, 5, survivors, survivors) });
    await writer.append('aggregate', { runId, round, aggregateSha256: hashOf(`aggregate ${round}`), inputs: survivors.length });
    await writer.append('model_updated', { runId, round, modelSha256: hashOf(`model ${round}`) });
    await writer.append('privacy_spent', { runId, round, epsilon, delta: 1e-5, noiseMultiplier: 1.1, samplingRate: 1 });
    await writer.append('round_closed', { runId, round, status: 'ok' });
  };
  const cohort = (members: readonly string[]) => members.map((agency) => ({ agency, identityKey: key(agency) }));

  // Round 1: everyone.
  await writer.append('round_opened', { runId, round: 1, cohort: cohort(AGENCIES), minCohort: 3, offerSha256: offerOf(runId, 1), secagg: { threshold: 3, degree: 4, offered: 5 } });
  for (const agency of AGENCIES) await commit(1, agency);
  await finishRound(1, [...AGENCIES], [], [...AGENCIES], epsilonAt(1));

  // Round 2: institut-centre drops before sending its input; lab-ouest after (its input counts).
  await writer.append('round_opened', { runId, round: 2, cohort: cohort(AGENCIES), minCohort: 3, offerSha256: offerOf(runId, 2), secagg: { threshold: 3, degree: 4, offered: 5 } });
  await writer.append('dropout', { runId, round: 2, agency: 'institut-centre', stage: 'masked_input' });
  for (const agency of AGENCIES.slice(0, 4)) await commit(2, agency);
  await writer.append('note', { text: 'rejected a replayed commitment from lab-est (round 2): REPLAYED' });
  await writer.append('dropout', { runId, round: 2, agency: 'lab-ouest', stage: 'unmasking' });
  await finishRound(2, AGENCIES.slice(0, 4), ['institut-centre'], AGENCIES.slice(0, 3), epsilonAt(2));

  // Round 3: institut-centre declines by its own policy.
  await writer.append('refusal', { runId, round: 3, agency: 'institut-centre', code: 'POLICY_BUDGET', reason: 'its privacy budget for this run is spent' });
  await writer.append('round_opened', { runId, round: 3, cohort: cohort(AGENCIES.slice(0, 4)), minCohort: 3, offerSha256: offerOf(runId, 3), secagg: { threshold: 3, degree: 4, offered: 5 } });
  for (const agency of AGENCIES.slice(0, 4)) await commit(3, agency);
  await finishRound(3, AGENCIES.slice(0, 4), [], AGENCIES.slice(0, 4), epsilonAt(3));
  receipts.push(issueReceipt(await writer.append('run_finished', { runId, rounds: 3, reason: 'planned rounds done' }), coordinator));

  // A second, smaller run without DP whose only round is abandoned.
  const tab = 'tabular-pilot';
  await writer.append('run_created', { ...MAIN_RUN, runId: tab, purpose: 'tabular pilot', strategy: { name: 'fedprox', params: { mu: 0.01 } }, secagg: { threshold: 2, degree: 2, quantizationBits: 16 }, dp: null, minCohort: 3, rounds: 2 });
  for (const agency of AGENCIES.slice(0, 3)) {
    await writer.append('agency_joined', { runId: tab, agency, identityKey: key(agency), dataset: { sha256: hashOf(`tab ${agency}`), schema: 'age:int,income:float,label:bool', rows: 250, license: 'internal' } });
  }
  await writer.append('round_opened', { runId: tab, round: 1, cohort: cohort(AGENCIES.slice(0, 3)), minCohort: 3, offerSha256: offerOf(tab, 1), secagg: { threshold: 2, degree: 2, offered: 3 } });
  await writer.append('dropout', { runId: tab, round: 1, agency: 'lab-est', stage: 'advertise_keys' });
  await writer.append('round_closed', { runId: tab, round: 1, status: 'abandoned', reason: 'fewer agencies than the minimum cohort' });
  receipts.push(issueReceipt(await writer.append('run_finished', { runId: tab, rounds: 1, reason: 'stopped by operator' }), coordinator));
  await writer.close();

  const bytes = await readFile(path);
  return { dir, path, bytes, lines: bytes.toString('utf8').split('\n').slice(0, -1), receipts, receiptDirs: AGENCIES.map((agency) => join(dir, agency)) };
}

/** A stand-in for a round's offer hash (proto/offer-hash.ts): the ledger treats it as an opaque 32 bytes. */
export function offerOf(runId: string, round: number): string {
  return hashOf(`offer ${runId} ${round}`);
}

/** The unmasking entry's consistency fields: `signers` sign the survivor set over the round's offer and a graph seed. */
export function agreement(runId: string, round: number, offered: number, survivors: string[], signers: readonly string[]) {
  const graphSeed = hashOf(`graph ${runId} ${round}`);
  const message = consistencyTranscript({
    binding: { runId, round, offerHash: Buffer.from(offerOf(runId, round), 'hex') }, graphSeed: Buffer.from(graphSeed, 'hex'), cohortSize: offered, survivors,
  });
  return { graphSeed, consistency: signers.map((agency) => ({ agency, signature: toHex(sign(message, clients[agency].secretKey)) })) };
}

// node:crypto's Ed25519 is ~50x faster than tweetnacl here (STYLE.md, speed notes), and the
// cache skips lines a tamper left unchanged: together they make checking every byte offset
// affordable. The tamper test also checks that the default (tweetnacl) path agrees with it.
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
export function fastVerifier(): (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array) => boolean {
  const cache = new Map<string, { message: Buffer; ok: boolean }[]>();
  return (message, signature, publicKey) => {
    const id = Buffer.concat([publicKey, signature]).toString('latin1');
    const seen = cache.get(id) ?? [];
    const hit = seen.find((item) => item.message.equals(message));
    if (hit !== undefined) return hit.ok;
    const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, publicKey]), format: 'der', type: 'spki' });
    const ok = signature.length === 64 && nodeVerify(null, message, key, signature);
    // Only verdicts on the untampered lines are worth keeping: each tampered message is seen once.
    if (ok) cache.set(id, [...seen, { message: Buffer.from(message), ok }]);
    return ok;
  };
}
