// The agency's client node: stays connected to its coordinator (reconnecting with backoff),
// judges every round offered against the agency's policy and budget, trains locally, and sends
// only what the round's protocol allows: a masked input under SecAgg, never raw data.
import type { Logger } from 'pino';
import type * as tf from '@tensorflow/tfjs';
import { ReceiptStore } from './receipts.js';
import type { Identity } from '../identity/keys.js';
import { toHex } from '../identity/keys.js';
import type { Dataset } from '../ml/dataset.js';
import { exampleCount } from '../ml/dataset.js';
import { decodeFloat32LE } from '../ml/codec.js';
import { buildModel } from '../ml/models.js';
import { trainLocal, type TrainConfig } from '../ml/train.js';
import { SecAggRefusal, type RandomWords } from '../secagg/index.js';
import { getFlatWeights, setFlatWeights } from '../ml/weights.js';
import { dpRandomness } from '../privacy/noise.js';
import { trainLocalPrivate } from '../ml/dpsgd.js';
import { type Opened } from '../proto/channel.js';
import { ERRORS, ProtocolError } from '../proto/errors.js';
import type { MessageInit } from '../proto/framing.js';
import type { cohort } from '../proto/messages.js';
import { offerSha256 } from '../proto/offer-hash.js';
import { connectToCoordinator, type CoordinatorLink } from './connection.js';
import type { Policy } from './policy.js';
import { computeUpdate, dpEnabled, type Update } from './update.js';
import { SecureParticipant } from './secure-participant.js';
import { canonicalJson } from '../bytes/canonical-json.js';
import type { DatasetFingerprint } from './data/fingerprint.js';
import { ActiveRound } from './active-round.js';
import { judgeOffer, type Judge, type Judgement } from './judge.js';
import { builtInPins, pinsForOffer } from './model-pins.js';
import { RoundJournal } from './round-journal.js';
import { AgencySpend } from './spend.js';
import { judgeRecordDp } from './record-dp.js';
import type { CsvTable } from './data/csv.js';
import { RunDataSource, type Prepared, type RunData } from './run-data.js';
import { checkTerms, totalsOf, validationTotals, type Contribution } from './contribution.js';
import { roundPurposeOf } from '../proto/update-vector.js';
import { checkDataForModel } from './data/check.js';
import { modelIO, modelTask } from '../ml/task.js';

export interface AgentOptions {
  agency: string;
  identity: Identity;
  url: string;
  coordinatorKey: Uint8Array;
  ca?: Buffer;
  /** Allow plain ws:// to a non-loopback coordinator (never in production). */
  allowPlainRemote?: boolean;
  policy: Policy;
  /** The agency's examples; or `table`, a raw table each run reads by the schema it declares. */
  data?: Dataset;
  table?: CsvTable;
  dataset: DatasetFingerprint;
  /** Where the agency keeps its receipts and its round journal (answers given, privacy charged). */
  stateDir: string;
  log: Logger;
  signal?: AbortSignal;
  /** Stop (instead of reconnecting) once the coordinator says it is shutting down. */
  exitWhenCoordinatorStops?: boolean;
  /** Seed for local shuffling; absent means fresh randomness. */
  seed?: number;
  /** Local training; ml/train.ts's trainLocal unless a test drives the update itself. */
  train?: Trainer;
  /** Randomness for SecAgg's stochastic rounding; node:crypto unless a test must replay it. */
  quantizationRandom?: RandomWords;
}

export type Trainer = (model: tf.LayersModel, data: Dataset, cfg: TrainConfig) => Promise<{ loss: number; examples: number }>;

export interface AgentSummary {
  roundsJoined: number;
  roundsDeclined: number;
  reason: string;
}

// Handshake refusals that no retry can fix: reconnecting would only repeat them.
const PERMANENT = new Set<number>([ERRORS.UNKNOWN_AGENCY.close, ERRORS.COORDINATOR_KEY_MISMATCH.close, ERRORS.PROTOCOL_VERSION.close]);

export async function runAgent(options: AgentOptions): Promise<AgentSummary> {
  const { log } = options;
  const summary: AgentSummary = { roundsJoined: 0, roundsDeclined: 0, reason: '' };
  const receipts = await ReceiptStore.open(options.stateDir, { coordinatorKey: options.coordinatorKey, agency: options.agency });
  const judge = await openJudge(options);
  const runData = new RunDataSource(options.table ? { table: options.table, fingerprint: options.dataset } : { data: options.data!, fingerprint: options.dataset }, options.policy);
  let backoffMs = 250;

  while (!options.signal?.aborted) {
    let link: CoordinatorLink;
    const session = new RoundSession(options, receipts, judge, summary, runData);
    try {
      link = await connectToCoordinator({
        url: options.url, agency: options.agency, identity: options.identity, coordinatorKey: options.coordinatorKey, ca: options.ca,
        allowPlainRemote: options.allowPlainRemote,
      }, (opened) => session.receive(opened));
    } catch (err) {
      const error = err as ProtocolError;
      // A refusal no retry can fix, or a configuration this client will not use (plain ws:// off loopback).
      if ((error instanceof ProtocolError && PERMANENT.has(error.closeCode)) || error instanceof RangeError) {
        summary.reason = `${error.code ?? 'CONFIG'}: ${error.message}`;
        log.error({ code: error.code }, `cannot take part: ${error.message}`);
        throw error;
      }
      log.warn({ err: error.message, retryInMs: backoffMs }, 'cannot reach the coordinator');
      await sleep(backoffMs, options.signal);
      backoffMs = Math.min(backoffMs * 2, 30_000) * (0.75 + Math.random() / 2);
      continue;
    }
    backoffMs = 250;
    session.attach(link);
    log.info({ url: options.url }, 'connected to the coordinator');
    const onAbort = () => link.close();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const closed = await link.closed;
    options.signal?.removeEventListener('abort', onAbort);
    await session.idle();
    if (closed.code === ERRORS.SHUTTING_DOWN.close && options.exitWhenCoordinatorStops) {
      summary.reason = 'the coordinator finished';
      break;
    }
    if (PERMANENT.has(closed.code)) {
      summary.reason = `coordinator closed the session: ${closed.reason}`;
      break;
    }
    log.warn({ code: closed.code, reason: closed.reason }, 'connection closed; reconnecting');
    await sleep(backoffMs, options.signal);
  }
  return summary;
}

/** What the agency judges offers by: its policy, its round journal, its budget over the journal's charges, its model pins. */
async function openJudge(options: AgentOptions): Promise<Judge> {
  const journal = await RoundJournal.open(options.stateDir);
  const { policy } = options;
  return {
    policy, agency: options.agency, identityKey: options.identity.publicKey, coordinatorKey: options.coordinatorKey,
    journal, spend: new AgencySpend(journal, { agency: policy.privacy, record: policy.recordPrivacy }),
    pins: await builtInPins(policy.models),
  };
}

/** One connection's worth of rounds. Messages are handled strictly in arrival order. */
class RoundSession {
  private link?: CoordinatorLink;
  private queue: Promise<void> = Promise.resolve();
  private round?: ActiveRound;
  private model?: { fingerprint: string; model: tf.LayersModel };

  constructor(
    private readonly options: AgentOptions,
    private readonly receipts: ReceiptStore,
    private readonly judge: Judge,
    private readonly summary: AgentSummary,
    private readonly runData: RunDataSource,
  ) {}

  attach(link: CoordinatorLink): void {
    this.link = link;
  }

  receive(opened: Opened): void {
    this.queue = this.queue.then(() => this.handle(opened)).catch((err: Error) => {
      // A refusal (a neighbour's advert fails its signature, peers signed another survivor set, a
      // stage out of order...) ends this client's round: say why, here and to the coordinator.
      const code = err instanceof SecAggRefusal ? err.code : err instanceof ProtocolError ? err.code : 'CLIENT_ERROR';
      this.options.log.error({ code, round: opened.round }, `leaving the round: ${err.message}`);
      if (opened.round !== 0) this.send({ notice: { code, message: err.message, fatal: false } }, opened.round);
      this.round?.secure?.abort();
      this.round = undefined;
    });
  }

  idle(): Promise<void> {
    return this.queue;
  }

  private send(message: MessageInit, round: number): void {
    this.link?.send(message, round);
  }

  private async handle({ message, round }: Opened): Promise<void> {
    const { log } = this.options;
    switch (message.kind) {
      // Decoded messages are class instances with every default filled in: the casts say so.
      case 'roundOffer': return this.onOffer(message.roundOffer as cohort.v1.RoundOffer);
      case 'keyRoster': return this.current(round)?.onRoster(message.keyRoster as cohort.v1.KeyRoster, (m) => this.send(m, round));
      case 'shareDelivery': return this.current(round)?.onDelivery(message.shareDelivery as cohort.v1.ShareDelivery, (m) => this.send(m, round));
      case 'consistencyRequest': return this.current(round)?.onConsistency(message.consistencyRequest as cohort.v1.ConsistencyRequest, (m) => this.send(m, round));
      case 'unmaskRequest': return this.current(round)?.onUnmask(message.unmaskRequest as cohort.v1.UnmaskRequest, (m) => this.send(m, round));
      case 'roundReceipt': return this.onReceipt(message.roundReceipt as cohort.v1.RoundReceipt);
      case 'notice':
        log.warn({ code: message.notice!.code, round }, `coordinator: ${message.notice!.message}`);
        return;
      default:
        log.warn({ kind: message.kind, round }, 'ignoring a message this client does not expect');
    }
  }

  private current(round: number): ActiveRound | undefined {
    if (this.round?.offer.round === round) return this.round;
    this.options.log.warn({ round }, 'message for a round this client is not in');
    return undefined;
  }

  /**
   * An offer: refused outright when this agency answered that round, or a later one, before;
   * else judged (judge.ts) and accepted with round keys or declined with a code, the answer
   * written to the round journal before it leaves.
   */
  private async onOffer(offer: cohort.v1.RoundOffer): Promise<void> {
    this.round?.secure?.abort();
    this.round = undefined;
    const { journal } = this.judge;
    const replay = journal.replayRefusal(offer.runId, offer.round);
    if (replay) return this.refuse(offer, replay.code, replay.reason);
    const offerHash = offerSha256(offer);
    const model = await this.modelFor(offer);
    const decision = await this.decide(offer, model);
    await journal.recordAnswer({
      runId: offer.runId, round: offer.round, offerSha256: toHex(offerHash), accept: decision.ok,
      ...(decision.ok ? (decision.judgement.roster ? { roster: decision.judgement.roster } : {}) : { code: decision.code }),
    });
    if (!decision.ok) return this.refuse(offer, decision.code, decision.reason);
    const active = this.accept(offer, offerHash, model, decision.judgement, decision.data);
    active.training = this.train(active, model, decision.judgement.minSurvivors);
    // Under SecAgg the training is awaited only when the shares arrive, which may be never (the
    // round abandoned): a failed training must not become an unhandled rejection that ends the process.
    active.training.catch((err: Error) => this.options.log.error({ round: offer.round, err: err.message }, 'local training failed'));
    if (!offer.secagg) await active.sendPlainUpdate((m) => this.send(m, offer.round));
  }

  /** The judge's verdict on the offer, then the run's data prepared for it: either can refuse the round. */
  private async decide(offer: cohort.v1.RoundOffer, model: tf.LayersModel):
    Promise<{ ok: true; judgement: Extract<Judgement, { ok: true }>; data: RunData } | { ok: false; code: string; reason: string }> {
    const pins = await pinsForOffer(this.options.policy.models, this.judge.pins, offer, model);
    const judgement = judgeOffer({ ...this.judge, pins }, offer, model);
    if (!judgement.ok) return judgement;
    const prepared = this.prepare(offer, model);
    if (!prepared.ok) return prepared;
    // Record-level DP is judged on the records this round trains on (its own count, its own rate).
    // A round that trains nothing (evaluation, statistics) still asks for totals over the records.
    const train = roundPurposeOf(offer) === 'train' ? prepared.data.train : undefined;
    const record = judgeRecordDp(this.options.policy, train ? offer.recordDp : undefined, train ? exampleCount(train) : 0, this.judge.spend, offer.input);
    if (!record.ok) return record;
    return { ok: true, judgement: { ...judgement, ...(record.plan ? { record: record.plan } : {}) }, data: prepared.data };
  }

  /**
   * The run's data for the offer (a table read by the run's schema, the validation split, the
   * federation's statistics) and the offer's terms checked against it and the model, before any
   * training: a table that does not fit the schema, or data that does not fit the model, is a
   * decline with a code and counts, not a failure mid-round the coordinator could only see as silence.
   */
  private prepare(offer: cohort.v1.RoundOffer, model: tf.LayersModel): Prepared {
    const prepared = this.runData.forOffer(offer);
    if (!prepared.ok) return prepared;
    const terms = checkTerms(offer, model, prepared.data);
    if (!terms.ok || !prepared.data.train) return terms;
    const io = modelIO(model);
    const fit = checkDataForModel(prepared.data.train, { ...io, task: prepared.data.schema?.task ?? modelTask(io) }, `the offered model (${offer.architecture})`);
    return fit.ok ? prepared : { ok: false, code: fit.code, reason: fit.message };
  }

  private refuse(offer: cohort.v1.RoundOffer, code: string, reason: string): void {
    this.summary.roundsDeclined++;
    this.options.log.warn({ runId: offer.runId, round: offer.round, code }, `declining round: ${reason}`);
    this.send({ roundAnswer: { accept: false, code, reason } }, offer.round);
  }

  /** Joins the round: the weights it starts from, fresh SecAgg+ keys bound to the offer when secure, and the signed acceptance. */
  private accept(offer: cohort.v1.RoundOffer, offerHash: Uint8Array, model: tf.LayersModel, judgement: Extract<Judgement, { ok: true }>, data: RunData): ActiveRound {
    const { options } = this;
    const before = decodeFloat32LE(offer.weights);
    setFlatWeights(model, before);
    const active = new ActiveRound(offer, offerHash, options, this.judge, before, data, judgement.charge, judgement.record);
    this.round = active;
    let keyAdvert: cohort.v1.IKeyAdvert | undefined;
    if (offer.secagg) {
      const policy = { minCohort: options.policy.minCohort, minSurvivors: judgement.minSurvivors };
      active.secure = new SecureParticipant(offer, options.agency, options.identity, policy, options.quantizationRandom, offerHash);
      keyAdvert = active.secure.advertise();
    }
    this.summary.roundsJoined++;
    const examples = data.train ? exampleCount(data.train) : data.statistics!.rows;
    const fingerprint = data.fingerprint;
    this.send({
      roundAnswer: {
        accept: true, examples, keyAdvert,
        // An agency protecting its records withholds their count from the ledger (0): it tells the size of its data.
        dataset: { sha256: fingerprint.sha256, schema: canonicalJson(fingerprint.schema), rows: options.policy.recordPrivacy ? 0 : fingerprint.rows, license: fingerprint.license },
      },
    }, offer.round);
    options.log.info({ runId: offer.runId, round: offer.round, cohort: offer.cohort.length, secagg: !!offer.secagg }, 'joined round');
    return active;
  }

  /**
   * What the agency sends: the validation totals of the weights it was offered (before training),
   * then local training from them and the update as the round's DP terms shape it, with its
   * training totals; or its table's statistics in the statistics pass.
   */
  private async train(active: ActiveRound, model: tf.LayersModel, minSurvivors: number): Promise<{ update: Update; loss: number; totals: Contribution }> {
    const { offer, data } = active;
    const validation = offer.evaluation?.validate && roundPurposeOf(offer) !== 'statistics' ? validationTotals(model, offer, data.validation) : undefined;
    if (roundPurposeOf(offer) !== 'train') {
      return { update: { delta: new Float32Array(0), weight: 1, norm: 0, clipped: false }, loss: NaN, totals: totalsOf(offer, data, { validation }) };
    }
    const { update, loss, examples } = await this.trainUpdate(active, model, data.train!, minSurvivors);
    return { update, loss, totals: totalsOf(offer, data, { validation, training: { examples, loss } }) };
  }

  /**
   * Local training from the round's weights; the update as the round's DP terms shape it, with
   * distributed noise calibrated for this client's own survivor floor, not the coordinator's number.
   */
  private async trainUpdate(active: ActiveRound, model: tf.LayersModel, examples: Dataset, minSurvivors: number): Promise<{ update: Update; loss: number; examples: number }> {
    const { options } = this;
    const { offer } = active;
    const train = offer.train!;
    const common = { learningRate: train.learningRate!, optimizer: train.optimizer === 'adam' ? 'adam' as const : 'sgd' as const, proximalMu: train.proximalMu ?? 0 };
    // Record-level DP: DP-SGD on the agency's own records, its lots and noise from node:crypto.
    const result = active.record
      ? await trainLocalPrivate(model, examples, { ...active.record.training, ...common }, dpRandomness())
      : await (options.train ?? trainLocal)(model, examples, {
        epochs: train.epochs!, batchSize: train.batchSize!, ...common,
        ...(options.seed !== undefined ? { seed: (options.seed + offer.round) >>> 0 } : {}),
      });
    const dp = dpEnabled(offer.dp) ? { ...offer.dp, minSurvivors } : undefined;
    const update = computeUpdate(active.before, getFlatWeights(model), result.examples, offer.weightCap || 1, dp);
    options.log.info({ round: offer.round, loss: result.loss, norm: update.norm, clipped: update.clipped }, 'trained locally');
    return { update, loss: result.loss, examples: result.examples };
  }

  private async modelFor(offer: cohort.v1.RoundOffer): Promise<tf.LayersModel> {
    if (this.model?.fingerprint === offer.modelFingerprint) return this.model.model;
    this.model?.model.dispose();
    const model = await buildModel({ kind: 'layers-json', topology: JSON.parse(offer.modelTopology) as object });
    this.model = { fingerprint: offer.modelFingerprint, model };
    return model;
  }

  /**
   * The coordinator's word on how the round ended, and its receipt for what this agency sent.
   * It never changes the privacy charged: that was written when the update left.
   */
  private async onReceipt(result: cohort.v1.RoundReceipt): Promise<void> {
    const { log } = this.options;
    const active = this.round?.offer.round === result.round ? this.round : undefined;
    log.info({ round: result.round, status: result.status, accuracy: result.globalAccuracy || undefined }, 'round closed');
    if (result.receiptJson && active?.sent) await this.receipts.record(JSON.parse(result.receiptJson), active.sent);
    if (active?.sent && active.charge && result.status !== 'ok') {
      log.warn({ code: 'SPEND_KEPT', runId: active.offer.runId, round: result.round, status: result.status },
        'the coordinator reports the round not aggregated; the privacy spent when this agency\'s update left stays charged');
    }
    if (active) this.round = undefined;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
