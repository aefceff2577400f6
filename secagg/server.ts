// The coordinator's side of SecAgg+ (Bonawitz et al. 2017 §4, Fig. 4 "Server", malicious-server
// variant; Bell et al. 2020 §3), with no I/O: the transport feeds it messages and closes each
// stage at its deadline. It routes adverts and ciphertexts, adds each masked input into one
// running sum as it arrives (memory: one vector, not one per client) and keeps only its SHA-256,
// decides who survived each stage, collects the survivors' signatures over the survivor set, and
// at the end rebuilds dropped clients' mask keys and survivors' self-mask seeds, each checked
// against what its owner committed to. Fewer than the threshold (or, for the signatures, the
// quorum) left at any point: the round is abandoned and nothing more is asked for.
import { createHash } from 'node:crypto';
import { checkId, sortedIds } from './encoding.js';
import { consistencyQuorum, survivorSignatureCheck, type ConsistencySignature } from './consistency.js';
import type { EncryptedShare } from './encrypt.js';
import { refuse } from './errors.js';
import { checkAdvert, commitSeed, keyAgreement, publicKeyOf, type SignedAdvert } from './keys.js';
import { applyMask, maskSign, pairwiseSeed } from './masks.js';
import { recoverSecret, type HeldShare } from './recover.js';
import { checkRound, roundGraph, type CheckedRound, type ConsistencyRequest, type RoundContext, type RoundGraph, type UnmaskRequest, type UnmaskResponse } from './round.js';
import { SHARE_BYTES } from './shamir.js';
import { stageAfter, type SecAggStage } from './stages.js';
import { equalBytes } from '../identity/keys.js';
import { SecAggRefusal } from './errors.js';


/** Who is still in after a stage closed, and who dropped out in it. */
export interface StageOutcome {
  readonly stage: SecAggStage;
  readonly survivors: readonly string[];
  readonly dropped: readonly string[];
  /** Set when this close ended the round. */
  readonly abandoned?: string;
}

/** A revealed share that did not rebuild what its owner committed to: `holder` sent it, or `owner` dealt it. */
export interface BadShare {
  readonly holder: string;
  readonly owner: string;
  readonly kind: 'key' | 'seed';
}

/** What the survivors agreed on in the consistency stage, for the ledger. */
export interface Agreement {
  readonly graphSeed: Uint8Array;
  readonly signatures: readonly ConsistencySignature[];
}

export type AggregateResult =
  | {
      readonly status: 'complete';
      /** Sum mod 2^32 of the quantized inputs of `contributors`. */
      readonly sum: Uint32Array;
      /** The agreed survivor set S: clients whose masked input is in the sum (they may have missed later stages). */
      readonly contributors: readonly string[];
      /** Hex SHA-256 of each contributor's masked input bytes (little-endian words), for the ledger. */
      readonly maskedInputHashes: Readonly<Record<string, string>>;
      readonly droppedAt: Readonly<Record<string, SecAggStage>>;
      readonly agreement: Agreement;
      /** Shares that did not fit their owner's commitment; the secret was rebuilt from others. */
      readonly badShares: readonly BadShare[];
    }
  | {
      readonly status: 'abandoned';
      readonly stage: SecAggStage;
      readonly reason: string;
      readonly droppedAt: Readonly<Record<string, SecAggStage>>;
      readonly badShares: readonly BadShare[];
    };

type Phase = SecAggStage | 'finishing' | 'finished' | 'abandoned';

export class SecAggServer {
  readonly #round: CheckedRound;
  #graph: RoundGraph | undefined;
  #phase: Phase = 'advertise_keys';
  #abandoned: { stage: SecAggStage; reason: string } | undefined;
  readonly #adverts = new Map<string, SignedAdvert>();
  readonly #outboxes = new Map<string, readonly EncryptedShare[]>();
  #inboxes = new Map<string, EncryptedShare[]>();
  /** Who gave each client shares (by recipient): what it may be asked to reveal. */
  readonly #sharesFrom = new Map<string, string[]>();
  #sum: Uint32Array;
  readonly #hashes = new Map<string, string>();
  readonly #signatures = new Map<string, ConsistencySignature>();
  /** Checks a survivor's signature over the survivor set S, its bytes built once S is known. */
  #checkSignature: ((signed: ConsistencySignature, identityKey: Uint8Array) => void) | undefined;
  readonly #responses = new Map<string, UnmaskResponse>();
  readonly #droppedAt = new Map<string, SecAggStage>();
  readonly #badShares: BadShare[] = [];
  /** Survivors after each closed stage: U1, U2, U3 (= S), U4 in the paper's notation. */
  readonly #after: Set<string>[] = [];

  constructor(context: RoundContext) {
    this.#round = checkRound(context);
    this.#sum = new Uint32Array(context.vectorLength);
  }

  get phase(): Phase {
    return this.#phase;
  }

  /** The fewest survivor signatures the unmasking needs (consistency.ts). */
  get quorum(): number {
    return consistencyQuorum(this.#round.params.threshold, this.#round.identities.size);
  }

  /** Stage 1 input: an advert for this offer whose signature verifies against the cohort's key for its id. */
  receiveAdvert(advert: SignedAdvert): void {
    this.#expect('advertise_keys');
    const id = this.#member(advert?.id);
    if (this.#adverts.has(id)) refuse('DUPLICATE_PEER', `a second advert from ${id}`);
    checkAdvert(this.#round.context, advert, this.#round.identities.get(id)!);
    this.#adverts.set(id, advert);
  }

  /** Closes stage 1 and draws the graph over the advertisers from their public coin. */
  closeAdvertise(): StageOutcome {
    const outcome = this.#close('advertise_keys', new Set(this.#adverts.keys()), new Set(this.#round.identities.keys()));
    if (outcome.abandoned !== undefined) return outcome;
    try {
      this.#graph = roundGraph(this.#round, sortedIds(this.#after[0]).map((id) => this.#adverts.get(id)!));
    } catch (error) {
      if (!(error instanceof SecAggRefusal)) throw error;
      this.#abandon('advertise_keys', error.message);
      return { ...outcome, abandoned: error.message };
    }
    return outcome;
  }

  /** The graph's public coin, once the adverts are in. */
  get graphSeed(): Uint8Array {
    return this.#graphOf().seed;
  }

  /** Stage 2 message, the same to every advertiser: every verified advert, from which each recomputes the coin and the graph. */
  roster(): SignedAdvert[] {
    this.#expect('share_keys');
    return sortedIds(this.#after[0]).map((id) => this.#adverts.get(id)!);
  }

  /** Stage 2 input: one ciphertext for each of from's neighbours, no more, no fewer. */
  receiveShares(from: string, shares: readonly EncryptedShare[]): void {
    this.#expect('share_keys');
    const self = this.#survivor(from, 0);
    if (this.#outboxes.has(self)) refuse('DUPLICATE_PEER', `second share message from ${self}`);
    if (!Array.isArray(shares)) throw new TypeError('shares must be an array');
    const expected = new Set(this.#graphOf().graph.neighbours(self));
    const seen = new Set<string>();
    for (const share of shares) {
      if (share?.from !== self || !expected.has(share.to)) refuse('UNKNOWN_PEER', `share from ${self} to a party outside its neighbourhood`);
      if (seen.has(share.to)) refuse('DUPLICATE_PEER', `two shares from ${self} to ${share.to}`);
      seen.add(share.to);
    }
    if (seen.size !== expected.size) refuse('MALFORMED_MESSAGE', `${self} sent ${seen.size} shares for ${expected.size} neighbours`);
    this.#outboxes.set(self, shares);
  }

  closeShareKeys(): StageOutcome {
    const outcome = this.#close('share_keys', new Set(this.#outboxes.keys()), this.#after[0]);
    if (outcome.abandoned === undefined) {
      for (const [from, shares] of this.#outboxes) {
        for (const share of shares) {
          if (!this.#after[1].has(share.to)) continue;
          const inbox = this.#inboxes.get(share.to) ?? [];
          inbox.push(share);
          this.#inboxes.set(share.to, inbox);
          const holders = this.#sharesFrom.get(share.to) ?? [];
          holders.push(from);
          this.#sharesFrom.set(share.to, holders);
        }
        this.#outboxes.delete(from);
      }
    }
    return outcome;
  }

  /** Stage 3 message to `id`: the ciphertexts its neighbours addressed to it. */
  sharesFor(id: string): EncryptedShare[] {
    this.#expect('masked_input');
    return [...(this.#inboxes.get(this.#survivor(id, 1)) ?? [])];
  }

  /** Stage 3 input: added into the running sum at once; returns the hex SHA-256 kept for the ledger. */
  receiveMaskedInput(from: string, masked: Uint32Array): string {
    this.#expect('masked_input');
    const self = this.#survivor(from, 1);
    if (this.#hashes.has(self)) refuse('DUPLICATE_PEER', `second masked input from ${self}`);
    if (!(masked instanceof Uint32Array) || masked.length !== this.#sum.length) {
      refuse('MALFORMED_MESSAGE', `masked input of ${self} must be ${this.#sum.length} uint32 words`);
    }
    const hash = createHash('sha256').update(new Uint8Array(masked.buffer, masked.byteOffset, masked.byteLength)).digest('hex');
    const sum = this.#sum;
    for (let i = 0; i < sum.length; i++) sum[i] += masked[i];
    this.#hashes.set(self, hash);
    return hash;
  }

  /**
   * Also abandons when some contributor, or some dropped client whose masks are in the sum,
   * has fewer than t possible share holders left: the sum could not be unmasked, so no unmask
   * request is sent and no share is revealed (only possible below the complete graph).
   */
  closeMaskInput(): StageOutcome {
    this.#inboxes = new Map();
    const outcome = this.#close('masked_input', new Set(this.#hashes.keys()), this.#after[1]);
    if (outcome.abandoned !== undefined) return outcome;
    const short = this.#shortOfHolders(this.#after[2]);
    if (short !== undefined) {
      this.#abandon('masked_input', short);
      return { ...outcome, abandoned: short };
    }
    return outcome;
  }

  /** Stage 4 message, the same to every survivor: the survivor set S, to sign. */
  consistencyRequest(): ConsistencyRequest {
    this.#expect('consistency');
    return { survivors: sortedIds(this.#after[2]) };
  }

  /** Stage 4 input: a survivor's signature over S, this offer and this graph (checked before it is relayed). */
  receiveConsistency(signed: ConsistencySignature): void {
    this.#expect('consistency');
    const self = this.#survivor(signed?.id, 2);
    if (this.#signatures.has(self)) refuse('DUPLICATE_PEER', `a second consistency signature from ${self}`);
    this.#checkSignature ??= survivorSignatureCheck({
      binding: this.#round.context, graphSeed: this.#graphOf().seed, cohortSize: this.#round.identities.size, survivors: sortedIds(this.#after[2]),
    });
    this.#checkSignature(signed, this.#round.identities.get(self)!);
    this.#signatures.set(self, signed);
  }

  /** Abandons below the quorum: then no client may reveal a share. */
  closeConsistency(): StageOutcome {
    const outcome = this.#close('consistency', new Set(this.#signatures.keys()), this.#after[2]);
    if (outcome.abandoned !== undefined || outcome.survivors.length >= this.quorum) return outcome;
    const reason = `${outcome.survivors.length} survivors signed the survivor set, fewer than the quorum ${this.quorum}`;
    this.#abandon('consistency', reason);
    return { ...outcome, abandoned: reason };
  }

  /** Stage 5 message, the same to every signer: S and every signature over it. */
  unmaskRequestFor(id: string): UnmaskRequest {
    this.#expect('unmasking');
    this.#survivor(id, 3);
    return { survivors: sortedIds(this.#after[2]), signatures: this.#signed() };
  }

  #signed(): ConsistencySignature[] {
    return sortedIds(this.#signatures.keys()).map((v) => this.#signatures.get(v)!);
  }

  /** Stage 5 input: for its own seed and each client that gave it shares, the one share S calls for. */
  receiveUnmask(response: UnmaskResponse): void {
    this.#expect('unmasking');
    const self = this.#survivor(response?.from, 3);
    if (this.#responses.has(self)) refuse('DUPLICATE_PEER', `second unmask response from ${self}`);
    if (!Array.isArray(response.shares)) throw new TypeError('response.shares must be an array');
    const wanted = new Map<string, 'key' | 'seed'>([[self, 'seed']]);
    for (const v of this.#sharesFrom.get(self) ?? []) wanted.set(v, this.#after[2].has(v) ? 'seed' : 'key');
    const seen = new Set<string>();
    for (const share of response.shares) {
      const kind = wanted.get(share?.owner);
      if (kind === undefined || kind !== share.kind) refuse('UNKNOWN_PEER', `${self} revealed a share that was not asked for`);
      if (seen.has(share.owner)) refuse('DUPLICATE_PEER', `${self} revealed two shares of ${share.owner}`);
      if (!(share.share instanceof Uint8Array) || share.share.length !== SHARE_BYTES) {
        refuse('MALFORMED_MESSAGE', `${self} revealed a share of the wrong size`);
      }
      seen.add(share.owner);
    }
    if (seen.size !== wanted.size) refuse('MALFORMED_MESSAGE', `${self} revealed ${seen.size} of ${wanted.size} shares`);
    this.#responses.set(self, response);
  }

  /**
   * Closes stage 5 and unmasks: the sum over S of y_v, minus PRG(b_v) for each, minus each
   * contributor's pairwise mask with each dropped neighbour (from the dropped one's rebuilt
   * s^SK). Every rebuilt secret is checked against its owner's commitment (seeds) or advert
   * (keys); a share that does not fit is named, and the secret rebuilt from the others if t of
   * them fit. Pairwise masks among contributors cancel.
   */
  async finish(): Promise<AggregateResult> {
    this.#expect('unmasking');
    const outcome = this.#close('unmasking', new Set(this.#responses.keys()), this.#after[3]);
    if (outcome.abandoned !== undefined) return this.result();
    this.#phase = 'finishing'; // a second finish() while this one awaits is out of order
    const contributors = this.#after[2];
    const { graph } = this.#graphOf();
    const droppedWithMasks = sortedIds([...this.#after[1]].filter(
      (u) => !contributors.has(u) && graph.neighbours(u).some((v) => contributors.has(v)),
    ));
    const keys = await this.#recoverAll(droppedWithMasks, 'key');
    const seeds = keys && await this.#recoverAll(sortedIds(contributors), 'seed');
    if (keys === undefined || seeds === undefined) return this.result();
    this.#removeMasks(contributors, keys, seeds);
    this.#phase = 'finished';
    return this.result();
  }

  /**
   * Ends the round for a reason of the caller's (too few agencies left for the run's minimum
   * cohort): nothing more is asked for, no share is revealed, and result() gives the reason.
   */
  abandon(reason: string): void {
    const stage = this.#phase;
    if (stage === 'finishing' || stage === 'finished' || stage === 'abandoned') refuse('STAGE_OUT_OF_ORDER', `cannot abandon a round in phase ${stage}`);
    this.#abandon(stage, reason);
  }

  /** The round's result once finished or abandoned. */
  result(): AggregateResult {
    const droppedAt = Object.freeze(Object.fromEntries(this.#droppedAt));
    const badShares = Object.freeze([...this.#badShares]);
    if (this.#abandoned !== undefined) return Object.freeze({ status: 'abandoned', ...this.#abandoned, droppedAt, badShares });
    if (this.#phase !== 'finished') refuse('STAGE_OUT_OF_ORDER', `round has no result yet (phase ${this.#phase})`);
    const contributors = sortedIds(this.#after[2]);
    return Object.freeze({
      status: 'complete',
      sum: this.#sum,
      contributors: Object.freeze(contributors),
      maskedInputHashes: Object.freeze(Object.fromEntries(contributors.map((v) => [v, this.#hashes.get(v)!]))),
      droppedAt,
      agreement: Object.freeze({ graphSeed: this.#graphOf().seed, signatures: this.#signed() }),
      badShares,
    });
  }

  /** Each owner's secret from the shares revealed of it, checked; undefined (round abandoned) when one cannot be rebuilt. */
  async #recoverAll(owners: readonly string[], kind: 'key' | 'seed'): Promise<Map<string, Uint8Array> | undefined> {
    const held = new Map<string, HeldShare[]>(owners.map((u) => [u, []]));
    // In holder order, not arrival order: which shares rebuild a secret (and so which bad share
    // is caught) must not depend on who answered first.
    for (const holder of sortedIds(this.#responses.keys())) {
      for (const share of this.#responses.get(holder)!.shares) {
        if (share.kind === kind) held.get(share.owner)?.push({ holder, share: share.share });
      }
    }
    const { threshold } = this.#round.params;
    const secrets = new Map<string, Uint8Array>();
    for (const owner of owners) {
      const shares = held.get(owner)!;
      const what = kind === 'seed' ? `self-mask seed of ${owner}` : `mask key of ${owner}`;
      if (shares.length < threshold) return this.#abandonWith(`only ${shares.length} of ${threshold} shares of the ${what} arrived`);
      const recovered = await recoverSecret(shares, threshold, (secret) => this.#opens(owner, kind, secret));
      for (const holder of recovered.bad) this.#badShares.push({ holder, owner, kind });
      if (recovered.secret === undefined) {
        const named = recovered.bad.length > 0 ? ` (shares from ${recovered.bad.join(', ')} do not fit the others)` : '';
        return this.#abandonWith(`BAD_REVEALED_SHARE: no ${threshold} of the ${shares.length} shares of the ${what} open what ${owner} committed to: ${owner} dealt bad shares or its holders revealed bad ones${named}`);
      }
      secrets.set(owner, recovered.secret);
    }
    return secrets;
  }

  /** Whether `secret` is what `owner` committed to: its seed commitment, or the s^PK it advertised. */
  #opens(owner: string, kind: 'key' | 'seed', secret: Uint8Array): boolean {
    const advert = this.#adverts.get(owner)!;
    return kind === 'seed'
      ? equalBytes(commitSeed(this.#round.context, owner, secret), advert.seedCommitment)
      : equalBytes(publicKeyOf(secret), advert.sPk);
  }

  #removeMasks(contributors: ReadonlySet<string>, keys: Map<string, Uint8Array>, seeds: Map<string, Uint8Array>): void {
    const sum = this.#sum;
    const { context } = this.#round;
    const { graph } = this.#graphOf();
    for (const [u, sSk] of keys) {
      const advert = this.#adverts.get(u)!;
      const agreement = keyAgreement(sSk, advert.sPk);
      for (const v of graph.neighbours(u)) {
        if (!contributors.has(v)) continue;
        // v added maskSign(v, u) * PRG(s_uv); take it back out.
        applyMask(sum, pairwiseSeed(context, u, agreement, v, this.#adverts.get(v)!.sPk), maskSign(v, u) === 1 ? -1 : 1);
      }
      sSk.fill(0);
    }
    for (const [, seed] of seeds) {
      applyMask(sum, seed, -1);
      seed.fill(0);
    }
  }

  #graphOf(): RoundGraph {
    if (this.#graph === undefined) refuse('STAGE_OUT_OF_ORDER', 'the graph is drawn when the adverts are in');
    return this.#graph;
  }

  #close(stage: SecAggStage, arrived: Set<string>, before: ReadonlySet<string>): StageOutcome {
    this.#expect(stage);
    const survivors = sortedIds(arrived);
    const dropped = sortedIds([...before].filter((v) => !arrived.has(v)));
    for (const v of dropped) this.#droppedAt.set(v, stage);
    if (stage !== 'unmasking') this.#after.push(new Set(survivors));
    if (survivors.length < this.#round.params.threshold) {
      const reason = `${survivors.length} clients left after ${stage}, fewer than the threshold ${this.#round.params.threshold}`;
      this.#abandon(stage, reason);
      return { stage, survivors, dropped, abandoned: reason };
    }
    const next = stageAfter(stage);
    if (next !== undefined) this.#phase = next;
    return { stage, survivors, dropped };
  }

  /** A reason when some secret the unmasking needs has fewer than t live holders. */
  #shortOfHolders(contributors: ReadonlySet<string>): string | undefined {
    const { params } = this.#round;
    const { graph } = this.#graphOf();
    const live = (u: string) => graph.neighbours(u).filter((v) => contributors.has(v)).length;
    for (const v of contributors) {
      if (live(v) + 1 < params.threshold) return `${v} has ${live(v) + 1} live holders of its seed, fewer than ${params.threshold}`;
    }
    for (const u of this.#after[1]) {
      if (contributors.has(u) || live(u) === 0) continue;
      if (live(u) < params.threshold) return `dropped ${u} has ${live(u)} live holders of its key, fewer than ${params.threshold}`;
    }
    return undefined;
  }

  #abandon(stage: SecAggStage, reason: string): void {
    this.#abandoned = { stage, reason };
    this.#phase = 'abandoned';
    this.#sum.fill(0);
    this.#responses.clear();
  }

  #abandonWith(reason: string): undefined {
    this.#abandon('unmasking', reason);
    return undefined;
  }

  #expect(phase: Phase): void {
    if (this.#phase !== phase) refuse('STAGE_OUT_OF_ORDER', `expected stage ${phase}, round is in ${this.#phase}`);
  }

  #member(id: unknown): string {
    if (typeof id !== 'string' || !this.#round.identities.has(id)) refuse('UNKNOWN_PEER', `${String(id)} is not in the cohort`);
    return checkId(id, 'id');
  }

  /** id, if it survived the stage with index `after` (0: advertise, 1: shareKeys, 2: maskInput, 3: consistency). */
  #survivor(id: unknown, after: number): string {
    const member = this.#member(id);
    if (!this.#after[after].has(member)) refuse('UNKNOWN_PEER', `${member} is no longer in this round`);
    return member;
  }
}
