// README.md's quickstarts, run as written: an ML team (the run service, its operator, a run
// submitted and followed), three agencies and an auditor on one machine, each in its own
// folder, with the commands and the policy taken from README.md itself (test/readme/readme.ts),
// so the README cannot drift from what works. Real processes of the built CLI, real sockets,
// real training on the mnist package's digits; then the README's TLS recipe, and a client that
// lacks the CA. Substituted: the folders, free ports for 7400 and 7401 (the service's address
// given to `cohort run` by COHORT_SERVICE, as the README says), the host name, the coordinator
// key and each agency's name and shard, as the README asks.
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

  it('ML team, three agencies and an auditor: keys, enrolment, the service, a run submitted and followed, the export, the audit', async () => {
    expectOk(await run(readmeBlock('folders'), root), 'mkdir');

    // 1. Keys: the service's and the operator's, and each agency's, each with the .pub it sends.
    const [ml, operator, ...agencies] = await Promise.all([
      ...commands(readmeBlock('ml-keys')).map((line) => run(line, at('ml-team'))),
      ...AGENCIES.map((agency) => run(as(agency, readmeBlock('agency-keys')), at(agency))),
    ]);
    expectOk(ml, 'keys new (service)');
    expectOk(operator, 'keys new (operator)');
    agencies.forEach((ran, i) => expectOk(ran, `keys new (${AGENCIES[i]})`));
    coordinatorKey = (await readFile(join(at('ml-team'), 'coordinator.pub'), 'utf8')).trim();
    expect(coordinatorKey).toMatch(/^[0-9a-f]{64}$/);
    expect(ml.out).toContain(`public key: ${coordinatorKey}`);

    // 2. The ML team enrols the three agencies and its operator, and starts the service (on free ports for 7400 and 7401).
    const [port, httpPort] = [await freePort(), await freePort()];
    const serveBlock = readmeBlock('ml-serve');
    for (const line of commands(serveBlock).filter((l) => /^npx cohort (enroll|operator)/.test(l))) expectOk(await run(line, at('ml-team')), line);
    const service = background(`${command(serveBlock, 'npx cohort serve')} --port ${port} --http-port ${httpPort}`, at('ml-team'));

    // Meanwhile each agency writes the README's policy with the key the ML team sent and its own
    // shard, and reads it back in plain words; then, the service listening, starts its client.
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
    await waitFor(service, (r) => r.out.includes(`listening on ws://127.0.0.1:${port}; 3 agencies and 1 operators enrolled`), 'the service to listen');
    expect(service.output().out).toContain(`API and dashboard: http://127.0.0.1:${httpPort}/`);
    const client = command(agencyRun, 'npx cohort client --coordinator').replace('127.0.0.1:7400', `127.0.0.1:${port}`);
    const clients = AGENCIES.map((agency) => background(as(agency, client), at(agency)));

    // 3. The run, submitted, listed and followed to its end, as the README writes it (the service on its free port).
    const where = `export COHORT_SERVICE=http://127.0.0.1:${httpPort}\n`;
    const [submit, list, follow] = commands(readmeBlock('ml-submit'));
    const submitted = await run(where + submit, at('ml-team'));
    expectOk(submitted, 'run submit');
    expect(submitted.out).toMatch(/^submitted run mnist-1: (queued|running)/m);
    const listed = await run(where + list, at('ml-team'));
    expectOk(listed, 'run list');
    expect(listed.out).toMatch(/^mnist-1 +(queued|running) +0 ok +\S+ +alice/m);
    const followed = await run(where + follow, at('ml-team'), 240_000);
    expectOk(followed, 'run logs --follow');
    expect(followed.out).toContain('alice asked to submit the run');
    expect(followed.out).toContain('run finished after 3 rounds: 3 of 3 rounds aggregated');
    expect(service.output().out.match(/^mnist-1: round +\d\/3 +ok .*accuracy/gm)).toHaveLength(3);
    expect(service.output().out).toContain('run mnist-1 finished: 3 of 3 rounds aggregated');

    // 4. The export, and the README's snippet that loads it: a trained model, not the initial one.
    expectOk(await run(where + readmeBlock('ml-export'), at('ml-team')), 'run export');
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

    // Ctrl-C: the service and the clients, which stayed connected after the run, stop cleanly.
    service.kill('SIGINT');
    const stopped = await exitOf(service);
    expectOk(stopped, 'cohort serve after Ctrl-C');
    expect(stopped.out).toContain('service stopped');
    for (const [i, c] of clients.entries()) {
      expect(c.exitCode, `client ${AGENCIES[i]} stayed up across the run`).toBeNull();
      c.kill('SIGINT');
      expectOk(await exitOf(c, 30_000), `client ${AGENCIES[i]}`);
    }
  }, 300_000);

  it('TLS across machines: the README\'s openssl recipe serves wss://; a client with --ca joins, one without exits 1 naming --ca', async () => {
    expect(coordinatorKey).toBeDefined();
    // The coordinator's host here is localhost: the name a user sets HOST to.
    const recipe = readmeBlock('tls-ca').replace('HOST=coordinator.example.gov', 'HOST=localhost');
    expectOk(await run(recipe, at('ml-team')), 'openssl recipe');
    const [port, httpPort] = [await freePort(), await freePort()];
    const tlsRun = readmeBlock('tls-run');
    const coordinator = background(`${command(tlsRun, 'npx cohort serve')} --port ${port} --http-port ${httpPort}`, at('ml-team'));
    await waitFor(coordinator, (r) => r.out.includes(`listening on wss://0.0.0.0:${port}`), 'the TLS service to listen');

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

    // Ctrl-C: the service stops, exit 0.
    coordinator.kill('SIGINT');
    const stopped = await exitOf(coordinator);
    expectOk(stopped, 'TLS service after Ctrl-C');
    expect(stopped.out).toContain('service stopped');
  }, 120_000);
});
