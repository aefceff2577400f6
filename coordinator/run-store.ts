// Everything a run needs to resume lives under the data directory:
//   <dataDir>/ledger.jsonl                          the signed ledger (all runs)
//   <dataDir>/runs/<runId>/run.json                 the run's config, fixed at creation
//   <dataDir>/runs/<runId>/state.json               progress, history, optimizer and privacy state
//   <dataDir>/runs/<runId>/checkpoints/round-NNNNN/ TF.js model.json + weights.bin, strategy.json (optimizer state)
// Order of writes after a round: checkpoint, then ledger (fsync), then state.json, so the ledger
// is the record of what was committed and a checkpoint always exists for a closed round.
import { readFile, readdir, rm } from 'node:fs/promises';
import type { SignedReceipt } from '../ledger/receipt.js';
import { appendReceipt } from '../ledger/receipt-file.js';
import { join } from 'node:path';
import { readJsonOr, writeJsonAtomic } from '../storage/atomic.js';
import type { SgmStep } from '../privacy/accountant.js';
import { decodeFloat32LE, encodeFloat32LE } from '../ml/codec.js';
import type { RunConfig } from './run-config.js';

const STRATEGY_FILE = 'strategy.json';

export interface RoundRecord {
  round: number;
  status: 'ok' | 'abandoned';
  reason?: string;
  contributors: number;
  dropped: number;
  /** Agencies that accepted the round but are not in its aggregate, with why (timed out, disconnected, rejected). */
  dropouts?: Record<string, string>;
  declined: number;
  trainLoss?: number;
  loss?: number;
  accuracy?: number;
  epsilon?: number;
  seconds: number;
}

export interface RunState {
  runId: string;
  status: 'running' | 'paused' | 'finished' | 'stopped';
  /** Highest round number used (attempted); round numbers never repeat. */
  lastRound: number;
  /** Rounds that aggregated successfully. */
  completedRounds: number;
  /** Round of the newest checkpoint (0 = the initial model). */
  checkpointRound: number;
  history: RoundRecord[];
  /** Steps the privacy accountant has composed, so a resumed run accounts for all of them. */
  privacySteps: SgmStep[];
  /** Agencies whose dataset fingerprint is in the ledger for this run. */
  joined: string[];
  finishedReason?: string;
}

export class RunStore {
  readonly runDir: string;

  constructor(readonly dataDir: string, readonly runId: string) {
    this.runDir = join(dataDir, 'runs', runId);
  }

  get ledgerPath(): string {
    return join(this.dataDir, 'ledger.jsonl');
  }

  checkpointDir(round: number): string {
    return join(this.runDir, 'checkpoints', `round-${String(round).padStart(5, '0')}`);
  }

  async readConfig(): Promise<RunConfig | undefined> {
    return readJsonOr<RunConfig | undefined>(join(this.runDir, 'run.json'), undefined);
  }

  async writeConfig(config: RunConfig): Promise<void> {
    await writeJsonAtomic(join(this.runDir, 'run.json'), config);
  }

  async readState(): Promise<RunState | undefined> {
    return readJsonOr<RunState | undefined>(join(this.runDir, 'state.json'), undefined);
  }

  async writeState(state: RunState): Promise<void> {
    await writeJsonAtomic(join(this.runDir, 'state.json'), state);
  }

  /** Appends a coordinator receipt to <runDir>/receipts.jsonl, in the form agencies keep theirs. */
  async keepReceipt(receipt: SignedReceipt): Promise<void> {
    await appendReceipt(this.runDir, { receipt, sent: {}, recordedAt: new Date().toISOString() });
  }

  /** The strategy's optimizer state (momentum, moments) beside the round's model checkpoint. */
  async writeStrategyState(round: number, state: Record<string, Float32Array>): Promise<void> {
    const encoded = Object.fromEntries(Object.entries(state).map(([name, values]) => [name, Buffer.from(encodeFloat32LE(values)).toString('base64')]));
    await writeJsonAtomic(join(this.checkpointDir(round), STRATEGY_FILE), encoded);
  }

  /** What writeStrategyState wrote for `round`; empty when the strategy keeps no state. */
  async readStrategyState(round: number): Promise<Record<string, Float32Array>> {
    const encoded = await readJsonOr<Record<string, string>>(join(this.checkpointDir(round), STRATEGY_FILE), {});
    return Object.fromEntries(Object.entries(encoded).map(([name, b64]) => [name, decodeFloat32LE(new Uint8Array(Buffer.from(b64, 'base64')))]));
  }

  /** Keeps the newest `keep` checkpoints; older ones are deleted. */
  async pruneCheckpoints(keep: number): Promise<void> {
    const dir = join(this.runDir, 'checkpoints');
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith('round-')).sort();
    for (const name of names.slice(0, Math.max(0, names.length - keep))) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * What the ledger says of a run: the highest round opened, and the rounds closed. Read on
 * resume, because a crash can fall between the ledger's fsync and state.json's rename.
 */
export async function ledgerProgress(ledgerPath: string, runId: string): Promise<{ lastOpened: number; closed: Map<number, 'ok' | 'abandoned'> }> {
  const text = await readFile(ledgerPath, 'utf8').catch(() => '');
  let lastOpened = 0;
  const closed = new Map<number, 'ok' | 'abandoned'>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line) as { type: string; body: { runId?: string; round?: number; status?: 'ok' | 'abandoned' } };
    if (entry.body.runId !== runId || entry.body.round === undefined) continue;
    if (entry.type === 'round_opened') lastOpened = Math.max(lastOpened, entry.body.round);
    if (entry.type === 'round_closed') closed.set(entry.body.round, entry.body.status!);
  }
  return { lastOpened, closed };
}
