// One plaintext round's time, split into its stages, for 3, 5 and 10 agencies: a coordinator
// and in-process agency agents (client/agent.ts, the code `cohort client` runs) over real
// loopback WebSockets, the MNIST 2NN, one local epoch on each agency's shard. Prints figures;
// never passes or fails on time.
// Run after a build: node dist/bench/round.js [--clients 3,5,10] [--rounds 3]
//
// Stages, on one clock (the agents run in this process):
//   broadcast  round start -> every agency has the offer and its answer is in (encode, sign, send, check, answer)
//   train      answers in -> the last agency finished training (the agents share this thread and take turns)
//   upload     last training done -> every update received, verified, checked and summed
//   aggregate  all updates in -> round closed (mean, strategy, checkpoint, ledger, receipts)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { runAgent, type Trainer } from '../client/agent.js';
import { DEFAULT_MNIST_SPLIT, loadAgencyData } from '../client/data/source.js';
import { loadPolicy } from '../client/policy.js';
import { DEFAULT_LIMITS, maxMessageBytesFor } from '../coordinator/limits.js';
import { parseRunConfig } from '../coordinator/run-config.js';
import { startCoordinator } from '../coordinator/service.js';
import { tfGlobalModel } from '../coordinator/tf-model.js';
import { prepareLocalFederation } from '../examples/local-federation.js';
import { initEngine } from '../ml/engine.js';
import { trainLocal } from '../ml/train.js';

interface Marks {
  start: number;
  answers?: number;
  uploads?: number;
  end?: number;
  trains: Array<{ start: number; end: number }>;
}

interface Row {
  clients: number;
  examples: number;
  broadcast: number;
  train: number;
  trainPerClient: number;
  upload: number;
  aggregate: number;
  round: number;
  rounds: number;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function measure(clients: number, rounds: number): Promise<Row> {
  const dir = await mkdtemp(join(tmpdir(), `cohort-bench-round-${clients}-`));
  const log = pino({ level: 'silent' });
  const config = parseRunConfig({
    runId: `bench-${clients}`, purpose: 'digit recognition research', model: 'mnist-2nn', rounds,
    train: { epochs: 1, batchSize: 10, learningRate: 0.05 },
    selection: { min: clients }, minCohort: clients, secagg: { enabled: false },
    deadlines: { answerMs: 300_000, uploadMs: 600_000, exchangeMs: 300_000 },
  });
  const federation = await prepareLocalFederation(dir, config, { ...DEFAULT_MNIST_SPLIT, agencies: clients });
  const model = await tfGlobalModel({ kind: 'mnist-2nn' }, config.seed);
  const coordinator = await startCoordinator({
    dataDir: federation.coordinatorDir, identity: federation.coordinatorIdentity, admission: federation.enrolment, roster: federation.roster,
    host: '127.0.0.1', port: 0, limits: { ...DEFAULT_LIMITS, maxMessageBytes: maxMessageBytesFor(model.parameters) }, log,
  });
  const marks = new Map<number, Marks>();
  let current: Marks | undefined;
  // One training at a time: interleaved on one thread, each agency's time would include the others'.
  let turn: Promise<unknown> = Promise.resolve();
  const timed: Trainer = (m, data, cfg) => {
    const mine = turn.then(async () => {
      const start = performance.now();
      const result = await trainLocal(m, data, cfg);
      current?.trains.push({ start, end: performance.now() });
      return result;
    });
    turn = mine.catch(() => {});
    return mine;
  };
  const stop = new AbortController();
  let examples = 0;
  const agents = [];
  for (const [i, agency] of federation.agencies.entries()) {
    const policy = await loadPolicy(agency.policyPath);
    const { data, fingerprint } = await loadAgencyData(policy.dataset);
    examples += data.y.length;
    agents.push(runAgent({
      agency: agency.name, identity: agency.identity, url: coordinator.url, coordinatorKey: federation.coordinatorIdentity.publicKey,
      policy, data, dataset: fingerprint, stateDir: agency.stateDir, log, signal: stop.signal,
      exitWhenCoordinatorStops: true, seed: i + 1, train: timed,
    }).catch((err: Error) => { console.error(`${agency.name}: ${err.message}`); }));
  }
  while (coordinator.transport.sessions.size < clients) await new Promise((r) => setTimeout(r, 50));

  const result = await coordinator.run(config, model, {
    onRoundStart(round) {
      current = { start: performance.now(), trains: [] };
      marks.set(round, current);
    },
    onStage(round, stage, done, total) {
      const m = marks.get(round)!;
      if (stage === 'answer' && done === total) m.answers = performance.now();
      if (stage === 'upload' && total > 0 && done === total) m.uploads = performance.now();
    },
    onRoundEnd(record) { marks.get(record.round)!.end = performance.now(); },
  });
  await coordinator.close();
  stop.abort();
  await Promise.all(agents);
  await rm(dir, { recursive: true, force: true });
  if (result.state.completedRounds !== rounds) throw new Error(`only ${result.state.completedRounds} of ${rounds} rounds aggregated: ${result.state.finishedReason}`);

  // Round 1 builds the models and warms the engine up: the figures are the mean of the rounds after it.
  const measured = [...marks.entries()].filter(([round]) => round > 1).map(([, m]) => m);
  const mean = (f: (m: Marks) => number) => measured.reduce((s, m) => s + f(m), 0) / measured.length / 1000;
  const lastTrain = (m: Marks) => Math.max(...m.trains.map((t) => t.end));
  return {
    clients,
    examples: Math.round(examples / clients),
    broadcast: mean((m) => m.answers! - m.start),
    train: mean((m) => lastTrain(m) - m.answers!),
    trainPerClient: mean((m) => m.trains.reduce((s, t) => s + t.end - t.start, 0) / m.trains.length),
    upload: mean((m) => m.uploads! - lastTrain(m)),
    aggregate: mean((m) => m.end! - m.uploads!),
    round: mean((m) => m.end! - m.start),
    rounds: measured.length,
  };
}

async function main(): Promise<void> {
  const clientCounts = option('--clients', '3,5,10').split(',').map(Number);
  const rounds = Number(option('--rounds', '3'));
  if (clientCounts.some((n) => !Number.isInteger(n) || n < 1) || !(rounds >= 2)) throw new RangeError('--clients takes positive integers, --rounds at least 2');
  const engine = await initEngine();
  const rows: Row[] = [];
  for (const n of clientCounts) rows.push(await measure(n, rounds));

  const columns = ['clients', 'examples/client', 'broadcast', 'train', 'upload', 'aggregate', 'round', 'train/client'];
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(columns[i].length)).join('  ');
  console.log(`$ node dist/bench/round.js ${process.argv.slice(2).join(' ')}`.trimEnd());
  console.log(`engine: ${engine.detail}`);
  console.log(`plaintext round (SecAgg off), mnist-2nn, 1 local epoch, batch 10; in-process agents over loopback WebSockets;`);
  console.log(`seconds, mean of rounds 2..${rounds} (round 1 warms up); ${new Date().toISOString()}`);
  console.log('');
  console.log(line(columns));
  for (const r of rows) {
    console.log(line([String(r.clients), String(r.examples), ...[r.broadcast, r.train, r.upload, r.aggregate, r.round, r.trainPerClient].map((x) => x.toFixed(3))]));
  }
  console.log('');
  console.log('train: the agents share this thread and train one after another, so it is about the sum of their trainings;');
  console.log('agencies on their own machines would take about train/client (the mean of one agency\'s training).');
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exitCode = 1;
});
