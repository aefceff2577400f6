// README.md's quickstarts, run as written: an ML team, three agencies and an auditor on one
// machine, each in its own folder, with the commands and the policy taken from README.md itself
// (test/readme/readme.ts), so the README cannot drift from what works. Real processes of the
// built CLI, real sockets, real training on the mnist package's digits; then the README's TLS
// recipe, and a client that lacks the CA. Substituted: the folders, a free port for 7400, the
// host name, the coordinator key and each agency's name and shard, as the README asks.
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from '../helpers/federation.js';
import { checkoutFolder, command, commands, exitOf, freePort, readmeBlock, run, STACK_FRAME, start, waitFor } from './readme.js';

const AGENCIES = ['nih-lab', 'cdc-lab', 'va-lab'];
const started: ReturnType<typeof start>[] = [];
let root: string;
const at = (party: string) => join(root, party);
/** The README writes nih-lab's commands; the other agencies make the same with their own names. */
const as = (agency: string, text: string) => text.replaceAll('nih-lab', agency);

beforeAll(async () => {
  root = await checkoutFolder('readme-');
});

afterAll(async () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

function background(script: string, cwd: string): ReturnType<typeof start> {
  const child = start(script, cwd);
  started.push(child);
  return child;
}

function expectOk(ran: { code: number | null; out: string; err: string }, what: string): void {
  expect(ran.code, `${what}\n${ran.out}\n${ran.err}`).toBe(0);
}

describe.skipIf(!builtCli())('README quickstarts, as written', () => {
  let coordinatorKey: string;

  it('ML team, three agencies and an auditor: keys, enrolment, a run, the export, the audit', async () => {
    expectOk(await run(readmeBlock('folders'), root), 'mkdir');

    // 1. Keys: the ML team's and each agency's, each with the .pub it sends.
    const [ml, ...agencies] = await Promise.all([
      run(readmeBlock('ml-keys'), at('ml-team')),
      ...AGENCIES.map((agency) => run(as(agency, readmeBlock('agency-keys')), at(agency))),
    ]);
    expectOk(ml, 'keys new (ML team)');
    agencies.forEach((ran, i) => expectOk(ran, `keys new (${AGENCIES[i]})`));
    coordinatorKey = (await readFile(join(at('ml-team'), 'coordinator.pub'), 'utf8')).trim();
    expect(coordinatorKey).toMatch(/^[0-9a-f]{64}$/);
    expect(ml.out).toContain(`public key: ${coordinatorKey}`);

    // 2. The ML team enrols the three agencies and starts the coordinator (on a free port for 7400).
    const port = await freePort();
    const mlRun = readmeBlock('ml-run');
    for (const line of commands(mlRun).filter((l) => l.startsWith('npx cohort enroll'))) expectOk(await run(line, at('ml-team')), line);
    const coordinator = background(`${command(mlRun, 'npx cohort coordinator')} --port ${port}`, at('ml-team'));

    // Meanwhile each agency writes the README's policy with the key the ML team sent and its own
    // shard, and reads it back in plain words; then, the coordinator listening, starts its client.
    const policy = readmeBlock('agency-policy');
    const agencyRun = readmeBlock('agency-run');
    await Promise.all(AGENCIES.map(async (agency, index) => {
      const text = policy.replace('<the 64 hex characters in coordinator.pub>', coordinatorKey).replace('"index": 0', `"index": ${index}`);
      expect(text).not.toBe(policy);
      await writeFile(join(at(agency), 'policy.json'), text);
      const explained = await run(as(agency, command(agencyRun, 'npx cohort client --policy')), at(agency));
      expectOk(explained, 'explain-policy');
      expect(explained.out).toContain(`Only the coordinator with public key ${coordinatorKey}`);
      expect(explained.out).toContain(`shard ${index + 1} of 10`);
    }));
    await waitFor(coordinator, (r) => r.out.includes(`listening on ws://127.0.0.1:${port}; 3 agencies enrolled`), 'the coordinator to listen');
    const client = command(agencyRun, 'npx cohort client --coordinator').replace('127.0.0.1:7400', `127.0.0.1:${port}`);
    const clients = AGENCIES.map((agency) => background(as(agency, client), at(agency)));

    const done = await exitOf(coordinator, 240_000);
    expectOk(done, 'coordinator');
    expect(done.out).toContain('run mnist-1 finished: 3 of 3 rounds aggregated');
    expect(done.out.match(/^round +\d\/3 +ok .*accuracy/gm)).toHaveLength(3);
    for (const [i, client] of clients.entries()) expectOk(await exitOf(client, 30_000), `client ${AGENCIES[i]}`);

    // 3. The export, and the README's snippet that loads it: a trained model, not the initial one.
    expectOk(await run(readmeBlock('ml-export'), at('ml-team')), 'model export');
    await writeFile(join(at('ml-team'), 'predict.mjs'), readmeBlock('ml-predict'));
    const predicted = await run(`"${process.execPath}" predict.mjs`, at('ml-team'));
    expectOk(predicted, 'node predict.mjs');
    const right = Number(/(\d+) of 100 digits recognised/.exec(predicted.out)?.[1]);
    expect(right).toBeGreaterThanOrEqual(60);

    // The auditor: verify (with every agency's receipts) and show.
    const audit = commands(readmeBlock('auditor'));
    const verified = await run(audit[0], at('auditor'));
    expectOk(verified, 'audit verify');
    expect(verified.out).toMatch(/^VALID: \d+ entries, [1-9]\d* receipts checked/);
    expect(verified.out).toContain('run mnist-1: finished (3 of 3 rounds aggregated); 3 rounds (3 ok, 0 abandoned); 3 agencies');
    const shown = await run(audit[1], at('auditor'));
    expectOk(shown, 'audit show');
    expect(shown.out.match(/^mnist-1 +\d +3 +3 +0 +3 +- +ok$/gm)).toHaveLength(3);
  }, 300_000);

  it('TLS across machines: the README\'s openssl recipe serves wss://; a client with --ca joins, one without exits 1 naming --ca', async () => {
    expect(coordinatorKey).toBeDefined();
    // The coordinator's host here is localhost: the name a user sets HOST to.
    const recipe = readmeBlock('tls-ca').replace('HOST=coordinator.example.gov', 'HOST=localhost');
    expectOk(await run(recipe, at('ml-team')), 'openssl recipe');
    const port = await freePort();
    const tlsRun = readmeBlock('tls-run');
    const coordinator = background(`${command(tlsRun, 'npx cohort coordinator')} --port ${port}`, at('ml-team'));
    await waitFor(coordinator, (r) => r.out.includes(`listening on wss://0.0.0.0:${port}`), 'the TLS coordinator to listen');

    await copyFile(join(at('ml-team'), 'ca.pem'), join(at('nih-lab'), 'ca.pem')); // "send ca.pem to the agencies"
    const client = command(tlsRun, 'npx cohort client').replace('coordinator.example.gov:7400', `localhost:${port}`);
    const trusted = background(client, at('nih-lab'));
    await waitFor(trusted, (r) => r.err.includes('connected to the coordinator'), 'the client with --ca to connect');
    trusted.kill('SIGTERM');
    await exitOf(trusted);

    const untrusted = await run(client.replace(' --ca ca.pem', ''), at('nih-lab'));
    expect(untrusted.code).toBe(1);
    expect(untrusted.err).toMatch(/error: the coordinator's TLS certificate \(localhost\) is not signed by a CA this machine trusts .*--ca <file>/);
    expect(untrusted.err).not.toMatch(STACK_FRAME);

    // Ctrl-C while it waits for agencies: stopped, not finished; exit 0, the run id still open.
    coordinator.kill('SIGINT');
    const stopped = await exitOf(coordinator);
    expectOk(stopped, 'TLS coordinator after Ctrl-C');
    expect(stopped.out).toContain('run mnist-2 stopped');
  }, 120_000);
});
