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
//   node dist/bench/secagg.js --baseline <git ref> [--baseline-dir <its built copy>] [--n 10,50,100] [--params 100000] [--repeat 3]
//
// --baseline builds Cohort as of <git ref> in a temporary folder (bench/protocol.ts) and runs the
// same SecAgg+ rounds (default graph) with it and with this checkout, alternately, --repeat times
// each: the round with the consistency round against the round before it, in one run.
import { performance } from 'node:perf_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { WebSocket } from 'ws';
import type { CoordinatorLink } from '../client/connection.js';
import { DEFAULT_LIMITS, maxMessageBytesFor } from '../coordinator/limits.js';
import type { GlobalModel } from '../coordinator/global-model.js';
import type { Coordinator } from '../coordinator/service.js';
import { equalBytes, generateIdentity, type Identity } from '../identity/keys.js';
import { encodeFloat32LE } from '../ml/codec.js';
import { seededRandom } from '../ml/random.js';
import { sha256Hex } from '../bytes/digest.js';
import { type Opened } from '../proto/channel.js';
import type { MessageInit } from '../proto/framing.js';
import type { cohort } from '../proto/messages.js';
import { SECAGG_STAGES, type SecAggStage } from '../secagg/index.js';
import { baselineProtocol, currentProtocol, type Participant, type Protocol } from './protocol.js';

const STAGES = SECAGG_STAGES;
type StageTimes = Record<SecAggStage, number>;
const zeroTimes = (): StageTimes => ({ advertise_keys: 0, share_keys: 0, masked_input: 0, consistency: 0, unmasking: 0 });

// ---- Measuring hooks: compute time of the coordinator's SecAgg stages, and bytes clients send.

/** Coordinator compute per stage (outermost SecAggServer calls only) and the wall clock at each stage's close. */
const coordinator = { compute: zeroTimes(), closedAt: {} as Partial<Record<SecAggStage, number>> };
function instrumentServer(proto: Record<string, (...args: unknown[]) => unknown>): void {
  const owner: Record<string, SecAggStage> = {
    receiveAdvert: 'advertise_keys', closeAdvertise: 'advertise_keys', roster: 'share_keys', receiveShares: 'share_keys', closeShareKeys: 'share_keys',
    sharesFor: 'masked_input', receiveMaskedInput: 'masked_input', closeMaskInput: 'masked_input',
    consistencyRequest: 'consistency', receiveConsistency: 'consistency', closeConsistency: 'consistency',
    unmaskRequestFor: 'unmasking', receiveUnmask: 'unmasking', finish: 'unmasking',
  };
  const closes: Record<string, SecAggStage> = { closeAdvertise: 'advertise_keys', closeShareKeys: 'share_keys', closeMaskInput: 'masked_input', closeConsistency: 'consistency', finish: 'unmasking' };
  let depth = 0;
  for (const [method, stage] of Object.entries(owner)) {
    const original = proto[method];
    if (typeof original !== 'function') continue; // a method another version does not have
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
  private secure?: Participant;
  private offer?: cohort.v1.RoundOffer;

  constructor(private readonly protocol: Protocol, readonly agency: string, readonly identity: Identity, private readonly update: () => Float32Array) {}

  async connect(url: string, coordinatorKey: Uint8Array, maxMessageBytes: number): Promise<void> {
    this.link = await this.protocol.connectToCoordinator({ url, agency: this.agency, identity: this.identity, coordinatorKey, maxMessageBytes },
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
    return this.protocol.commitment(this.offer!, bytes, this.identity);
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
        this.secure = this.protocol.participant(this.offer, this.agency, this.identity);
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
        this.send({ consistencySignature: this.timed('consistency', () => this.secure!.signSurvivors!(message.consistencyRequest as cohort.v1.ConsistencyRequest)) });
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
  /** Process CPU time of the round: every party's work, as the machine's load allows it to be told apart. */
  cpuS: number;
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

// long: one configuration's setup, its plaintext round and its SecAgg+ rounds read best as one sequence
async function runConfiguration(protocol: Protocol, n: number, params: number, graphs: Array<'log' | 'full'>, log: (line: string) => void,
  plainToo = true): Promise<Result[]> {
  const { startCoordinator, parseRunConfig, secAggParams } = protocol;
  const dir = await mkdtemp(join(tmpdir(), 'cohort-bench-secagg-'));
  const identity = generateIdentity();
  const random = seededRandom(n);
  const delta = Float32Array.from({ length: params }, () => (random() - 0.5) * 2e-3);
  const clients = Array.from({ length: n }, (_, i) => new BenchClient(protocol, `agency-${String(i + 1).padStart(3, '0')}`, generateIdentity(), () => delta));
  const keys = new Map(clients.map((c) => [c.agency, c.identity.publicKey]));
  const maxMessageBytes = maxMessageBytesFor(params);
  let coord: Coordinator | undefined;
  try {
    coord = await startCoordinator({
      dataDir: dir, identity, host: '127.0.0.1', port: 0, log: pino({ level: process.env.BENCH_LOG ?? 'silent' }),
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
      let cpuAtStart = process.cpuUsage();
      const result = await coord!.run(config, model, { onRoundStart: () => { started = performance.now(); cpuAtStart = process.cpuUsage(); } });
      const ended = performance.now();
      // CPU time of the process, every party in it: the round's work, less blurred than wall time by a loaded machine.
      const cpu = process.cpuUsage(cpuAtStart);
      const record = result.state.history[0];
      if (record?.status !== 'ok') throw new Error(`${runId}: round ${record?.status}: ${record?.reason}`);
      const bytes = [...clientBytes.values()];
      return {
        config, started, seconds: (ended - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, bytesPerClient: bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length),
        slowest: Object.fromEntries(STAGES.map((s) => [s, Math.max(...clients.map((c) => c.times[s]))])) as StageTimes,
        plainMs: Math.max(...clients.map((c) => c.plainMs)),
      };
    };

    const plain = plainToo ? await round(`plain-${n}-${params}`, { enabled: false }) : { seconds: NaN, bytesPerClient: NaN };
    if (plainToo) log(`  N=${n} P=${params}: plaintext round ${plain.seconds.toFixed(2)} s`);
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
        n, params, graph, degree, threshold, roundS: secure.seconds, cpuS: secure.cpuSeconds, plainS: plain.seconds,
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
  const { values } = parseArgs({ options: {
    quick: { type: 'boolean' }, n: { type: 'string' }, params: { type: 'string' }, 'max-work': { type: 'string' },
    baseline: { type: 'string' }, 'baseline-dir': { type: 'string' }, repeat: { type: 'string' },
  } });
  const current = currentProtocol();
  instrumentServer(current.serverPrototype as Record<string, (...args: unknown[]) => unknown>);
  instrumentSockets();
  const command = `node dist/bench/secagg.js ${process.argv.slice(2).join(' ')}`.trim();
  if (values.baseline) {
    const baseline = await baselineProtocol(values.baseline, (line) => console.error(line), values['baseline-dir']);
    return compare(current, baseline, list(values.n, [10, 50, 100]), list(values.params, [100_000])[0], Number(values.repeat ?? 3), command);
  }
  const quick = !!values.quick;
  const ns = list(values.n, quick ? [10, 20] : [10, 20, 50, 100]);
  const sizes = list(values.params, quick ? [100_000] : [100_000, 1_663_370]);
  // Mask expansion dominates: every client expands (k + 1) PRG streams of P words, and the
  // coordinator one more per client; a round costs about n (k + 2) P word operations.
  const maxWork = Number(values['max-work'] ?? 2e10);
  console.log(`# SecAgg+ vs plaintext rounds over loopback WebSockets, one process (${command})`);
  console.log(`# Node ${process.version}; bits 20, clip range 1; synthetic float32 update; t = default (a majority of k+1, plus one)`);
  // Warm-up: JIT, TLS-free ws, the ledger path; not reported.
  await runConfiguration(current, 5, 1000, ['log'], () => {});
  const results: Result[] = [];
  const skipped: string[] = [];
  for (const params of sizes) {
    for (const n of ns) {
      const graphs = graphsWithin(current, n, params, maxWork, skipped);
      if (graphs.length > 0) results.push(...await runConfiguration(current, n, params, graphs, (line) => console.error(line)));
    }
  }
  printGrid(results, skipped);
}

/** The graphs of an (n, params) cell within the work budget; what is left out is said in `skipped`. */
function graphsWithin(protocol: Protocol, n: number, params: number, maxWork: number, skipped: string[]): Array<'log' | 'full'> {
  const work = n * (Math.min(n - 1, 254) + 2) * params;
  if (work <= maxWork) return ['log', 'full'];
  const logDegree = protocol.secAggParams(protocol.parseRunConfig({ runId: 'x', purpose: 'x', model: 'mnist-2nn', rounds: 1, train: { epochs: 1, batchSize: 1, learningRate: 1 } }), n).degree;
  if (n * (logDegree + 2) * params > maxWork) {
    skipped.push(`N=${n} P=${params}: ~${(n * (logDegree + 2) * params / 1e9).toFixed(0)}G word operations even on the log graph, above --max-work ${maxWork.toExponential(0)}`);
    return [];
  }
  skipped.push(`N=${n} P=${params} complete graph: ~${(work / 1e9).toFixed(0)}G word operations, above --max-work ${maxWork.toExponential(0)}`);
  return ['log'];
}

function printGrid(results: Result[], skipped: string[]): void {
  console.log('');
  console.log('Round: wall time of one round (offer to receipts), everything in this one process. Coordinator: wall time per stage');
  console.log('(adv = offer until adverts closed, share, mask, consistency, unmask), then its own compute per stage in ms. Slowest');
  console.log('client: the most any one client spent computing in each stage, in ms. Bytes: mean sent per client in the round.');
  console.log('');
  const header = ['N', 'params', 'graph', 'k', 't', 'round s', 'plain s', 'ratio', 'coord wall adv/share/mask/cons/unmask', 'coord cpu ms', 'slowest client ms', 'bytes/client', 'plain', 'expansion'];
  printTable(header, results.map((r) => [
    String(r.n), r.params >= 1e6 ? `${(r.params / 1e6).toFixed(2)}M` : `${Math.round(r.params / 1000)}k`, r.graph, String(r.degree), String(r.threshold),
    r.roundS.toFixed(2), r.plainS.toFixed(2), `${(r.roundS / r.plainS).toFixed(1)}x`,
    STAGES.map((s) => ms(r.coordinatorWall[s])).join('/'), STAGES.map((s) => ms(r.coordinatorCompute[s])).join('/'),
    STAGES.map((s) => ms(r.slowestClient[s])).join('/'), mb(r.bytesPerClient), mb(r.plainBytesPerClient), `${(r.bytesPerClient / r.plainBytesPerClient).toFixed(3)}x`,
  ]));
  for (const s of skipped) console.log(`skipped: ${s}`);
  console.log('');
  console.log('Reference (Flower 1.28 SecAgg+, one process, no network, 100k float32, complete graph, t = N/2): 1.25 s/round at N=10, 6.7 s at N=20, ~52 s at N=50.');
}

/**
 * The SecAgg+ round on the default graph, with this checkout (the consistency round) and with the
 * baseline, alternately, `repeat` times each per N; the median of each, and their ratio.
 */
async function compare(current: Protocol, baseline: Protocol, ns: number[], params: number, repeat: number, command: string): Promise<void> {
  instrumentServer(baseline.serverPrototype as Record<string, (...args: unknown[]) => unknown>);
  console.log(`# SecAgg+ round with the consistency round (${current.label}) against ${baseline.label}, loopback WebSockets, one process (${command})`);
  console.log(`# Node ${process.version}; ${params} params, bits 20; default graph; median of ${repeat} rounds each, alternating`);
  for (const p of [baseline, current]) await runConfiguration(p, 5, 1000, ['log'], () => {}, false); // warm-up
  const rows: string[][] = [];
  for (const n of ns) {
    const runs: Record<'base' | 'now', Result[]> = { base: [], now: [] };
    for (let i = 0; i < repeat; i++) {
      runs.base.push(...await runConfiguration(baseline, n, params, ['log'], () => {}, false));
      runs.now.push(...await runConfiguration(current, n, params, ['log'], () => {}, false));
      const [b, w] = [runs.base.at(-1)!, runs.now.at(-1)!];
      console.error(`  N=${n}: ${b.roundS.toFixed(2)} s (cpu ${b.cpuS.toFixed(2)} s) before, ${w.roundS.toFixed(2)} s (cpu ${w.cpuS.toFixed(2)} s) with the consistency round`);
    }
    const base = median(runs.base.map((r) => r.roundS));
    const now = median(runs.now.map((r) => r.roundS));
    const baseCpu = median(runs.base.map((r) => r.cpuS));
    const nowCpu = median(runs.now.map((r) => r.cpuS));
    const r = runs.now[0];
    const now_ = (pick: (x: Result) => number) => ms(median(runs.now.map(pick)));
    const before = (pick: (x: Result) => number) => ms(median(runs.base.map(pick)));
    rows.push([String(n), String(r.degree), String(r.threshold), base.toFixed(2), now.toFixed(2), `${(now / base).toFixed(2)}x`,
      baseCpu.toFixed(2), nowCpu.toFixed(2), `${(nowCpu / baseCpu).toFixed(2)}x`,
      now_((x) => x.coordinatorWall.consistency), now_((x) => x.slowestClient.consistency),
      `${now_((x) => x.slowestClient.share_keys)} / ${before((x) => x.slowestClient.share_keys)}`,
      `${now_((x) => x.slowestClient.unmasking)} / ${before((x) => x.slowestClient.unmasking)}`]);
  }
  console.log('');
  console.log('before / with consistency: wall time of one SecAgg+ round (offer to receipts), then the CPU time the process spent on it');
  console.log('(every party runs in this process: the round\'s work, less blurred by other load on the machine). The consistency stage: its wall time at the');
  console.log('coordinator, and the most any one client spent signing. Share and unmask: the most any one client spent, now / before');
  console.log('(now every client checks every advert, for the graph\'s coin, and every survivor\'s signature before it unmasks).');
  console.log('');
  printTable(['N', 'k', 't', 'before s', 'with consistency s', 'ratio', 'before cpu s', 'with consistency cpu s', 'cpu ratio',
    'consistency wall ms', 'client sign ms', 'client share ms', 'client unmask ms'], rows);
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
