// A run's files under the data directory (docs/ARCHITECTURE.md, "Where state lives"):
//   <dataDir>/ledger.jsonl                          the signed ledger (all runs): the run's progress
//   <dataDir>/runs/<runId>/run.json                 the run's config, fixed at creation
//   <dataDir>/runs/<runId>/checkpoints/round-NNNNN/ TF.js model.json + weights, strategy.json (optimizer state)
//   <dataDir>/runs/<runId>/rounds.jsonl             each round's record (loss, accuracy, time): a view for people
//   <dataDir>/runs/<runId>/receipts.jsonl           the ML team's receipts of run_finished
//   <dataDir>/runs/<runId>/statistics/<sha256>.json  a tabular run's statistics totals, named by the hash its ledger entry records
//   <dataDir>/runs/<runId>/offered.json             the highest round number ever offered to agencies
//   <dataDir>/runs/<runId>/submitted.json           the run config as an operator submitted it to the run service
// What the run has done (rounds, agencies joined, privacy spent, the current model, finished or
// not) is read from the ledger alone (run-progress.ts); a checkpoint counts once the ledger's
// model_updated names its hash, so it is written first.
import { appendFile, readFile, readdir, rm } from 'node:fs/promises';
import { sha256Hex } from '../bytes/digest.js';
import type { RoundPurpose } from '../ledger/round-order.js';
import type { Metrics } from '../ml/metrics.js';
import type { SignedReceipt } from '../ledger/receipt.js';
import { appendReceipt } from '../ledger/receipt-file.js';
import { join } from 'node:path';
import { readJsonOr, writeFileAtomic, writeJsonAtomic } from '../storage/atomic.js';
import { decodeFloat32LE, encodeFloat32LE } from '../ml/codec.js';
import { parseRunConfig, type RunConfig } from './run-config.js';

const STRATEGY_FILE = 'strategy.json';
const ROUNDS_FILE = 'rounds.jsonl';
const OFFERED_FILE = 'offered.json';
/** The config as the operator submitted it, beside the run's other files. */
export const SUBMITTED_FILE = 'submitted.json';

/** One agency's own metrics, shown only when its policy allows per-agency metrics. */
export interface AgencyMetrics {
  trainLoss?: number;
  validation?: Metrics;
}

export interface RoundRecord {
  round: number;
  /** Absent: a training round. */
  kind?: Exclude<RoundPurpose, 'train'>;
  status: 'ok' | 'abandoned';
  reason?: string;
  contributors: number;
  dropped: number;
  /** Agencies that accepted the round but are not in its aggregate, with why (timed out, disconnected, rejected). */
  dropouts?: Record<string, string>;
  declined: number;
  /** Example-weighted training loss over the agencies whose totals are in the sum. */
  trainLoss?: number;
  /** The federated validation of the model the round offered: that of round `modelRound` (0: the initial model). */
  validation?: Metrics & { modelRound: number };
  /** How many agencies' totals the metrics sum. */
  metricsFrom?: number;
  /** Agencies' own metrics, where their policy allows per-agency metrics. */
  agencies?: Record<string, AgencyMetrics>;
  /** The coordinator's own held-out evaluation of the model the round made (the demo's comparison). */
  loss?: number;
  accuracy?: number;
  epsilon?: number;
  seconds: number;
}

/** A run as its caller and the dashboard see it: derived from its ledger progress, never stored. */
export interface RunState {
  runId: string;
  status: 'running' | 'finished' | 'stopped';
  /** Highest round number used (attempted). */
  lastRound: number;
  /** Rounds that aggregated and closed ok. */
  completedRounds: number;
  /** The round whose checkpoint is the current model (0 = the initial model). */
  checkpointRound: number;
  history: RoundRecord[];
  finishedReason?: string;
  /** The validated model with the lowest federated validation loss: its round (0: the initial model). */
  best?: { round: number; loss: number };
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

  /** Keeps the bytes an operator submitted (and signed), before the ledger records the submission. */
  async keepSubmitted(bytes: Uint8Array): Promise<void> {
    await writeFileAtomic(join(this.runDir, SUBMITTED_FILE), bytes);
  }

  /** The config submitted, if its bytes are those whose SHA-256 the ledger's submission recorded. */
  async readSubmitted(sha256: string): Promise<RunConfig> {
    const path = join(this.runDir, SUBMITTED_FILE);
    const bytes = await readFile(path).catch(() => undefined);
    if (!bytes || sha256Hex(bytes) !== sha256) {
      throw new Error(`${path} is missing, or is not the config submitted (its SHA-256 differs from the one in the ledger)`);
    }
    return parseRunConfig(JSON.parse(bytes.toString('utf8')));
  }

  /**
   * The highest round number ever offered. The ledger cannot say it: a coordinator that crashes
   * after its offers went out and before the round's first entry leaves no trace there, yet the
   * agencies that accepted answer that number only once (client/round-journal.ts). A round
   * number is never offered twice, so the next one is always above this.
   */
  async readLastOffered(): Promise<number> {
    const kept = await readJsonOr<{ round?: unknown }>(join(this.runDir, OFFERED_FILE), {});
    return Number.isSafeInteger(kept.round) ? (kept.round as number) : 0;
  }

  /** Notes `round` as offered, durably, before any offer of it leaves. */
  async noteOffered(round: number): Promise<void> {
    await writeJsonAtomic(join(this.runDir, OFFERED_FILE), { round });
  }

  /** Appends a round's record to rounds.jsonl: what people read (loss, accuracy, time), never what a resume decides by. */
  async appendRoundRecord(record: RoundRecord): Promise<void> {
    await appendFile(join(this.runDir, ROUNDS_FILE), JSON.stringify(record) + '\n');
  }

  /** The round records kept so far, by round; a line a crash cut short is skipped. */
  async readRoundRecords(): Promise<Map<number, RoundRecord>> {
    const text = await readFile(join(this.runDir, ROUNDS_FILE), 'utf8').catch(() => '');
    const records = new Map<number, RoundRecord>();
    for (const line of text.split('\n')) {
      try {
        const record = JSON.parse(line) as RoundRecord;
        if (Number.isSafeInteger(record?.round)) records.set(record.round, record);
      } catch {
        // the torn last line of a crash, or nothing
      }
    }
    return records;
  }

  /** Appends a coordinator receipt to <runDir>/receipts.jsonl, in the form agencies keep theirs. */
  async keepReceipt(receipt: SignedReceipt): Promise<void> {
    await appendReceipt(this.runDir, { receipt, sent: {}, recordedAt: new Date().toISOString() });
  }

  /** Keeps a statistics pass's totals (canonical JSON) under their SHA-256, atomically, before the ledger names them. */
  async writeStatistics(json: string): Promise<string> {
    const hash = sha256Hex(json);
    await writeFileAtomic(join(this.runDir, 'statistics', `${hash}.json`), json);
    return hash;
  }

  /** The totals the ledger names by `hash`, as canonical JSON; an Error when the file is missing or is not them. */
  async readStatistics(hash: string): Promise<string> {
    const path = join(this.runDir, 'statistics', `${hash}.json`);
    const json = await readFile(path, 'utf8').catch(() => '');
    if (sha256Hex(json) !== hash) throw new Error(`run ${this.runId}: ${path} is missing or is not the statistics the ledger recorded (sha256 ${hash}); restore it from a backup`);
    return json;
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

  /**
   * Deletes every checkpoint but those of `keep`: the rounds whose model the ledger may still
   * name as current, newest last. A checkpoint of a round that never closed ok goes too.
   */
  async pruneCheckpoints(keep: readonly number[]): Promise<void> {
    const dir = join(this.runDir, 'checkpoints');
    const kept = new Set(keep.map((round) => this.checkpointDir(round)));
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith('round-'));
    for (const name of names) if (!kept.has(join(dir, name))) await rm(join(dir, name), { recursive: true, force: true });
  }
}
