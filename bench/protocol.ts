// What a benchmark round needs of one version of Cohort, so that one run can measure two: the
// current sources, and a baseline built from another git commit (`git archive` into a temporary
// folder, compiled there against this checkout's node_modules, its modules loaded beside ours).
// bench/secagg.ts --baseline <ref> compares the SecAgg+ round with the consistency round against
// the round as it was before it (issue #10).
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connectToCoordinator } from '../client/connection.js';
import { SecureParticipant } from '../client/secure-participant.js';
import { parseRunConfig } from '../coordinator/run-config.js';
import { secAggParams } from '../coordinator/secure-round.js';
import { startCoordinator } from '../coordinator/service.js';
import { sign, toHex, type Identity } from '../identity/keys.js';
import { commitmentTranscript } from '../ledger/entries.js';
import { sha256Hex } from '../bytes/digest.js';
import { offerSha256 } from '../proto/offer-hash.js';
import type { cohort } from '../proto/messages.js';
import { SecAggServer } from '../secagg/index.js';

/** One client's SecAgg+ stages, as the agent's shell runs them (signSurvivors only with a consistency round). */
export interface Participant {
  advertise(): cohort.v1.IKeyAdvert;
  shareKeys(roster: cohort.v1.IKeyRoster): Promise<cohort.v1.IShareBundle>;
  maskInput(delivery: cohort.v1.IShareDelivery, delta: Float32Array, weight: number): Uint8Array;
  signSurvivors?(request: cohort.v1.IConsistencyRequest): cohort.v1.IConsistencySignature;
  unmask(request: cohort.v1.IUnmaskRequest): cohort.v1.IUnmaskResponse;
}

export interface Protocol {
  readonly label: string;
  readonly startCoordinator: typeof startCoordinator;
  readonly connectToCoordinator: typeof connectToCoordinator;
  readonly parseRunConfig: typeof parseRunConfig;
  readonly secAggParams: typeof secAggParams;
  /** The SecAgg+ server class, whose methods the bench times. */
  readonly serverPrototype: object;
  participant(offer: cohort.v1.IRoundOffer, agency: string, identity: Identity): Participant;
  /** The agency's signed commitment to the bytes it sends in this offer's round. */
  commitment(offer: cohort.v1.IRoundOffer, bytes: Uint8Array, identity: Identity): Uint8Array;
}

export function currentProtocol(): Protocol {
  // As the agent does, each client hashes its offer once (client/agent.ts onOffer).
  const hashes = new WeakMap<cohort.v1.IRoundOffer, Uint8Array>();
  const hashOf = (offer: cohort.v1.IRoundOffer) => hashes.get(offer) ?? hashes.set(offer, offerSha256(offer)).get(offer)!;
  return {
    label: 'this checkout', startCoordinator, connectToCoordinator, parseRunConfig, secAggParams, serverPrototype: SecAggServer.prototype,
    participant: (offer, agency, identity) => new SecureParticipant(offer, agency, identity, { minCohort: 3 }, undefined, hashOf(offer)),
    commitment: (offer, bytes, identity) => sign(commitmentTranscript(offer.runId!, offer.round!, toHex(hashOf(offer)), sha256Hex(bytes)), identity.secretKey),
  };
}

/**
 * Cohort as of `ref`, compiled in a temporary folder. Its SecAgg+ API is told apart by whether
 * its stages have a consistency round (its SecureParticipant took a minimum cohort and its
 * commitment no offer hash before that).
 */
export async function baselineProtocol(ref: string, log: (line: string) => void, built?: string): Promise<Protocol> {
  const dir = built ?? await buildBaseline(ref, log);
  // The baseline's modules are typed as another version's: used through the Protocol shape only.
  const load = async (path: string): Promise<any> => import(pathToFileURL(join(dir, 'dist', path)).href);
  const [service, connection, participant, runConfig, secureRound, keys, entries, digest, secagg] = await Promise.all([
    load('coordinator/service.js'), load('client/connection.js'), load('client/secure-participant.js'), load('coordinator/run-config.js'),
    load('coordinator/secure-round.js'), load('identity/keys.js'), load('ledger/entries.js'), load('bytes/digest.js'), load('secagg/index.js'),
  ]);
  const withConsistency = (secagg.SECAGG_STAGES as string[]).includes('consistency');
  log(`baseline ${ref} loaded from ${dir}`);
  const offerHash = withConsistency ? (await load('proto/offer-hash.js')).offerSha256 : undefined;
  return {
    label: `${ref}${withConsistency ? '' : ' (before the consistency round)'}`,
    startCoordinator: service.startCoordinator, connectToCoordinator: connection.connectToCoordinator,
    parseRunConfig: runConfig.parseRunConfig, secAggParams: secureRound.secAggParams, serverPrototype: secagg.SecAggServer.prototype,
    participant: (offer, agency, identity) => new participant.SecureParticipant(offer, agency, identity, withConsistency ? { minCohort: 3 } : 3),
    commitment: (offer, bytes, identity) => keys.sign(withConsistency
      ? entries.commitmentTranscript(offer.runId, offer.round, keys.toHex(offerHash(offer)), digest.sha256Hex(bytes))
      : entries.commitmentTranscript(offer.runId, offer.round, digest.sha256Hex(bytes)), identity.secretKey),
  };
}

/** `git archive` of `ref` in a temporary folder, compiled there against this checkout's node_modules; its folder. */
async function buildBaseline(ref: string, log: (line: string) => void): Promise<string> {
  if (!/^[\w./~^-]+$/.test(ref)) throw new RangeError(`--baseline must be a git ref, got ${ref}`);
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dir = await mkdtemp(join(tmpdir(), 'cohort-baseline-'));
  log(`building the baseline ${ref} in ${dir} ...`);
  execFileSync('bash', ['-c', `git -C "${root}" archive --format=tar "${ref}" | tar -x -C "${dir}"`], { stdio: 'inherit' });
  await linkModules(join(root, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

/**
 * The checkout's packages, linked, except protobufjs, copied: generated protobuf code registers
 * its message classes on protobufjs's one default root, so two versions sharing the package would
 * encode each other's nested messages with the wrong classes.
 */
async function linkModules(from: string, to: string): Promise<void> {
  await mkdir(to);
  for (const name of await readdir(from)) {
    if (name === 'protobufjs') await cp(join(from, name), join(to, name), { recursive: true, dereference: true });
    else await symlink(join(from, name), join(to, name));
  }
}
