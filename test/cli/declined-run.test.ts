// Issue #15, item 1: the agencies' policies (minCohort 5) decline every round of a coordinator
// run with --min-agencies 3. The coordinator must not burn its rounds and exit 0: it stops at
// the first declined round, exits 1 naming each agency's code and what to do, and the run id
// stays open (stopped, no run_finished), so that once the policies agree it resumes. Declines
// after a round aggregated end the run early, finished, with the codes as its reason. The
// auditor's views show the refusals. Real CLI processes over loopback.
import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditCommand } from '../../cli/commands/audit.js';
import { DEFAULT_MNIST_SPLIT } from '../../client/data/source.js';
import { parseRunConfig } from '../../coordinator/run-config.js';
import { toHex } from '../../identity/keys.js';
import { exited, prepareLocalFederation, spawnAgencyClient, type LocalFederation } from '../../examples/local-federation.js';
import { writeJsonAtomic } from '../../storage/atomic.js';
import { builtCli } from '../helpers/federation.js';
import { exitOf, start, STACK_FRAME, waitFor } from '../readme/readme.js';

const dirs: string[] = [];
const children: ReturnType<typeof start>[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const config = parseRunConfig({ runId: 'mnist-1', purpose: 'digit recognition research', model: 'mnist-2nn', rounds: 3,
  train: { epochs: 1, batchSize: 10, learningRate: 0.05 }, selection: { min: 3 }, minCohort: 3 });

/** Each agency trains on a tenth of the digits (fast); the terms given are the policy's. */
function policies(federation: LocalFederation, terms: { minCohort: number; maxRoundsPerRun: number }) {
  return Promise.all(federation.agencies.map(async (agency, index) => {
    const policy = JSON.parse(await readFile(agency.policyPath, 'utf8')) as { dataset: object };
    await writeJsonAtomic(agency.policyPath, { ...policy, ...terms, dataset: { ...policy.dataset, agencyShard: { index, count: 10 } } });
  }));
}

/** `cohort coordinator` as the README's ML team runs it (no --dp, --min-agencies 3). */
async function coordinator(federation: LocalFederation) {
  const cli = `exec "${process.execPath}" "${join(process.cwd(), 'dist/cli/main.js')}"`;
  const child = start(`${cli} coordinator --key coordinator/coordinator.key --data-dir coordinator --port 0 --run-id mnist-1 ` +
    '--purpose "digit recognition research" --model mnist-2nn --rounds 3 --min-agencies 3 --lr 0.05 --roster roster.json', federation.dir);
  children.push(child);
  const up = await waitFor(child, (r) => /listening on (ws:\/\/\S+);/.test(r.out), 'the coordinator to listen');
  const url = /listening on (ws:\/\/\S+);/.exec(up.out)![1];
  const clients = federation.agencies.map((agency, i) => spawnAgencyClient(federation, agency, url, { seed: i + 1 }));
  const ran = await exitOf(child, 180_000);
  await Promise.all(clients.map((c) => exited(c, 30_000)));
  return ran;
}

async function audit(...args: string[]) {
  let out = '';
  let code: number | undefined;
  await auditCommand({ out: (t) => void (out += t), err: (t) => void (out += t), exit: (c) => void (code = c) })
    .exitOverride().parseAsync(args, { from: 'user' });
  return { code, out };
}

describe.skipIf(!builtCli())('a run whose first round every agency declines', () => {
  it('stops with exit 1 naming the codes, keeps its run id, shows the refusals to the auditor, resumes once the policies agree, and ends early when they decline again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cohort-declined-'));
    dirs.push(dir);
    const federation = await prepareLocalFederation(dir, config, { ...DEFAULT_MNIST_SPLIT, agencies: 3 });
    await policies(federation, { minCohort: 5, maxRoundsPerRun: 50 });

    const declined = await coordinator(federation);
    expect(declined.code, declined.out + declined.err).toBe(1);
    expect(declined.err).toContain('error: run mnist-1 stopped: round 1 could not open: 3 agencies declined it: ' +
      'POLICY_MIN_COHORT from agency-1, agency-2, agency-3 (the round has 3 agencies; the policy requires at least 5');
    expect(declined.err).toContain('the run id is not used up');
    expect(declined.err).toContain('--run-id mnist-1 to resume it');
    expect(declined.err).not.toMatch(STACK_FRAME);
    expect(declined.out).toMatch(/round +1\/3 +ABANDONED +agencies 0 +declined 3/);
    expect(declined.out).not.toMatch(/round +2\/3/);

    const ledgerPath = join(federation.coordinatorDir, 'ledger.jsonl');
    const ledger = (await readFile(ledgerPath, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(ledger.filter((e) => e.type === 'refusal')).toHaveLength(3);
    // Stopped, not finished: the ledger (the run's one record) has no run_finished.
    expect(ledger.some((e) => e.type === 'run_finished')).toBe(false);

    const key = toHex(federation.coordinatorIdentity.publicKey);
    const verified = await audit('verify', ledgerPath, '--coordinator-key', key);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('run mnist-1: running; 0 rounds');
    expect(verified.out).toContain('3 refusals (agency, code, rounds declined):');
    expect(verified.out).toMatch(/agency-2 +POLICY_MIN_COHORT +1/);
    const shown = await audit('show', ledgerPath);
    expect(shown.out).toContain('run mnist-1: no round opened');
    expect(shown.out).toMatch(/mnist-1 +agency-3 +POLICY_MIN_COHORT +1 +1 +1/);

    // The agencies agree to 3 (and to one round each); the same command resumes the run, whose
    // round 2 aggregates; round 3, which they decline, ends it early, finished, saying why.
    await policies(federation, { minCohort: 3, maxRoundsPerRun: 1 });
    const resumed = await coordinator(federation);
    expect(resumed.code, resumed.out + resumed.err).toBe(0);
    expect(resumed.out).toMatch(/round +2\/3 +ok +agencies 3/);
    const early = 'round 3 could not open: 3 agencies declined it: POLICY_MAX_ROUNDS from agency-1, agency-2, agency-3';
    expect(resumed.out).toContain(`run mnist-1 finished: ${early}`);
    const after = await audit('verify', ledgerPath, '--coordinator-key', key, '--require-finished');
    expect(after.code, after.out).toBe(0);
    // The ledger counts the rounds opened: round 2 only (rounds 1 and 3 were declined, never opened).
    expect(after.out).toContain(`run mnist-1: finished (${early}`);
    expect(after.out).toContain('; 1 rounds (1 ok, 0 abandoned); 3 agencies');
    expect(after.out).toMatch(/agency-1 +POLICY_MAX_ROUNDS +1/);
  }, 240_000);
});
