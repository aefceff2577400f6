// The run service end to end, as an ML team uses it: one `cohort serve` process, three agency
// client processes that stay connected across runs, and the `cohort run` CLI. Three runs are
// submitted back to back; the second is running when the service is killed (SIGKILL) with the
// third still queued; restarted, the service resumes the second and keeps the third queued; the
// second is stopped midway; the third runs. `cohort run list --json` shows each status, and the
// ledger verifies for all three, with every agency's receipts and the ML team's.
// Needs dist/ (npx tsc -p tsconfig.json): every process runs the built CLI.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../audit/verify.js';
import type { BookedRun } from '../../coordinator/run-book.js';
import { DEFAULT_MNIST_SPLIT } from '../../client/data/source.js';
import { exited, prepareLocalFederation, spawnAgencyClient, type LocalFederation } from '../../examples/local-federation.js';
import { writeIdentityFile } from '../../identity/keyfile.js';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { receiptsIn } from '../helpers/receipts.js';
import { BUILT_CLI, builtCli, plainConfig } from '../helpers/federation.js';
import { freePort } from '../readme/readme.js';

const children: ChildProcess[] = [];
let dir: string | undefined;

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map((child) => exited(child, 5_000)));
  if (dir && !process.env.COHORT_KEEP_TEST_DIRS) await rm(dir, { recursive: true, force: true });
});

interface Ran { code: number | null; out: string; err: string }

/** The built CLI to its end. */
function cli(args: string[], timeoutMs = 60_000): Promise<Ran> {
  const child = spawn(process.execPath, [BUILT_CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ran: Ran = { code: null, out: '', err: '' };
  child.stdout!.on('data', (d: Buffer) => { ran.out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { ran.err += d.toString(); });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => child.once('close', (code) => {
    clearTimeout(timer);
    resolve({ ...ran, code });
  }));
}

/** `cohort serve` in the background; resolves once its API listens. */
async function serve(federation: LocalFederation, port: number, httpPort: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [BUILT_CLI, 'serve', '--data-dir', federation.coordinatorDir, '--key', join(federation.coordinatorDir, 'coordinator.key'),
    '--roster', join(federation.dir, 'roster.json'), '--port', String(port), '--http-port', String(httpPort), '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const until = Date.now() + 90_000;
  while (!out.includes('API and dashboard: ')) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`cohort serve did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out };
}

describe.skipIf(!builtCli())('the run service, with real processes', () => {
  it('three runs back to back, a kill and restart with one queued, one stopped midway: statuses, and a ledger that verifies', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cohort-service-'));
    const purpose = 'digit recognition research';
    // Each agency trains on a tenth of the digits, so rounds are short; the policy allows the runs' terms.
    const federation = await prepareLocalFederation(dir, plainConfig({ purpose }), { ...DEFAULT_MNIST_SPLIT, agencies: 3 },
      (i, policy) => ({ ...policy, maxRoundsPerRun: 100, secagg: { required: false }, dataset: { ...(policy.dataset as object), agencyShard: { index: i, count: 10 } } }));
    const data = ['--data-dir', federation.coordinatorDir];

    // The ML team member's own key, enrolled as an operator.
    const keyPath = join(dir, 'alice.key');
    const alice = generateIdentity();
    await writeIdentityFile(keyPath, alice, { name: 'alice' });
    const added = await cli(['operator', 'add', 'alice', toHex(alice.publicKey), ...data]);
    expect(added.code, added.err).toBe(0);

    const [port, httpPort] = [await freePort(), await freePort()];
    const service = ['--service', `http://127.0.0.1:${httpPort}`];
    const signed = [...service, '--key', keyPath];
    let serving = await serve(federation, port, httpPort);
    for (const [i, agency] of federation.agencies.entries()) {
      children.push(spawnAgencyClient(federation, agency, `ws://127.0.0.1:${port}`, { seed: i + 1, exitWhenDone: false, logLevel: 'info' }));
    }
    const list = async (): Promise<Record<string, BookedRun>> => {
      const ran = await cli(['run', 'list', '--json', ...service]);
      expect(ran.code, ran.err).toBe(0);
      return Object.fromEntries((JSON.parse(ran.out) as BookedRun[]).map((run) => [run.runId, run]));
    };
    const until = async (what: string, check: (runs: Record<string, BookedRun>) => boolean, timeoutMs = 180_000) => {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const runs = await list();
        if (check(runs)) return runs;
        if (Date.now() > end) throw new Error(`waiting for ${what}: ${JSON.stringify(runs)}\n${serving.output()}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    };

    // Three runs, back to back: the first with secure aggregation, the others in the clear.
    const run = ['--purpose', purpose, '--min-agencies', '3', '--epochs', '1', '--batch-size', '20', '--lr', '0.1', '--upload-timeout-ms', '60000'];
    for (const [runId, rounds, secagg] of [['first', '2', 'on'], ['second', '40', 'off'], ['third', '2', 'off']]) {
      const submitted = await cli(['run', 'submit', '--json', ...signed, ...run, '--run-id', runId, '--rounds', rounds, '--secagg', secagg]);
      expect(submitted.code, submitted.err).toBe(0);
      expect(JSON.parse(submitted.out)).toMatchObject({ runId, submittedBy: 'alice' });
    }
    // An id taken is refused, saying so; and nothing changes without the operator's key.
    const again = await cli(['run', 'submit', ...signed, ...run, '--run-id', 'third']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('a run "third" already exists on this service');
    const unsigned = await cli(['run', 'stop', 'third', ...service]);
    expect(unsigned.code).toBe(2);
    expect(unsigned.err).toContain('--key');

    // The second runs once the first has finished; the service is killed mid-run with the third queued.
    let runs = await until('the second run to aggregate a round', (r) => r.second?.roundsOk >= 1);
    expect(runs.first.status).toBe('finished');
    expect(runs.third.status).toBe('queued');
    serving.child.kill('SIGKILL');
    await exited(serving.child, 10_000);

    serving = await serve(federation, port, httpPort);
    expect(serving.output()).toContain('runs: second (running, resuming); queued: third');
    runs = await list();
    expect(runs.first.status).toBe('finished');
    expect(runs.second.status).toBe('running');
    expect(runs.third.status).toBe('queued');
    const before = runs.second.roundsOk;
    // The agencies reconnect by themselves; the second run goes on after the round the crash cut short.
    await until('the second run to aggregate a round after the restart', (r) => r.second.roundsOk > before);

    const stopped = await cli(['run', 'stop', 'second', ...signed]);
    expect(stopped.code, stopped.err).toBe(0);
    const third = await cli(['run', 'logs', 'third', '--follow', ...service], 240_000);
    expect(third.code, third.err).toBe(0);
    expect(third.out).toContain('alice asked to submit the run');
    expect(third.out).toMatch(/run finished after 2 rounds: 2 of 2 rounds aggregated/);

    runs = await list();
    expect(Object.fromEntries(Object.values(runs).map((r) => [r.runId, r.status]))).toEqual({ first: 'finished', second: 'stopped', third: 'finished' });
    expect(runs.second).toMatchObject({ stoppedBy: 'alice', reason: 'stopped by alice' });
    expect(runs.second.roundsOk).toBeLessThan(40);

    // Stopped cleanly, the service says so; the agencies are still connected until then.
    serving.child.kill('SIGTERM');
    expect(await exited(serving.child, 30_000)).toBe(0);
    expect(serving.output()).toContain('service stopped');

    // The ledger verifies for all three, every run ended, with the agencies' and the ML team's receipts.
    const receipts = await receiptsIn([...federation.agencies.map((a) => a.stateDir), ...['first', 'second', 'third'].map((r) => join(federation.coordinatorDir, 'runs', r))]);
    const report = verifyLedger(await readFile(join(federation.coordinatorDir, 'ledger.jsonl')),
      { coordinatorKey: federation.coordinatorIdentity.publicKey, receipts, requireFinished: true });
    expect(report.failure).toBeNull();
    expect(report.runs.map((r) => [r.runId, r.status])).toEqual([['first', 'finished'], ['second', 'finished'], ['third', 'finished']]);
    expect(report.runs.find((r) => r.runId === 'second')!.finishReason).toBe('stopped by alice');
    const ledger = (await readFile(join(federation.coordinatorDir, 'ledger.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { type: string; body: Record<string, unknown> });
    const actions = ledger.filter((e) => e.type === 'operator_action').map((e) => `${e.body.operator} ${e.body.action} ${e.body.runId}`);
    expect(actions).toEqual(['alice submit first', 'alice submit second', 'alice submit third', 'alice stop second']);
  }, 420_000);
});
