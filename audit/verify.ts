// The auditor's verifier: a pure function over the ledger's bytes, the coordinator's public
// key and any receipts agencies hold. It checks every line in order and stops at the first
// bad one, naming its 1-based line number and why (docs/LEDGER.md, "What the verifier checks").
import { verify as ed25519Verify, fromHex, PUBLIC_KEY_BYTES } from '../identity/keys.js';
import { sha256Hex } from '../bytes/digest.js';
import { ENTRY_SIGNING_DOMAIN, GENESIS_PREV } from '../ledger/chain.js';
import { commitmentTranscript, type EntryBodies, type LedgerEntry, type RunCreated } from '../ledger/entries.js';
import { AuditInputError } from '../ledger/errors.js';
import { parseLine, type LineProblem } from '../ledger/line.js';
import { receiptMismatch, receiptSigningBytes, signedReceiptSchema, type SignedReceipt } from '../ledger/receipt.js';

export type VerifyCode =
  | LineProblem['code']
  | 'FRAMING'
  | 'SEQ'
  | 'CHAIN'
  | 'SIGNATURE'
  | 'CLIENT_SIGNATURE'
  | 'ORDER'
  | 'COHORT'
  | 'PARAMS_CHANGED'
  | 'BELOW_MINIMUM'
  | 'INCONSISTENT'
  | 'BUDGET_EXCEEDED'
  | 'RECEIPT'
  | 'TRUNCATED';

export interface VerifyFailure {
  /** 1-based line number of the first bad line; one past the last line when entries are missing at the end. */
  readonly line: number;
  readonly code: VerifyCode;
  readonly message: string;
}

export interface RunReport {
  readonly runId: string;
  readonly status: 'running' | 'finished';
  readonly finishReason: string | null;
  /** Rounds opened so far, and how they closed. */
  readonly rounds: number;
  readonly roundsOk: number;
  readonly roundsAbandoned: number;
  /** Agencies that joined the run, sorted. */
  readonly agencies: readonly string[];
  readonly dropouts: number;
  /** The cumulative epsilon (and its delta) last recorded; null when the run spent none. */
  readonly epsilon: number | null;
  readonly delta: number | null;
}

export interface VerifyReport {
  readonly ok: boolean;
  /** Entries that passed every check (all of them when ok). */
  readonly entries: number;
  readonly head: { readonly seq: number; readonly hash: string } | null;
  readonly receiptsChecked: number;
  /** Per run, as far as the ledger verified. */
  readonly runs: readonly RunReport[];
  readonly failure: VerifyFailure | null;
}

export interface VerifyOptions {
  /** The coordinator's Ed25519 public key, as pinned by the agencies. */
  readonly coordinatorKey: Uint8Array;
  /** Receipts held by agencies; each must match the ledger's entry at its seq. */
  readonly receipts?: readonly SignedReceipt[];
  /** Fail when a run has no run_finished: catches a ledger cut at a line boundary inside a run. */
  readonly requireFinished?: boolean;
}

export interface VerifyComponents {
  /** Ed25519 verification; identity/keys.ts (tweetnacl) unless replaced. */
  readonly verifySignature: (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array) => boolean;
}

type Problem = { code: VerifyCode; message: string };

interface RoundState {
  readonly round: number;
  readonly cohort: ReadonlyMap<string, Uint8Array>;
  /** The round's SecAgg+ parameters; null when the run aggregates in the clear. */
  readonly secagg: { readonly threshold: number; readonly degree: number } | null;
  readonly committed: Set<string>;
  readonly dropped: Map<string, EntryBodies['dropout']['stage']>;
  unmasking: EntryBodies['unmasking'] | null;
  aggregated: boolean;
  modelUpdated: boolean;
  privacySpent: boolean;
}

interface RunState {
  readonly params: RunCreated;
  readonly createdAtLine: number;
  readonly joined: Map<string, string>;
  finishReason: string | null;
  lastRound: number;
  open: RoundState | null;
  roundsOk: number;
  roundsAbandoned: number;
  dropouts: number;
  epsilon: number | null;
  delta: number | null;
}

const NEWLINE = 0x0a;

/** Verifies a whole ledger held in memory. */
export function verifyLedger(ledger: string | Uint8Array, options: VerifyOptions, components: Partial<VerifyComponents> = {}): VerifyReport {
  const bytes = typeof ledger === 'string' ? Buffer.from(ledger, 'utf8') : ledger;
  if (!(bytes instanceof Uint8Array)) throw new TypeError('ledger must be a string or a Uint8Array');
  return new LedgerVerifier(options, components).write(bytes).end();
}

/**
 * The verifier as a stream: write() the ledger's bytes in chunks of any size, then end().
 * After the first failure further input is ignored. fork() copies the state reached so far,
 * so that alternatives for what follows can be checked without re-reading the prefix.
 */
export class LedgerVerifier {
  readonly #options: VerifyOptions;
  readonly #coordinatorKey: Uint8Array;
  readonly #verifySignature: VerifyComponents['verifySignature'];
  readonly #receipts: readonly SignedReceipt[];
  readonly #requireFinished: boolean;
  #runs = new Map<string, RunState>();
  #line = 0;
  #prev = GENESIS_PREV;
  #head: { seq: number; hash: string } | null = null;
  #pending: Uint8Array = new Uint8Array(0);
  #failure: VerifyFailure | null = null;

  constructor(options: VerifyOptions, components: Partial<VerifyComponents> = {}) {
    if (!(options?.coordinatorKey instanceof Uint8Array) || options.coordinatorKey.length !== PUBLIC_KEY_BYTES) throw new TypeError('options.coordinatorKey must be a 32-byte Uint8Array');
    this.#options = options;
    this.#coordinatorKey = options.coordinatorKey;
    this.#verifySignature = components.verifySignature ?? ed25519Verify;
    if (typeof this.#verifySignature !== 'function') throw new TypeError('components.verifySignature must be a function');
    this.#receipts = checkReceipts(options.receipts ?? [], this.#coordinatorKey, this.#verifySignature);
    this.#requireFinished = options.requireFinished === true;
  }

  write(chunk: Uint8Array): this {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('chunk must be a Uint8Array');
    if (this.#failure !== null) return this;
    const bytes = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    let pos = 0;
    for (let end = bytes.indexOf(NEWLINE, pos); end !== -1 && this.#failure === null; end = bytes.indexOf(NEWLINE, pos)) {
      this.#line += 1;
      this.#failure = this.#checkLine(bytes.subarray(pos, end));
      pos = end + 1;
    }
    this.#pending = this.#failure === null ? bytes.slice(pos) : new Uint8Array(0);
    return this;
  }

  end(): VerifyReport {
    if (this.#failure === null) this.#failure = this.#checkEnd();
    return {
      ok: this.#failure === null,
      entries: this.#head === null ? 0 : this.#head.seq + 1,
      head: this.#head,
      receiptsChecked: this.#receipts.length,
      runs: [...this.#runs.entries()].map(([runId, run]) => summarize(runId, run)),
      failure: this.#failure,
    };
  }

  fork(): LedgerVerifier {
    const copy = new LedgerVerifier(this.#options, { verifySignature: this.#verifySignature });
    copy.#runs = structuredClone(this.#runs);
    copy.#line = this.#line;
    copy.#prev = this.#prev;
    copy.#head = this.#head;
    copy.#pending = this.#pending;
    copy.#failure = this.#failure;
    return copy;
  }

  #checkLine(lineBytes: Uint8Array): VerifyFailure | null {
    const fail = (problem: Problem): VerifyFailure => ({ line: this.#line, ...problem });
    if (lineBytes.length === 0) return fail({ code: 'FRAMING', message: 'empty line' });
    const parsed = parseLine(lineBytes);
    if ('problem' in parsed) return fail(parsed.problem);
    const entry = parsed.entry;
    const expectedSeq = this.#head === null ? 0 : this.#head.seq + 1;
    if (entry.seq !== expectedSeq) return fail({ code: 'SEQ', message: `seq ${entry.seq} where ${expectedSeq} was expected: an entry is missing, repeated or moved` });
    if (entry.prev !== this.#prev) return fail({ code: 'CHAIN', message: `prev ${entry.prev} is not the hash of the previous line (${this.#prev})` });
    if (!this.#verifySignature(signingBytesOfLine(lineBytes, entry), Buffer.from(entry.sig, 'hex'), this.#coordinatorKey)) {
      return fail({ code: 'SIGNATURE', message: `seq ${entry.seq}: the coordinator's signature does not verify: the entry was altered or signed by another key` });
    }
    const problem = apply(this.#runs, entry, this.#line, this.#verifySignature);
    if (problem !== null) return fail({ code: problem.code, message: `seq ${entry.seq} (${entry.type}): ${problem.message}` });
    const hash = sha256Hex(lineBytes);
    for (const receipt of this.#receipts) {
      if (receipt.seq !== entry.seq) continue;
      const why = receiptMismatch(receipt, entry, hash);
      if (why !== null) return fail({ code: 'RECEIPT', message: `a receipt held by ${receipt.agency ?? 'a participant'} does not match this line: ${why}` });
    }
    this.#prev = hash;
    this.#head = { seq: entry.seq, hash };
    return null;
  }

  #checkEnd(): VerifyFailure | null {
    const line = this.#line + 1;
    if (this.#pending.length > 0) return { line, code: 'FRAMING', message: 'the last line has no newline: the ledger was cut mid-entry (torn tail)' };
    const entries = this.#head === null ? 0 : this.#head.seq + 1;
    const beyond = this.#receipts.find((r) => r.seq >= entries);
    if (beyond !== undefined) {
      return { line, code: 'TRUNCATED', message: `the ledger ends after ${entries} entries, but ${beyond.agency ?? 'a participant'} holds a receipt for seq ${beyond.seq}` };
    }
    if (this.#requireFinished) {
      const unfinished = [...this.#runs.entries()].find(([, run]) => run.finishReason === null);
      if (unfinished !== undefined) return { line, code: 'TRUNCATED', message: `the ledger ends before run ${unfinished[0]} finished` };
    }
    return null;
  }
}

/**
 * entrySigningBytes(entry), taken from the line itself: the line is known to be canonical, so
 * its keys are sorted and the entry without `sig` is the line without its `,"sig":"..."` member
 * (which occurs once: a '"' inside a JSON string is always escaped).
 */
function signingBytesOfLine(lineBytes: Uint8Array, entry: LedgerEntry): Uint8Array {
  const member = Buffer.from(`,"sig":"${entry.sig}"`, 'utf8');
  const at = Buffer.from(lineBytes.buffer, lineBytes.byteOffset, lineBytes.byteLength).indexOf(member);
  return Buffer.concat([SIGNING_PREFIX, lineBytes.subarray(0, at), lineBytes.subarray(at + member.length)]);
}
const SIGNING_PREFIX = Buffer.from(`${ENTRY_SIGNING_DOMAIN}\u0000`, 'utf8');

function checkReceipts(receipts: readonly SignedReceipt[], coordinatorKey: Uint8Array, verifySignature: VerifyComponents['verifySignature']): SignedReceipt[] {
  if (!Array.isArray(receipts)) throw new TypeError('options.receipts must be an array');
  return receipts.map((receipt, i) => {
    const parsed = signedReceiptSchema.safeParse(receipt);
    if (!parsed.success || !verifySignature(receiptSigningBytes(parsed.data), fromHex(parsed.data.sig), coordinatorKey)) {
      throw new AuditInputError('AUDIT_BAD_INPUT', `receipt ${i + 1} is not a receipt signed by the coordinator key: it proves nothing about this ledger`);
    }
    return parsed.data;
  });
}

/** Applies one signed, well-formed entry to the runs' state; the reason it is invalid, or null. */
function apply(runs: Map<string, RunState>, entry: LedgerEntry, line: number, verifySignature: VerifyComponents['verifySignature']): Problem | null {
  switch (entry.type) {
    case 'note':
      return null;
    case 'run_created': {
      const existing = runs.get(entry.body.runId);
      if (existing !== undefined) return { code: 'PARAMS_CHANGED', message: `run ${entry.body.runId} was already created on line ${existing.createdAtLine}; its parameters cannot be restated` };
      runs.set(entry.body.runId, {
        params: entry.body,
        createdAtLine: line,
        joined: new Map(),
        finishReason: null,
        lastRound: 0,
        open: null,
        roundsOk: 0,
        roundsAbandoned: 0,
        dropouts: 0,
        epsilon: null,
        delta: null,
      });
      return null;
    }
    case 'agency_joined': {
      const run = activeRun(runs, entry.body.runId);
      if ('code' in run) return run;
      const key = run.joined.get(entry.body.agency);
      if (key !== undefined) {
        return key === entry.body.identityKey
          ? { code: 'ORDER', message: `agency ${entry.body.agency} already joined` }
          : { code: 'PARAMS_CHANGED', message: `agency ${entry.body.agency} joined again with a different identity key` };
      }
      run.joined.set(entry.body.agency, entry.body.identityKey);
      return null;
    }
    case 'round_opened': {
      const body = entry.body;
      const run = activeRun(runs, body.runId);
      if ('code' in run) return run;
      if (run.open !== null) return { code: 'ORDER', message: `round ${run.open.round} is still open` };
      // Round numbers name attempts: one that never opened (too few agencies accepted) leaves a gap.
      if (body.round <= run.lastRound) return { code: 'ORDER', message: `round ${body.round} opened after round ${run.lastRound}: rounds increase` };
      if (body.round > run.params.rounds) return { code: 'ORDER', message: `the run was created for ${run.params.rounds} rounds` };
      if (body.minCohort !== run.params.minCohort) return { code: 'PARAMS_CHANGED', message: `minCohort ${body.minCohort} differs from the run's ${run.params.minCohort}` };
      const cohort = new Map<string, Uint8Array>();
      for (const { agency, identityKey } of body.cohort) {
        if (cohort.has(agency)) return { code: 'COHORT', message: `agency ${agency} is in the cohort twice` };
        const joinedKey = run.joined.get(agency);
        if (joinedKey === undefined) return { code: 'COHORT', message: `agency ${agency} is in the cohort but never joined the run` };
        if (joinedKey !== identityKey) return { code: 'COHORT', message: `agency ${agency} is in the cohort with a key other than the one it joined with` };
        cohort.set(agency, fromHex(identityKey));
      }
      if (cohort.size < run.params.minCohort) return { code: 'BELOW_MINIMUM', message: `cohort of ${cohort.size} is below the run's minimum of ${run.params.minCohort}` };
      if ((run.params.secagg === null) !== (body.secagg === undefined)) return { code: 'PARAMS_CHANGED', message: 'the round and its run disagree on whether secure aggregation is on' };
      const fixed = run.params.secagg;
      if (fixed && body.secagg && ((fixed.threshold !== null && body.secagg.threshold < fixed.threshold) || (fixed.degree !== null && body.secagg.degree > fixed.degree))) {
        return { code: 'PARAMS_CHANGED', message: `SecAgg threshold ${body.secagg.threshold} / degree ${body.secagg.degree} depart from the run's ${fixed.threshold} / ${fixed.degree}` };
      }
      run.lastRound = body.round;
      run.open = { round: body.round, cohort, secagg: body.secagg ?? null, committed: new Set(), dropped: new Map(), unmasking: null, aggregated: false, modelUpdated: false, privacySpent: false };
      return null;
    }
    case 'commitment': {
      const body = entry.body;
      const at = openRound(runs, body.runId, body.round);
      if ('code' in at) return at;
      const key = at.round.cohort.get(body.agency);
      if (key === undefined) return { code: 'COHORT', message: `agency ${body.agency} is not in round ${body.round}'s cohort` };
      if (at.round.committed.has(body.agency)) return { code: 'ORDER', message: `agency ${body.agency} already committed in this round` };
      if (at.round.dropped.has(body.agency)) return { code: 'ORDER', message: `agency ${body.agency} had dropped out` };
      if (at.round.unmasking !== null) return { code: 'ORDER', message: 'commitment after unmasking' };
      if (!verifySignature(commitmentTranscript(body.runId, body.round, body.maskedInputSha256), Buffer.from(body.clientSignature, 'hex'), key)) {
        return { code: 'CLIENT_SIGNATURE', message: `agency ${body.agency}'s signature over its commitment does not verify with its identity key` };
      }
      at.round.committed.add(body.agency);
      return null;
    }
    case 'dropout': {
      const body = entry.body;
      const at = openRound(runs, body.runId, body.round);
      if ('code' in at) return at;
      if (!at.round.cohort.has(body.agency)) return { code: 'COHORT', message: `agency ${body.agency} is not in round ${body.round}'s cohort` };
      if (at.round.dropped.has(body.agency)) return { code: 'ORDER', message: `agency ${body.agency} already dropped out` };
      if (at.round.unmasking !== null) return { code: 'ORDER', message: 'dropout recorded after unmasking' };
      // A client whose masked input arrived is in the sum; it can only fail to send its shares.
      if (at.round.committed.has(body.agency) !== (body.stage === 'unmasking')) {
        return { code: 'INCONSISTENT', message: `agency ${body.agency} dropped at stage ${body.stage} but its masked input was ${at.round.committed.has(body.agency) ? '' : 'not '}committed` };
      }
      at.round.dropped.set(body.agency, body.stage);
      at.run.dropouts += 1;
      return null;
    }
    case 'unmasking': {
      const body = entry.body;
      const at = openRound(runs, body.runId, body.round);
      if ('code' in at) return at;
      const round = at.round;
      if (round.unmasking !== null) return { code: 'ORDER', message: 'the round was already unmasked' };
      if (!sameSet(body.survivors, round.committed)) return { code: 'INCONSISTENT', message: 'survivors are not exactly the agencies that committed a masked input' };
      const absent = [...round.cohort.keys()].filter((agency) => !round.committed.has(agency));
      if (!sameSet(body.dropped, new Set(absent))) return { code: 'INCONSISTENT', message: 'dropped is not exactly the cohort members without a commitment' };
      const unrecorded = absent.find((agency) => !round.dropped.has(agency));
      if (unrecorded !== undefined) return { code: 'INCONSISTENT', message: `agency ${unrecorded} is listed as dropped but no dropout entry records it` };
      const sharers = new Set(body.sharesFrom);
      if (sharers.size !== body.sharesFrom.length) return { code: 'INCONSISTENT', message: 'sharesFrom lists an agency twice' };
      const badSharer = body.sharesFrom.find((agency) => !round.committed.has(agency) || round.dropped.has(agency));
      if (badSharer !== undefined) return { code: 'INCONSISTENT', message: `agency ${badSharer} is in sharesFrom but is not a survivor that stayed to unmask` };
      if (round.secagg === null) return { code: 'ORDER', message: 'a round without secure aggregation has nothing to unmask' };
      if (sharers.size < round.secagg.threshold) return { code: 'INCONSISTENT', message: `${sharers.size} agencies sent shares; the threshold is ${round.secagg.threshold}` };
      if (body.survivors.length < at.run.params.minCohort) return { code: 'BELOW_MINIMUM', message: `${body.survivors.length} surviving inputs are below the run's minimum of ${at.run.params.minCohort}` };
      round.unmasking = body;
      return null;
    }
    case 'aggregate': {
      const at = openRound(runs, entry.body.runId, entry.body.round);
      if ('code' in at) return at;
      const secure = at.round.secagg !== null;
      if ((secure && at.round.unmasking === null) || at.round.aggregated) return { code: 'ORDER', message: 'an aggregate comes once per round, after unmasking' };
      // In the clear, the inputs are the committed updates; under SecAgg, the unmasked survivors.
      const inputs = at.round.unmasking?.survivors.length ?? at.round.committed.size;
      if (entry.body.inputs !== inputs) {
        return { code: 'INCONSISTENT', message: `aggregate of ${entry.body.inputs} inputs, but ${inputs} agencies committed inputs` };
      }
      if (!secure && inputs < at.run.params.minCohort) return { code: 'BELOW_MINIMUM', message: `${inputs} inputs are below the run's minimum of ${at.run.params.minCohort}` };
      at.round.aggregated = true;
      return null;
    }
    case 'model_updated': {
      const at = openRound(runs, entry.body.runId, entry.body.round);
      if ('code' in at) return at;
      if (!at.round.aggregated || at.round.modelUpdated) return { code: 'ORDER', message: 'the model is updated once per round, after the aggregate' };
      at.round.modelUpdated = true;
      return null;
    }
    case 'privacy_spent': {
      const body = entry.body;
      const at = openRound(runs, body.runId, body.round);
      if ('code' in at) return at;
      const dp = at.run.params.dp;
      if (dp === null) return { code: 'PARAMS_CHANGED', message: 'the run was created without differential privacy' };
      if (!at.round.aggregated || at.round.privacySpent) return { code: 'ORDER', message: 'privacy is spent once per round, after the aggregate' };
      if (body.noiseMultiplier !== dp.noiseMultiplier || body.samplingRate !== dp.samplingRate) {
        return { code: 'PARAMS_CHANGED', message: 'noiseMultiplier or samplingRate differs from the run\'s DP parameters' };
      }
      if (at.run.epsilon !== null && body.epsilon < at.run.epsilon) return { code: 'INCONSISTENT', message: `cumulative epsilon went down from ${at.run.epsilon} to ${body.epsilon}` };
      if ((dp.targetEpsilon !== null && body.epsilon > dp.targetEpsilon) || body.delta > dp.targetDelta) {
        return { code: 'BUDGET_EXCEEDED', message: `(${body.epsilon}, ${body.delta}) exceeds the run's budget (${dp.targetEpsilon}, ${dp.targetDelta})` };
      }
      at.round.privacySpent = true;
      at.run.epsilon = body.epsilon;
      at.run.delta = body.delta;
      return null;
    }
    case 'round_closed': {
      const body = entry.body;
      const at = openRound(runs, body.runId, body.round);
      if ('code' in at) return at;
      if (body.status === 'ok') {
        const round = at.round;
        if (!round.modelUpdated || (at.run.params.dp !== null && !round.privacySpent)) {
          return { code: 'ORDER', message: 'round closed ok without its unmasking, aggregate, model update and privacy entries' };
        }
        at.run.roundsOk += 1;
      } else {
        if (body.reason === undefined) return { code: 'SCHEMA', message: 'an abandoned round must give a reason' };
        at.run.roundsAbandoned += 1;
      }
      at.run.open = null;
      return null;
    }
    case 'refusal': {
      const run = activeRun(runs, entry.body.runId);
      if ('code' in run) return run;
      if (entry.body.round !== undefined && entry.body.round > run.params.rounds) return { code: 'ORDER', message: `round ${entry.body.round} is beyond the run's ${run.params.rounds} rounds` };
      return null;
    }
    case 'run_finished': {
      const run = activeRun(runs, entry.body.runId);
      if ('code' in run) return run;
      if (run.open !== null) return { code: 'ORDER', message: `round ${run.open.round} is still open` };
      if (entry.body.rounds !== run.lastRound) return { code: 'INCONSISTENT', message: `run_finished says ${entry.body.rounds} rounds; ${run.lastRound} were opened` };
      run.finishReason = entry.body.reason;
      return null;
    }
  }
}

function activeRun(runs: Map<string, RunState>, runId: string): RunState | Problem {
  const run = runs.get(runId);
  if (run === undefined) return { code: 'ORDER', message: `run ${runId} was never created` };
  if (run.finishReason !== null) return { code: 'ORDER', message: `run ${runId} has already finished` };
  return run;
}

function openRound(runs: Map<string, RunState>, runId: string, round: number): { run: RunState; round: RoundState } | Problem {
  const run = activeRun(runs, runId);
  if ('code' in run) return run;
  if (run.open === null || run.open.round !== round) return { code: 'ORDER', message: `round ${round} of run ${runId} is not open` };
  return { run, round: run.open };
}

function sameSet(list: readonly string[], set: ReadonlySet<string>): boolean {
  return list.length === set.size && new Set(list).size === list.length && list.every((item) => set.has(item));
}

function summarize(runId: string, run: RunState): RunReport {
  return {
    runId,
    status: run.finishReason === null ? 'running' : 'finished',
    finishReason: run.finishReason,
    rounds: run.lastRound,
    roundsOk: run.roundsOk,
    roundsAbandoned: run.roundsAbandoned,
    agencies: [...run.joined.keys()].sort(),
    dropouts: run.dropouts,
    epsilon: run.epsilon,
    delta: run.delta,
  };
}
