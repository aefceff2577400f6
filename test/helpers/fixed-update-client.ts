// A client entry point for end-to-end tests: the real agent (client/agent.ts runAgent) over the
// real wire, but its update is a seeded function of (seed, round) and its SecAgg rounding
// randomness is seeded per round, so the test process can recompute the exact quantized input
// this agency masked in any round from the seed and the weights that round handed out.
//
//   node dist/test/helpers/fixed-update-client.js --coordinator ws://… --key k --policy p
//     --agency a --state-dir d --seed 3 [--die-at share:2|upload:2|sign:2] [--bad-shares 1]
//     [--delta-scale 0] [--dump-dir dir] [--log-file f] [--log-level info] [--exit-when-done]
//
// --die-at stage:round SIGKILLs this process when the stage's message arrives in that round:
// `share` on the key roster (before its shares go out), `upload` on the share delivery (after its
// shares went out, before its masked input does), `sign` on the consistency request (after its
// masked input went out, before it signs the survivor set). --bad-shares round makes it a
// dishonest agency in that round: every seed share it reveals has its first byte flipped.
// --dump-dir writes each masked input exactly as sent (<agency>-r<round>.bin). Events go to
// stdout as JSON lines: {"event":"unmask","round":2}.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runAgent, type Trainer } from '../../client/agent.js';
import { loadAgencyData } from '../../client/data/source.js';
import { loadPolicy } from '../../client/policy.js';
import { SecureParticipant } from '../../client/secure-participant.js';
import { readIdentityFile } from '../../identity/keyfile.js';
import { fromHex } from '../../identity/keys.js';
import { initEngine } from '../../ml/engine.js';
import { seededRandom, type Random } from '../../ml/random.js';
import { getFlatWeights, setFlatWeights } from '../../ml/weights.js';
import { quantize, type RandomWords, type SecAggParams } from '../../secagg/index.js';
import { pino } from 'pino';

const TWO_TO_32 = 2 ** 32;

/** A 32-bit seed for (seed, round, purpose): independent streams for the delta and the rounding. */
export function streamSeed(seed: number, round: number, purpose: 'delta' | 'rounding'): number {
  return createHash('sha256').update(`${seed}:${round}:${purpose}`).digest().readUInt32LE(0);
}

/** The change this agency makes to the weights it received in `round`: uniform in [-scale, scale]. */
export function fixedDelta(seed: number, round: number, length: number, scale: number): Float32Array {
  const random = seededRandom(streamSeed(seed, round, 'delta'));
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = (2 * random() - 1) * scale;
  return out;
}

/** The example count the trainer reports (it sets the FedAvg weight): distinct per agency. */
export function fixedExamples(seed: number): number {
  return 500 + 100 * seed;
}

/** RandomWords from a seeded generator: mulberry32 draws are k / 2^32, so each yields one exact word. */
export function wordsFrom(random: Random): RandomWords {
  return (out) => {
    for (let i = 0; i < out.length; i++) out[i] = random() * TWO_TO_32;
  };
}

/**
 * What the agent masks in `round` (no DP), recomputed: trained = received + delta (as float32
 * weights), delta' = trained - received, then w * delta' quantized with the round's seeded
 * rounding words, then the example count min(examples, weightCap) as one exact word
 * (proto/update-vector.ts; bits >= log2(weightCap + 1) here, so one limb holds it).
 */
export function expectedQuantizedInput(seed: number, round: number, received: Float32Array, scale: number,
  weightCap: number, params: Pick<SecAggParams, 'clipRange' | 'bits'>): Uint32Array {
  const delta = fixedDelta(seed, round, received.length, scale);
  const trained = new Float32Array(received.length);
  for (let i = 0; i < trained.length; i++) trained[i] = received[i] + delta[i];
  const count = Math.min(fixedExamples(seed), weightCap);
  if (count >= 2 ** params.bits) throw new RangeError('this recomputation assumes the count fits one limb');
  const weight = count / weightCap;
  const values = new Float32Array(received.length);
  // As client/update.ts and proto/update-vector.ts do it: the difference is stored as float32 first.
  for (let i = 0; i < received.length; i++) values[i] = weight * Math.fround(trained[i] - received[i]);
  const full: SecAggParams = { threshold: 2, degree: 2, ...params };
  const quantized = quantize(values, full, wordsFrom(seededRandom(streamSeed(seed, round, 'rounding'))));
  const out = new Uint32Array(received.length + 1);
  out.set(quantized);
  out[received.length] = count;
  return out;
}

interface Flags {
  coordinator: string;
  key: string;
  policy: string;
  agency: string;
  stateDir: string;
  seed: number;
  dieAt?: { stage: 'share' | 'upload' | 'sign'; round: number };
  badShares?: number;
  deltaScale: number;
  dumpDir?: string;
  logFile?: string;
  logLevel: string;
  exitWhenDone: boolean;
}

function parseFlags(argv: string[]): Flags {
  const { values } = parseArgs({
    args: argv,
    options: {
      coordinator: { type: 'string' }, key: { type: 'string' }, policy: { type: 'string' }, agency: { type: 'string' },
      'state-dir': { type: 'string' }, seed: { type: 'string' }, 'die-at': { type: 'string' }, 'bad-shares': { type: 'string' }, 'delta-scale': { type: 'string' },
      'dump-dir': { type: 'string' }, 'log-file': { type: 'string' }, 'log-level': { type: 'string' }, 'exit-when-done': { type: 'boolean' },
    },
  });
  for (const name of ['coordinator', 'key', 'policy', 'agency', 'state-dir', 'seed'] as const) {
    if (values[name] === undefined) throw new RangeError(`--${name} is required`);
  }
  let dieAt: Flags['dieAt'];
  if (values['die-at']) {
    const match = /^(share|upload|sign):(\d+)$/.exec(values['die-at']);
    if (!match) throw new RangeError(`--die-at must be share:<round>, upload:<round> or sign:<round>, got ${values['die-at']}`);
    dieAt = { stage: match[1] as 'share' | 'upload' | 'sign', round: Number(match[2]) };
  }
  return {
    coordinator: values.coordinator!, key: values.key!, policy: values.policy!, agency: values.agency!, stateDir: values['state-dir']!,
    seed: Number(values.seed), dieAt, badShares: values['bad-shares'] !== undefined ? Number(values['bad-shares']) : undefined, deltaScale: values['delta-scale'] !== undefined ? Number(values['delta-scale']) : 0.01,
    dumpDir: values['dump-dir'], logFile: values['log-file'], logLevel: values['log-level'] ?? 'info', exitWhenDone: !!values['exit-when-done'],
  };
}

function event(fields: Record<string, unknown>): void {
  // stdout to a pipe is synchronous on Linux: the line is out before a SIGKILL that follows it.
  process.stdout.write(`${JSON.stringify(fields)}\n`);
}

/** Hooks on the participant's stages: die on cue, dump what is sent, report unmask requests. */
function instrument(flags: Flags): void {
  const proto = SecureParticipant.prototype;
  const roundOf = (p: SecureParticipant) => p.round.round;
  const { shareKeys, maskInput, signSurvivors, unmask } = proto;
  const die = (stage: string, round: number) => {
    event({ event: 'die', stage, round });
    process.kill(process.pid, 'SIGKILL');
  };
  proto.shareKeys = function (this: SecureParticipant, ...args) {
    if (flags.dieAt?.stage === 'share' && flags.dieAt.round === roundOf(this)) die('share', roundOf(this));
    return shareKeys.apply(this, args);
  };
  proto.maskInput = function (this: SecureParticipant, ...args) {
    if (flags.dieAt?.stage === 'upload' && flags.dieAt.round === roundOf(this)) die('upload', roundOf(this));
    const masked = maskInput.apply(this, args);
    if (flags.dumpDir) writeFileSync(join(flags.dumpDir, `${flags.agency}-r${roundOf(this)}.bin`), masked);
    event({ event: 'masked', round: roundOf(this) });
    return masked;
  };
  proto.signSurvivors = function (this: SecureParticipant, ...args) {
    if (flags.dieAt?.stage === 'sign' && flags.dieAt.round === roundOf(this)) die('sign', roundOf(this));
    return signSurvivors.apply(this, args);
  };
  proto.unmask = function (this: SecureParticipant, ...args) {
    event({ event: 'unmask', round: roundOf(this) });
    const response = unmask.apply(this, args);
    if (flags.badShares === roundOf(this)) {
      for (const s of response.shares ?? []) if (s.kind === 'seed' && s.share) s.share = Uint8Array.from(s.share, (b, i) => (i === 0 ? b ^ 0xff : b));
      event({ event: 'bad-shares', round: roundOf(this) });
    }
    return response;
  };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  instrument(flags);
  const policy = await loadPolicy(flags.policy);
  const { identity } = await readIdentityFile(flags.key);
  const log = pino({ level: flags.logLevel, base: { agency: flags.agency } },
    pino.destination(flags.logFile ? { dest: flags.logFile, sync: true, mkdir: true } : 2));
  await initEngine('auto');
  const { data, fingerprint } = await loadAgencyData(policy.dataset);
  let rounding = seededRandom(0);
  // The agent seeds local training with (seed + round): that is how the trainer learns the round.
  const train: Trainer = async (model, _data, cfg) => {
    const round = (cfg.seed! - flags.seed) >>> 0;
    const received = getFlatWeights(model);
    const delta = fixedDelta(flags.seed, round, received.length, flags.deltaScale);
    for (let i = 0; i < received.length; i++) received[i] += delta[i];
    setFlatWeights(model, received);
    // Training always finishes before the round's input is quantized (agent.ts awaits it).
    rounding = seededRandom(streamSeed(flags.seed, round, 'rounding'));
    return { loss: 0, examples: fixedExamples(flags.seed) };
  };
  const random = wordsFrom(() => rounding());
  const stop = new AbortController();
  process.once('SIGTERM', () => stop.abort());
  const summary = await runAgent({
    agency: flags.agency, identity, url: flags.coordinator, coordinatorKey: fromHex(policy.coordinatorKey, 32, 'policy.coordinatorKey'),
    policy, data, dataset: fingerprint, stateDir: flags.stateDir, log, signal: stop.signal,
    exitWhenCoordinatorStops: flags.exitWhenDone, seed: flags.seed, train, quantizationRandom: random,
  });
  event({ event: 'stopped', ...summary });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: Error) => {
    process.stderr.write(`fixed-update-client: ${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
