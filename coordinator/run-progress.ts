// A run's progress as its ledger records it, and nothing else: the rounds opened and how they
// closed, the agencies joined, the rounds aggregated (each spent one DP step), the newest model a
// round closed `ok` with, and whether the run finished. The run loop folds every entry of its run
// into one RunProgress, the entries already on disk when it opens and each one as it is appended
// (LedgerWriter.follow), so a resumed run and an uninterrupted one decide from the same record
// (docs/ARCHITECTURE.md, "Where state lives").
import { readFile } from 'node:fs/promises';
import type { LedgerEntry, Metrics, RunCreated, Statistics } from '../ledger/entries.js';
import type { RoundPurpose } from '../ledger/round-order.js';
import { parseLine } from '../ledger/line.js';
import type { LedgerWriter } from '../ledger/writer.js';

/** One round as the ledger tells it. */
export interface RoundFacts {
  readonly round: number;
  opened: boolean;
  /** What the round did: train (the default), evaluate only, or the statistics pass. */
  purpose: RoundPurpose;
  committed: number;
  dropped: number;
  declined: number;
  /** The aggregate's input count, once recorded. */
  inputs?: number;
  modelSha256?: string;
  epsilon?: number;
  /** The cohort's metrics, once recorded. */
  metrics?: Metrics;
  statistics?: Statistics;
  status?: 'ok' | 'abandoned';
  reason?: string;
}

/** One model's federated validation: the model of round `modelRound` (0: the initial model), measured in round `round`. */
export interface Validation {
  readonly modelRound: number;
  readonly round: number;
  readonly examples: number;
  /** Mean validation loss per example. */
  readonly loss: number;
}

export class RunProgress {
  created: RunCreated | undefined;
  finished: { rounds: number; reason: string } | undefined;
  readonly joined = new Set<string>();
  /** The highest round number any entry of the run carries (a refusal names a round that never opened). */
  lastRound = 0;
  roundsOpened = 0;
  /** The round opened and not yet closed. */
  open: number | undefined;
  /** Rounds whose aggregate is recorded: each is one step of the run's privacy accounting (docs/LEDGER.md). */
  aggregated = 0;
  /** Training rounds closed `ok` (each made a model), in order. */
  readonly okRounds: number[] = [];
  readonly rounds = new Map<number, RoundFacts>();
  /** The statistics pass that closed ok last: the totals every later round's preprocessing is derived from. */
  statistics: Statistics | undefined;
  /** Each model's federated validation, by the round that made the model (the latest measurement of it). */
  readonly validations = new Map<number, Validation>();

  constructor(readonly runId: string) {}

  /**
   * The progress of `runId` from the ledger `writer` appends to, kept current as it appends;
   * call stop() when the run ends.
   */
  static async follow(writer: LedgerWriter, runId: string): Promise<{ progress: RunProgress; stop: () => void }> {
    const progress = new RunProgress(runId);
    const stop = await writer.follow((entry) => progress.apply(entry));
    return { progress, stop };
  }

  /** The progress of `runId` in the ledger file at `path`, read once (an absent file is an empty ledger). */
  static async read(path: string, runId: string): Promise<RunProgress> {
    const progress = new RunProgress(runId);
    const text = await readFile(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return Buffer.alloc(0);
      throw err;
    });
    let start = 0;
    for (let end = text.indexOf(0x0a), line = 1; end !== -1; end = text.indexOf(0x0a, start), line++) {
      const parsed = parseLine(text.subarray(start, end));
      if ('problem' in parsed) throw new RangeError(`${path}, line ${line}: ${parsed.problem.message}`);
      progress.apply(parsed.entry);
      start = end + 1;
    }
    return progress;
  }

  /** The round closed ok last, and the SHA-256 of the model it made; round 0 is the initial model. */
  get lastOk(): { round: number; modelSha256: string } {
    const round = this.okRounds.at(-1);
    if (round === undefined) return { round: 0, modelSha256: this.created?.modelFingerprint ?? '' };
    return { round, modelSha256: this.rounds.get(round)!.modelSha256! };
  }

  /** Folds one ledger entry in; entries of other runs, and notes, change nothing. */
  apply(entry: LedgerEntry): void {
    const body = entry.body as { runId?: string; round?: number };
    if (body.runId !== this.runId) return;
    if (body.round !== undefined) this.lastRound = Math.max(this.lastRound, body.round);
    switch (entry.type) {
      case 'run_created': this.created = entry.body; return;
      case 'agency_joined': this.joined.add(entry.body.agency); return;
      case 'run_finished': this.finished = { rounds: entry.body.rounds, reason: entry.body.reason }; return;
      case 'refusal':
        if (entry.body.round !== undefined) this.facts(entry.body.round).declined++;
        return;
      default: this.applyRoundEntry(entry);
    }
  }

  private applyRoundEntry(entry: LedgerEntry): void {
    const body = entry.body as { round?: number };
    if (body.round === undefined) return;
    const facts = this.facts(body.round);
    switch (entry.type) {
      case 'round_opened':
        facts.opened = true;
        facts.purpose = entry.body.kind ?? 'train';
        this.roundsOpened++;
        this.open = body.round;
        return;
      case 'commitment': facts.committed++; return;
      case 'dropout': facts.dropped++; return;
      case 'aggregate':
        facts.inputs = entry.body.inputs;
        // Privacy steps: only a training round's aggregate is the noised update sum.
        if (facts.purpose === 'train') this.aggregated++;
        return;
      case 'metrics': this.applyMetrics(facts, entry.body); return;
      case 'statistics': facts.statistics = entry.body; return;
      case 'model_updated': facts.modelSha256 = entry.body.modelSha256; return;
      case 'privacy_spent': facts.epsilon = entry.body.epsilon; return;
      case 'round_closed':
        facts.status = entry.body.status;
        if (entry.body.reason !== undefined) facts.reason = entry.body.reason;
        if (entry.body.status === 'ok' && facts.purpose === 'train') this.okRounds.push(body.round);
        if (entry.body.status === 'ok' && facts.statistics) this.statistics = facts.statistics;
        if (this.open === body.round) this.open = undefined;
        return;
      default:
    }
  }

  /** A model's validation counts from its metrics entry, whatever its round's outcome: the totals were summed. */
  private applyMetrics(facts: RoundFacts, metrics: Metrics): void {
    facts.metrics = metrics;
    const modelRound = this.roundOfModel(metrics.modelSha256);
    const v = metrics.validation;
    if (modelRound === undefined || !v || v.examples === 0) return;
    this.validations.set(modelRound, { modelRound, round: facts.round, examples: v.examples, loss: v.lossSum / v.examples });
  }

  /** The round whose model has this hash (0: the initial model); undefined for a hash no ok round made. */
  roundOfModel(modelSha256: string): number | undefined {
    if (modelSha256 === this.created?.modelFingerprint) return 0;
    return this.okRounds.find((round) => this.rounds.get(round)!.modelSha256 === modelSha256);
  }

  /** The validated model with the lowest validation loss (the earliest of equals); undefined before any validation. */
  get best(): Validation | undefined {
    let best: Validation | undefined;
    for (const v of [...this.validations.values()].sort((a, b) => a.modelRound - b.modelRound)) if (!best || v.loss < best.loss) best = v;
    return best;
  }

  /**
   * Early stopping on the federated validation loss: true once the last `patience` validated
   * models, in the order they were made, each failed to improve the best loss before them by
   * more than `minDelta`.
   */
  patienceExhausted(patience: number, minDelta = 0): boolean {
    let best = Infinity;
    let without = 0;
    for (const v of [...this.validations.values()].sort((a, b) => a.modelRound - b.modelRound)) {
      if (v.loss < best - minDelta) {
        best = v.loss;
        without = 0;
      } else {
        without++;
      }
    }
    return without >= patience;
  }

  private facts(round: number): RoundFacts {
    let facts = this.rounds.get(round);
    if (!facts) {
      facts = { round, opened: false, purpose: 'train', committed: 0, dropped: 0, declined: 0 };
      this.rounds.set(round, facts);
    }
    return facts;
  }
}
