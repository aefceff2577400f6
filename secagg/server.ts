// The coordinator's side of SecAgg+ (Bonawitz et al. 2017 §4, Fig. 4 "Server"; Bell et al. 2020
// §3), with no I/O: the transport feeds it messages and closes each stage at its deadline. It
// routes adverts and ciphertexts, adds each masked input into one running sum as it arrives
// (memory: one vector, not one per client) and keeps only its SHA-256, decides who survived each
// stage, and at the end rebuilds dropped clients' mask keys and survivors' self-mask seeds.
// Fewer than t left at any point: the round is abandoned and nothing more is asked for.
import { createHash } from 'node:crypto';
import { checkId, sortedIds } from './encoding.js';
import type { EncryptedShare } from './encrypt.js';
import { refuse } from './errors.js';
import { keyAgreement, publicKeyOf, verifyAdvert, type SignedAdvert } from './keys.js';
import { applyMask, maskSign, pairwiseSeed } from './masks.js';
import { checkRound, type CheckedRound, type RoundContext, type UnmaskRequest, type UnmaskResponse } from './round.js';
import { SHARE_BYTES, reconstructSecret } from './shamir.js';
import { stageAfter, type SecAggStage } from './stages.js';
import { equalBytes } from '../identity/keys.js';


/** Who is still in after a stage closed, and who dropped out in it. */
export interface StageOutcome {
  readonly stage: SecAggStage;
  readonly survivors: readonly string[];
  readonly dropped: readonly string[];
  /** Set when this close ended the round. */
  readonly abandoned?: string;
}

export type AggregateResult =
  | {
      readonly status: 'complete';
      /** Sum mod 2^32 of the quantized inputs of `contributors`. */
      readonly sum: Uint32Array;
      /** Clients whose masked input is in the sum (they may have missed the unmask stage). */
      readonly contributors: readonly string[];
      /** Hex SHA-256 of each contributor's masked input bytes (little-endian words), for the ledger. */
      readonly maskedInputHashes: Readonly<Record<string, string>>;
      readonly droppedAt: Readonly<Record<string, SecAggStage>>;
    }
  | {
      readonly status: 'abandoned';
      readonly stage: SecAggStage;
      readonly reason: string;
      readonly droppedAt: Readonly<Record<string, SecAggStage>>;
    };

type Phase = SecAggStage | 'finishing' | 'finished' | 'abandoned';

export class SecAggServer {
  readonly #round: CheckedRound;
  #phase: Phase = 'advertise_keys';
  #abandoned: { stage: SecAggStage; reason: string } | undefined;
  readonly #adverts = new Map<string, SignedAdvert>();
  readonly #outboxes = new Map<string, readonly EncryptedShare[]>();
  #inboxes = new Map<string, EncryptedShare[]>();
  #sum: Uint32Array;
  readonly #hashes = new Map<string, string>();
  readonly #responses = new Map<string, UnmaskResponse>();
  readonly #droppedAt = new Map<string, SecAggStage>();
  /** Survivors after each closed stage: U1, U2, U3 in the paper's notation. */
  readonly #after: Set<string>[] = [];

  constructor(context: RoundContext) {
    this.#round = checkRound(context);
    this.#sum = new Uint32Array(context.vectorLength);
  }

  get phase(): Phase {
    return this.#phase;
  }

  /** Stage 1 input: an advert whose signature verifies against the cohort's key for its id. */
  receiveAdvert(advert: SignedAdvert): void {
    this.#expect('advertise_keys');
    const id = this.#member(advert?.id);
    if (this.#adverts.has(id)) refuse('DUPLICATE_PEER', `a second advert from ${id}`);
    if (!verifyAdvert(this.#round.context, advert, this.#round.identities.get(id)!)) {
      refuse('BAD_ADVERT_SIGNATURE', `advert of ${id} does not verify against its identity key`);
    }
    this.#adverts.set(id, advert);
  }

  closeAdvertise(): StageOutcome {
    return this.#close('advertise_keys', new Set(this.#adverts.keys()), new Set(this.#round.graph.ids));
  }

  /** Stage 2 message to `id`: the adverts of its neighbours that advertised. */
  rosterFor(id: string): SignedAdvert[] {
    this.#expect('share_keys');
    const self = this.#survivor(id, 0);
    return this.#round.graph.neighbours(self).filter((v) => this.#after[0].has(v)).map((v) => this.#adverts.get(v)!);
  }

  /** Stage 2 input: one ciphertext for each neighbour in from's roster, no more, no fewer. */
  receiveShares(from: string, shares: readonly EncryptedShare[]): void {
    this.#expect('share_keys');
    const self = this.#survivor(from, 0);
    if (this.#outboxes.has(self)) refuse('DUPLICATE_PEER', `second share message from ${self}`);
    if (!Array.isArray(shares)) throw new TypeError('shares must be an array');
    const expected = new Set(this.rosterFor(self).map((a) => a.id));
    const seen = new Set<string>();
    for (const share of shares) {
      if (share?.from !== self || !expected.has(share.to)) refuse('UNKNOWN_PEER', `share from ${self} to a party outside its roster`);
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

  /** Stage 4 message to `id`: its dropped neighbours (key shares) and surviving ones (seed shares). */
  unmaskRequestFor(id: string): UnmaskRequest {
    this.#expect('unmasking');
    const self = this.#survivor(id, 2);
    const held = this.#round.graph.neighbours(self).filter((v) => this.#after[1].has(v));
    return {
      dropped: held.filter((v) => !this.#after[2].has(v)),
      survivors: held.filter((v) => this.#after[2].has(v)),
    };
  }

  /** Stage 4 input: must reveal exactly what unmaskRequestFor(from) asked for, plus from's own seed share. */
  receiveUnmask(response: UnmaskResponse): void {
    this.#expect('unmasking');
    const self = this.#survivor(response?.from, 2);
    if (this.#responses.has(self)) refuse('DUPLICATE_PEER', `second unmask response from ${self}`);
    if (!Array.isArray(response.shares)) throw new TypeError('response.shares must be an array');
    const request = this.unmaskRequestFor(self);
    const wanted = new Map<string, 'key' | 'seed'>([[self, 'seed']]);
    for (const v of request.survivors) wanted.set(v, 'seed');
    for (const v of request.dropped) wanted.set(v, 'key');
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
   * Closes stage 4 and unmasks: the sum over contributors U3 of y_v, minus PRG(b_v) for each,
   * minus each contributor's pairwise mask with each dropped neighbour (from the dropped one's
   * rebuilt s^SK, checked against its advertised s^PK). Pairwise masks among contributors cancel.
   */
  async finish(): Promise<AggregateResult> {
    this.#expect('unmasking');
    const responders = new Set(this.#responses.keys());
    const outcome = this.#close('unmasking', responders, this.#after[2]);
    if (outcome.abandoned !== undefined) return this.result();
    this.#phase = 'finishing'; // a second finish() while this one awaits is out of order
    const contributors = this.#after[2];
    const seedShares = new Map<string, Uint8Array[]>();
    const keyShares = new Map<string, Uint8Array[]>();
    for (const response of this.#responses.values()) {
      for (const share of response.shares) {
        const into = share.kind === 'seed' ? seedShares : keyShares;
        into.set(share.owner, [...(into.get(share.owner) ?? []), share.share]);
      }
    }
    const { threshold } = this.#round.params;
    const { graph, context } = this.#round;
    const droppedWithMasks = [...this.#after[1]].filter(
      (u) => !contributors.has(u) && graph.neighbours(u).some((v) => contributors.has(v)),
    );
    for (const [owner, shares] of [...[...contributors].map((v) => [v, seedShares.get(v) ?? []] as const),
      ...droppedWithMasks.map((u) => [u, keyShares.get(u) ?? []] as const)]) {
      if (shares.length < threshold) {
        return this.#abandonWith('unmasking', `only ${shares.length} of ${threshold} shares for ${owner} arrived`);
      }
    }
    const sum = this.#sum;
    for (const u of sortedIds(droppedWithMasks)) {
      const sSk = await reconstructSecret(keyShares.get(u)!, threshold);
      const advert = this.#adverts.get(u)!;
      if (!equalBytes(publicKeyOf(sSk), advert.sPk)) {
        return this.#abandonWith('unmasking', `the rebuilt mask key of ${u} does not match its advert`);
      }
      const agreement = keyAgreement(sSk, advert.sPk);
      for (const v of graph.neighbours(u)) {
        if (!contributors.has(v)) continue;
        // v added maskSign(v, u) * PRG(s_uv); take it back out.
        applyMask(sum, pairwiseSeed(context, u, agreement, v, this.#adverts.get(v)!.sPk), maskSign(v, u) === 1 ? -1 : 1);
      }
      sSk.fill(0);
    }
    for (const v of sortedIds(contributors)) {
      const seed = await reconstructSecret(seedShares.get(v)!, threshold);
      applyMask(sum, seed, -1);
      seed.fill(0);
    }
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
    if (this.#abandoned !== undefined) return Object.freeze({ status: 'abandoned', ...this.#abandoned, droppedAt });
    if (this.#phase !== 'finished') refuse('STAGE_OUT_OF_ORDER', `round has no result yet (phase ${this.#phase})`);
    const contributors = sortedIds(this.#after[2]);
    return Object.freeze({
      status: 'complete',
      sum: this.#sum,
      contributors: Object.freeze(contributors),
      maskedInputHashes: Object.freeze(Object.fromEntries(contributors.map((v) => [v, this.#hashes.get(v)!]))),
      droppedAt,
    });
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
    const { graph, params } = this.#round;
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

  #abandonWith(stage: SecAggStage, reason: string): AggregateResult {
    this.#abandon(stage, reason);
    return this.result();
  }

  #expect(phase: Phase): void {
    if (this.#phase !== phase) refuse('STAGE_OUT_OF_ORDER', `expected stage ${phase}, round is in ${this.#phase}`);
  }

  #member(id: unknown): string {
    if (typeof id !== 'string' || !this.#round.identities.has(id)) refuse('UNKNOWN_PEER', `${String(id)} is not in the cohort`);
    return checkId(id, 'id');
  }

  /** id, if it survived the stage with index `after` (0: advertise, 1: shareKeys, 2: maskInput). */
  #survivor(id: unknown, after: number): string {
    const member = this.#member(id);
    if (!this.#after[after].has(member)) refuse('UNKNOWN_PEER', `${member} is no longer in this round`);
    return member;
  }
}
