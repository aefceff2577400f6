// SecAgg+ against plaintext rounds, over real WebSockets on loopback: the in-process coordinator
// (coordinator/service.ts) and N in-process agency clients (client/connection.ts plus
// client/secure-participant.ts, the agent's own SecAgg shell) with a synthetic update, so no
// training is timed. For each N and model size: one plaintext round, one SecAgg+ round on the
// default log-degree graph, one on the complete graph (degree n-1, capped at 254). Everything runs
// in one process on one thread, like Flower's simulation: round time is the sum of every party's
// work, not what a deployment with one machine per agency would see. Prints figures; never
// passes or fails on time.
//
//   node dist/bench/secagg.js [--quick] [--n 10,20,50,100] [--params 100000,1663370] [--max-work 2e10]
import { performance } from 'node:perf_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { WebSocket } from 'ws';
import { commitmentTranscript } from '../ledger/entries.js';
import { connectToCoordinator, type CoordinatorLink } from '../client/connection.js';
import { SecureParticipant } from '../client/secure-participant.js';
import { DEFAULT_LIMITS, maxMessageBytesFor } from '../coordinator/limits.js';
import type { GlobalModel } from '../coordinator/global-model.js';
import { parseRunConfig } from '../coordinator/run-config.js';
import { secAggParams } from '../coordinator/secure-round.js';
import { startCoordinator, type Coordinator } from '../coordinator/service.js';
import { equalBytes, generateIdentity, sign, toHex, type Identity } from '../identity/keys.js';
import { offerSha256 } from '../proto/offer-hash.js';
import { encodeFloat32LE } from '../ml/codec.js';
import { seededRandom } from '../ml/random.js';
import { sha256Hex } from '../bytes/digest.js';
import { type Opened } from '../proto/channel.js';
import type { MessageInit } from '../proto/framing.js';
import type { cohort } from '../proto/messages.js';
import { SECAGG_STAGES, SecAggServer, type SecAggStage } from '../secagg/index.js';

const STAGES = SECAGG_STAGES;
type StageTimes = Record<SecAggStage, number>;
const zeroTimes = (): StageTimes => ({ advertise_keys: 0, share_keys: 0, masked_input: 0, consistency: 0, unmasking: 0 });

// ---- Measuring hooks: compute time of the coordinator's SecAgg stages, and bytes clients send.

/** Coordinator compute per stage (outermost SecAggServer calls only) and the wall clock at each stage's close. */
const coordinator = { compute: zeroTimes(), closedAt: {} as Partial<Record<SecAggStage, number>> };
function instrumentServer(): void {
  const owner: Record<string, SecAggStage> = {
    receiveAdvert: 'advertise_keys', closeAdvertise: 'advertise_keys', roster: 'share_keys', receiveShares: 'share_keys', closeShareKeys: 'share_keys',
    sharesFor: 'masked_input', receiveMaskedInput: 'masked_input', closeMaskInput: 'masked_input',
    consistencyRequest: 'consistency', receiveConsistency: 'consistency', closeConsistency: 'consistency',
    unmaskRequestFor: 'unmasking', receiveUnmask: 'unmasking', finish: 'unmasking',
  };
  const closes: Record<string, SecAggStage> = { closeAdvertise: 'advertise_keys', closeShareKeys: 'share_keys', closeMaskInput: 'masked_input', closeConsistency: 'consistency', finish: 'unmasking' };
  const proto = SecAggServer.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  let depth = 0;
  for (const [method, stage] of Object.entries(owner)) {
    const original = proto[method];
    proto[method] = function (this: unknown, ...args: unknown[]) {
      const start = performance.now();
      const done = () => {
        depth--;
        if (depth === 0) coordinator.compute[stage] += performance.now() - start;
        if (closes[method]) coordinator.closedAt[closes[method]] = performance.now();
      };
      depth++;
      let result: unknown;
      try {
        result = original.apply(this, args);
      } catch (err) {
        done();
        throw err;
      }
      if (result instanceof Promise) return result.finally(done);
      done();
      return result;
    };
  }
}

/** Bytes each client socket sends (ws frames' payloads), counted from the last reset. */
const clientBytes = new Map<WebSocket, number>();
function instrumentSockets(): void {
  const proto = WebSocket.prototype as unknown as { send: (data: unknown, ...rest: unknown[]) => void };
  const send = proto.send;
  proto.send = function (this: WebSocket & { _isServer: boolean }, data: unknown, ...rest: unknown[]) {
    if (!this._isServer) clientBytes.set(this, (clientBytes.get(this) ?? 0) + ((data as { byteLength?: number }).byteLength ?? 0));
    return send.call(this, data, ...rest);
  };
}

// ---- The bench agency: what client/agent.ts does in a round, with a fixed synthetic update.

class BenchClient {
  link?: CoordinatorLink;
  times = zeroTimes();
  plainMs = 0;
  private queue: Promise<void> = Promise.resolve();
  private secure?: SecureParticipant;
  private offer?: cohort.v1.RoundOffer;

  constructor(readonly agency: string, readonly identity: Identity, private readonly update: () => Float32Array) {}

  async connect(url: string, coordinatorKey: Uint8Array, maxMessageBytes: number): Promise<void> {
    this.link = await connectToCoordinator({ url, agency: this.agency, identity: this.identity, coordinatorKey, maxMessageBytes },
      (opened) => { this.queue = this.queue.then(() => this.handle(opened)).catch((err: Error) => console.error(`${this.agency}: ${err.message}`)); });
  }

  private send(message: MessageInit): void {
    this.link!.send(message, this.offer!.round);
  }

  private timed<T>(stage: SecAggStage, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.times[stage] += performance.now() - start;
    }
  }

  private commitment(bytes: Uint8Array): Uint8Array {
    return sign(commitmentTranscript(this.offer!.runId, this.offer!.round, toHex(offerSha256(this.offer!)), sha256Hex(bytes)), this.identity.secretKey);
  }

  private async handle({ message }: Opened): Promise<void> {
    switch (message.kind) {
      case 'roundOffer': {
        this.offer = message.roundOffer as cohort.v1.RoundOffer;
        this.times = zeroTimes();
        const dataset = { sha256: '0'.repeat(64), schema: 'synthetic', rows: 100, license: 'none' };
        if (!this.offer.secagg) {
          this.send({ roundAnswer: { accept: true, examples: 100, dataset } });
          const start = performance.now();
          const delta = encodeFloat32LE(this.update());
          this.send({ plainUpdate: { delta, weight: 0.5, loss: 0, examples: 100, commitment: this.commitment(delta) } });
          this.plainMs = performance.now() - start;
          return;
        }
        this.secure = new SecureParticipant(this.offer, this.agency, this.identity, { minCohort: 3 });
        const keyAdvert = this.timed('advertise_keys', () => this.secure!.advertise());
        this.send({ roundAnswer: { accept: true, examples: 100, keyAdvert, dataset } });
        return;
      }
      case 'keyRoster': {
        const start = performance.now();
        const shareBundle = await this.secure!.shareKeys(message.keyRoster as cohort.v1.KeyRoster);
        this.times.share_keys += performance.now() - start;
        this.send({ shareBundle });
        return;
      }
      case 'shareDelivery': {
        const vector = this.timed('masked_input', () => this.secure!.maskInput(message.shareDelivery as cohort.v1.ShareDelivery, this.update(), 0.5));
        this.send({ maskedInput: { vector, commitment: this.timed('masked_input', () => this.commitment(vector)) } });
        return;
      }
      case 'consistencyRequest':
        this.send({ consistencySignature: this.timed('consistency', () => this.secure!.signSurvivors(message.consistencyRequest as cohort.v1.ConsistencyRequest)) });
        return;
      case 'unmaskRequest':
        this.send({ unmaskResponse: this.timed('unmasking', () => this.secure!.unmask(message.unmaskRequest as cohort.v1.UnmaskRequest)) });
        return;
      default:
    }
  }
}

// ---- One configuration: N clients, P parameters; a plaintext, a log-degree and a complete-graph round.

interface Result {
  n: number;
  params: number;
  graph: string;
  degree: number;
  threshold: number;
  roundS: number;
  plainS: number;
  coordinatorWall: StageTimes;
  coordinatorCompute: StageTimes;
  slowestClient: StageTimes;
  bytesPerClient: number;
  plainBytesPerClient: number;
}

function stubModel(params: number): GlobalModel {
  const weights = new Float32Array(params);
  return {
    architecture: 'layers-json', topology: '{"synthetic":true}', fingerprint: sha256Hex(new TextEncoder().encode(`synthetic-${params}`)),
    parameters: params, initialWeights: () => weights.slice(), save: async () => {}, load: async () => weights.slice(),
  };
}

async function runConfiguration(n: number, params: number, graphs: Array<'log' | 'full'>, log: (line: string) => void): Promise<Result[]> {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-bench-secagg-'));
  const identity = generateIdentity();
  const random = seededRandom(n);
  const delta = Float32Array.from({ length: params }, () => (random() - 0.5) * 2e-3);
  const clients = Array.from({ length: n }, (_, i) => new BenchClient(`agency-${String(i + 1).padStart(3, '0')}`, generateIdentity(), () => delta));
  const keys = new Map(clients.map((c) => [c.agency, c.identity.publicKey]));
  const maxMessageBytes = maxMessageBytesFor(params);
  let coord: Coordinator | undefined;
  try {
    coord = await startCoordinator({
      dataDir: dir, identity, host: '127.0.0.1', port: 0, log: pino({ level: 'silent' }),
      admission: { isEnrolled: (agency, key) => !!keys.get(agency) && equalBytes(keys.get(agency)!, key) },
      limits: { ...DEFAULT_LIMITS, maxMessageBytes, maxCohort: Math.max(DEFAULT_LIMITS.maxCohort, n) },
    });
    for (const client of clients) await client.connect(coord.url, identity.publicKey, maxMessageBytes);
    while (coord.transport.sessions.size < n) await new Promise((r) => setTimeout(r, 20));
    const model = stubModel(params);

    const round = async (runId: string, secagg: { enabled: boolean; degree?: number }) => {
      const config = parseRunConfig({
        runId, purpose: 'benchmark', model: 'layers-json', modelPath: 'synthetic', rounds: 1,
        train: { epochs: 1, batchSize: 10, learningRate: 0.1 }, selection: { min: n, max: n }, minCohort: 3,
        secagg: { ...secagg, bits: 20 }, deadlines: { answerMs: 600_000, uploadMs: 1_800_000, exchangeMs: 1_800_000 }, waitForAgenciesMs: 60_000,
      });
      coordinator.compute = zeroTimes();
      coordinator.closedAt = {};
      clientBytes.clear();
      let started = 0;
      const result = await coord!.run(config, model, { onRoundStart: () => { started = performance.now(); } });
      const ended = performance.now();
      const record = result.state.history[0];
      if (record?.status !== 'ok') throw new Error(`${runId}: round ${record?.status}: ${record?.reason}`);
      const bytes = [...clientBytes.values()];
      return {
        config, started, seconds: (ended - started) / 1000, bytesPerClient: bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length),
        slowest: Object.fromEntries(STAGES.map((s) => [s, Math.max(...clients.map((c) => c.times[s]))])) as StageTimes,
        plainMs: Math.max(...clients.map((c) => c.plainMs)),
      };
    };

    const plain = await round(`plain-${n}-${params}`, { enabled: false });
    log(`  N=${n} P=${params}: plaintext round ${plain.seconds.toFixed(2)} s`);
    const results: Result[] = [];
    let previousDegree = -1;
    for (const graph of graphs) {
      const secagg = { enabled: true, ...(graph === 'full' ? { degree: 254 } : {}) };
      const { degree, threshold } = secAggParams(parseRunConfig({
        runId: 'x', purpose: 'x', model: 'mnist-2nn', rounds: 1, train: { epochs: 1, batchSize: 1, learningRate: 1 }, secagg,
      }), n);
      if (degree === previousDegree) {
        // Below n = 32 the log-degree default is already the complete graph: the same round again.
        results.push({ ...results.at(-1)!, graph });
        continue;
      }
      previousDegree = degree;
      const secure = await round(`secagg-${graph}-${n}-${params}`, secagg);
      const closed = coordinator.closedAt;
      const wallFrom = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? b - a : NaN);
      const start = secure.started;
      results.push({
        n, params, graph, degree, threshold, roundS: secure.seconds, plainS: plain.seconds,
        coordinatorWall: {
          advertise_keys: wallFrom(start, closed.advertise_keys), share_keys: wallFrom(closed.advertise_keys, closed.share_keys),
          masked_input: wallFrom(closed.share_keys, closed.masked_input), consistency: wallFrom(closed.masked_input, closed.consistency),
          unmasking: wallFrom(closed.consistency, closed.unmasking),
        },
        coordinatorCompute: { ...coordinator.compute }, slowestClient: secure.slowest,
        bytesPerClient: secure.bytesPerClient, plainBytesPerClient: plain.bytesPerClient,
      });
      log(`  N=${n} P=${params}: SecAgg+ ${graph} graph (k=${degree}, t=${threshold}) round ${secure.seconds.toFixed(2)} s`);
    }
    return results;
  } finally {
    for (const client of clients) client.link?.close();
    await coord?.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

// ---- Main: the grid, a work budget, and the table.

function list(value: string | undefined, fallback: number[]): number[] {
  return value ? value.split(',').map((v) => Number(v)) : fallback;
}

const ms = (x: number) => (Number.isNaN(x) ? '-' : x >= 10_000 ? `${(x / 1000).toFixed(0)}s` : x >= 1000 ? `${(x / 1000).toFixed(1)}s` : `${x.toFixed(0)}`);
const mb = (x: number) => `${(x / 1e6).toFixed(2)} MB`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, n: { type: 'string' }, params: { type: 'string' }, 'max-work': { type: 'string' } } });
  const quick = !!values.quick;
  const ns = list(values.n, quick ? [10, 20] : [10, 20, 50, 100]);
  const sizes = list(values.params, quick ? [100_000] : [100_000, 1_663_370]);
  // Mask expansion dominates: every client expands (k + 1) PRG streams of P words, and the
  // coordinator one more per client; a round costs about n (k + 2) P word operations.
  const maxWork = Number(values['max-work'] ?? 2e10);
  instrumentServer();
  instrumentSockets();
  const command = `node dist/bench/secagg.js ${process.argv.slice(2).join(' ')}`.trim();
  console.log(`# SecAgg+ vs plaintext rounds over loopback WebSockets, one process (${command})`);
  console.log(`# Node ${process.version}; bits 20, clip range 1; synthetic float32 update; t = default (a majority of k+1, plus one)`);
  // Warm-up: JIT, TLS-free ws, the ledger path; not reported.
  await runConfiguration(5, 1000, ['log'], () => {});
  const results: Result[] = [];
  const skipped: string[] = [];
  for (const params of sizes) {
    for (const n of ns) {
      const fullDegree = Math.min(n - 1, 254);
      const work = n * (fullDegree + 2) * params;
      const graphs: Array<'log' | 'full'> = ['log', 'full'];
      if (work > maxWork) {
        const logDegree = secAggParams(parseRunConfig({ runId: 'x', purpose: 'x', model: 'mnist-2nn', rounds: 1, train: { epochs: 1, batchSize: 1, learningRate: 1 } }), n).degree;
        if (n * (logDegree + 2) * params > maxWork) {
          skipped.push(`N=${n} P=${params}: ~${(n * (logDegree + 2) * params / 1e9).toFixed(0)}G word operations even on the log graph, above --max-work ${maxWork.toExponential(0)}`);
          continue;
        }
        graphs.pop();
        skipped.push(`N=${n} P=${params} complete graph: ~${(work / 1e9).toFixed(0)}G word operations, above --max-work ${maxWork.toExponential(0)}`);
      }
      results.push(...await runConfiguration(n, params, graphs, (line) => console.error(line)));
    }
  }

  console.log('');
  console.log('Round: wall time of one round (offer to receipts), everything in this one process. Coordinator: wall time per stage');
  console.log('(adv = offer until adverts closed, share, mask, unmask), then its own compute per stage in ms. Slowest client: the most');
  console.log('any one client spent computing in each stage, in ms. Bytes: mean sent per client in the round (frames on the socket).');
  console.log('');
  const header = ['N', 'params', 'graph', 'k', 't', 'round s', 'plain s', 'ratio', 'coord wall adv/share/mask/unmask', 'coord cpu ms', 'slowest client ms', 'bytes/client', 'plain', 'expansion'];
  const rows = results.map((r) => [
    String(r.n), r.params >= 1e6 ? `${(r.params / 1e6).toFixed(2)}M` : `${Math.round(r.params / 1000)}k`, r.graph, String(r.degree), String(r.threshold),
    r.roundS.toFixed(2), r.plainS.toFixed(2), `${(r.roundS / r.plainS).toFixed(1)}x`,
    STAGES.map((s) => ms(r.coordinatorWall[s])).join('/'), STAGES.map((s) => ms(r.coordinatorCompute[s])).join('/'),
    STAGES.map((s) => ms(r.slowestClient[s])).join('/'), mb(r.bytesPerClient), mb(r.plainBytesPerClient), `${(r.bytesPerClient / r.plainBytesPerClient).toFixed(3)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  for (const s of skipped) console.log(`skipped: ${s}`);
  console.log('');
  console.log('Reference (Flower 1.28 SecAgg+, one process, no network, 100k float32, complete graph, t = N/2): 1.25 s/round at N=10, 6.7 s at N=20, ~52 s at N=50.');
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
