// What must hold after any trial of crashes and dropouts, however they fell (issue #11): the
// ledger verifies with every receipt held; no round opened, aggregated or closed twice; no agency
// joined twice; epsilon is the accountant's for the rounds aggregated; the run's model is the
// checkpoint of its last round closed ok; every receipt names an entry the ledger still has.
// Each check is written here from the ledger's lines, not through the code under test.
import { createHash } from 'node:crypto';
import { verifyLedger } from '../../audit/verify.js';
import { RdpAccountant } from '../../privacy/accountant.js';
import { loadCheckpoint } from '../../ml/checkpoint.js';
import { getFlatWeights } from '../../ml/weights.js';
import type { SignedReceipt } from '../../ledger/receipt.js';

type Entry = { seq: number; type: string; body: Record<string, unknown> };

export interface Evidence {
  ledger: Buffer;
  coordinatorKey: Uint8Array;
  receipts: SignedReceipt[];
  runId: string;
  /** The model the run ended with, and the checkpoint directory it names. */
  weights: Float32Array;
  checkpointDir: string;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const f32 = (weights: Float32Array): Uint8Array => new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength);

/** The invariants that do not hold, each with why; empty when all hold. */
export async function violations(evidence: Evidence): Promise<string[]> {
  const problems: string[] = [];
  const report = verifyLedger(evidence.ledger, { coordinatorKey: evidence.coordinatorKey, receipts: evidence.receipts, requireFinished: true });
  if (!report.ok) problems.push(`the ledger does not verify: line ${report.failure!.line} ${report.failure!.code}: ${report.failure!.message}`);
  const entries = evidence.ledger.toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Entry)
    .filter((e) => e.body.runId === evidence.runId);
  problems.push(...onceEach(entries));
  problems.push(...epsilonProblems(entries, report.runs.find((r) => r.runId === evidence.runId)?.epsilon ?? null));
  problems.push(...await modelProblems(entries, evidence));
  const seqs = new Set(evidence.ledger.toString('utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as Entry).seq));
  for (const receipt of evidence.receipts) if (!seqs.has(receipt.seq)) problems.push(`${receipt.agency ?? 'the run'} holds a receipt for seq ${receipt.seq}, which the ledger lacks`);
  return problems;
}

/** No round opened, aggregated or closed twice; every opened round closed; no agency joined twice; rounds counted right. */
function onceEach(entries: Entry[]): string[] {
  const problems: string[] = [];
  const count = (type: string, key: (e: Entry) => unknown) => {
    const seen = new Map<unknown, number>();
    for (const e of entries) if (e.type === type) seen.set(key(e), (seen.get(key(e)) ?? 0) + 1);
    return seen;
  };
  const opened = count('round_opened', (e) => e.body.round);
  const closed = count('round_closed', (e) => e.body.round);
  for (const [type, seen] of [['round_opened', opened], ['aggregate', count('aggregate', (e) => e.body.round)], ['round_closed', closed], ['agency_joined', count('agency_joined', (e) => e.body.agency)]] as const) {
    for (const [key, n] of seen) if (n > 1) problems.push(`${type} ${String(key)} appears ${n} times`);
  }
  for (const round of opened.keys()) if (!closed.has(round)) problems.push(`round ${String(round)} opened and never closed`);
  // A run ends once: run_finished, or run_failed (the run service's, when a run cannot go on).
  const ends = entries.filter((e) => e.type === 'run_finished' || e.type === 'run_failed');
  if (ends.length !== 1) problems.push(`${ends.length} run_finished or run_failed entries`);
  else if (ends[0].type === 'run_finished' && ends[0].body.rounds !== opened.size) problems.push(`run_finished says ${String(ends[0].body.rounds)} rounds; ${opened.size} opened`);
  return problems;
}

/** Each privacy_spent, and the verifier's report, give the accountant's epsilon for the rounds aggregated so far. */
function epsilonProblems(entries: Entry[], reported: number | null): string[] {
  const created = entries.find((e) => e.type === 'run_created')!.body as { dp: { noiseMultiplier: number; samplingRate: number; targetDelta: number } | null };
  if (created.dp === null) return [];
  const { noiseMultiplier, samplingRate, targetDelta } = created.dp;
  const accountant = (n: number) => new RdpAccountant().compose({ samplingRate, noiseMultiplier, count: n }).epsilon(targetDelta).epsilon;
  const problems: string[] = [];
  let aggregated = 0;
  for (const e of entries) {
    if (e.type === 'aggregate') aggregated++;
    if (e.type === 'privacy_spent' && e.body.epsilon !== accountant(aggregated)) {
      problems.push(`round ${String(e.body.round)} records epsilon ${String(e.body.epsilon)}; the accountant gives ${accountant(aggregated)} for ${aggregated} aggregated rounds`);
    }
  }
  const expected = aggregated === 0 ? null : accountant(aggregated);
  if (reported !== expected) problems.push(`the verifier reports epsilon ${reported}; the accountant gives ${expected} for ${aggregated} aggregated rounds`);
  return problems;
}

/** The run's model is the one the ledger recorded for its last round closed ok, and that round's checkpoint holds it. */
async function modelProblems(entries: Entry[], evidence: Evidence): Promise<string[]> {
  const lastOk = entries.filter((e) => e.type === 'round_closed' && e.body.status === 'ok').at(-1)?.body.round;
  const recorded = lastOk === undefined
    ? entries.find((e) => e.type === 'run_created')!.body.modelFingerprint
    : entries.find((e) => e.type === 'model_updated' && e.body.round === lastOk)?.body.modelSha256;
  const problems: string[] = [];
  if (sha256(f32(evidence.weights)) !== recorded) problems.push(`the run ended with a model other than round ${lastOk ?? 0}'s (${String(recorded)})`);
  if (!evidence.checkpointDir.endsWith(`round-${String(lastOk ?? 0).padStart(5, '0')}`)) problems.push(`the run names checkpoint ${evidence.checkpointDir}, not round ${lastOk ?? 0}'s`);
  const loaded = await loadCheckpoint(evidence.checkpointDir).catch(() => undefined);
  if (!loaded) return [...problems, `the checkpoint ${evidence.checkpointDir} does not load`];
  const weights = getFlatWeights(loaded);
  loaded.dispose();
  if (sha256(f32(weights)) !== recorded) problems.push(`the checkpoint of round ${lastOk ?? 0} is not the model the ledger recorded`);
  return problems;
}
