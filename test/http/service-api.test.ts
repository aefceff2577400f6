// The run service's API over real loopback sockets, with no agency connected: who may change a
// run (an enrolled operator's fresh, single-use signature over exactly this request), what each
// change does to the runs (queued, running, paused, stopped, failed), and what a restart keeps
// (the queue, from the ledger and the configs on disk). Every ledger written here verifies.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../audit/verify.js';
import { AGENCIES, Enrolment, OPERATORS } from '../../coordinator/enrolment.js';
import { DEFAULT_LIMITS } from '../../coordinator/limits.js';
import { RunBook, type BookedRun } from '../../coordinator/run-book.js';
import { readLedger } from '../../coordinator/run-log.js';
import { RunService } from '../../coordinator/run-service.js';
import { SUBMITTED_FILE } from '../../coordinator/run-store.js';
import { generateIdentity, toHex, type Identity } from '../../identity/keys.js';
import { signOperatorRequest } from '../../ledger/operator-request.js';
import { initEngine } from '../../ml/engine.js';
import { silent } from '../helpers/federation.js';

const coordinator = generateIdentity();
const alice = generateIdentity();
let dir: string;
let services: RunService[] = [];

beforeAll(async () => {
  await initEngine();
});

afterEach(async () => {
  for (const service of services) await service.close();
  services = [];
  await rm(dir, { recursive: true, force: true });
});

async function start(): Promise<RunService> {
  const operators = await Enrolment.open(dir, OPERATORS);
  if (!operators.lookup('alice')) await operators.add('alice', toHex(alice.publicKey));
  const service = await RunService.start({
    dataDir: dir, identity: coordinator, agencies: await Enrolment.open(dir, AGENCIES), operators,
    host: '127.0.0.1', port: 0, limits: DEFAULT_LIMITS, log: silent, http: { host: '127.0.0.1', port: 0 },
  });
  services.push(service);
  return service;
}

interface Reply { status: number; body: any }

function send(service: RunService, method: string, path: string, body = '', headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, service.apiUrl), { method, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function signed(service: RunService, path: string, body = '', who: { operator: string; identity: Identity } = { operator: 'alice', identity: alice }, now?: number): Promise<Reply> {
  return send(service, 'POST', path, body, signOperatorRequest(who.identity, who.operator, 'POST', path, Buffer.from(body), now));
}

const config = (runId: string, extra: Record<string, unknown> = {}) => JSON.stringify({
  runId, purpose: 'service test', model: 'mnist-2nn', rounds: 2, train: { epochs: 1, batchSize: 10, learningRate: 0.1 }, waitForAgenciesMs: 600_000, ...extra,
});

async function statuses(service: RunService): Promise<Record<string, string>> {
  const { body } = await send(service, 'GET', '/api/runs');
  return Object.fromEntries((body.runs as BookedRun[]).map((r) => [r.runId, r.status]));
}

async function until(service: RunService, check: (s: Record<string, string>) => boolean): Promise<Record<string, string>> {
  for (let i = 0; i < 400; i++) {
    const now = await statuses(service);
    if (check(now)) return now;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`statuses never came: ${JSON.stringify(await statuses(service))}`);
}

/** The ledger verifies; and the service's book is what a fresh fold of the ledger gives. */
async function checkLedger(service: RunService): Promise<string[]> {
  const report = verifyLedger(await readFile(join(dir, 'ledger.jsonl')), { coordinatorKey: coordinator.publicKey });
  expect(report.failure).toBeNull();
  const book = new RunBook();
  for (const entry of await readLedger(join(dir, 'ledger.jsonl'))) book.apply(entry);
  expect(book.list()).toEqual(service.list());
  return (await readLedger(join(dir, 'ledger.jsonl'))).filter((e) => e.type === 'operator_action')
    .map((e) => e.type === 'operator_action' ? `${e.body.operator} ${e.body.action} ${e.body.runId}` : '');
}

describe('the run service API', () => {
  it('acts only on an enrolled operator\'s fresh signature over exactly this request, once', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cohort-api-'));
    const service = await start();
    const body = config('guarded');
    const refused = async (reply: Promise<Reply>, status: number, code: string) => {
      const { status: got, body: answer } = await reply;
      expect([got, answer.error.code]).toEqual([status, code]);
    };
    await refused(send(service, 'POST', '/api/runs', body), 401, 'UNSIGNED');
    await refused(signed(service, '/api/runs', body, { operator: 'mallory', identity: generateIdentity() }), 403, 'UNKNOWN_OPERATOR');
    await refused(signed(service, '/api/runs', body, { operator: 'alice', identity: generateIdentity() }), 401, 'BAD_SIGNATURE');
    // Signed over one body, sent with another; signed for one path, sent to another.
    const headers = signOperatorRequest(alice, 'alice', 'POST', '/api/runs', Buffer.from(config('other')));
    await refused(send(service, 'POST', '/api/runs', body, headers), 401, 'BAD_SIGNATURE');
    await refused(send(service, 'POST', '/api/runs/guarded/stop', '', signOperatorRequest(alice, 'alice', 'POST', '/api/runs/other/stop', Buffer.alloc(0))), 401, 'BAD_SIGNATURE');
    await refused(signed(service, '/api/runs', body, undefined, Date.now() - 120_000), 401, 'STALE_REQUEST');
    await refused(send(service, 'POST', '/api/runs', body, { ...headers, 'cohort-nonce': 'not hex' }), 401, 'MALFORMED_SIGNATURE');
    await refused(send(service, 'GET', '/api/runs', '', { Host: 'evil.example:80' }), 421, 'WRONG_HOST');

    const good = signOperatorRequest(alice, 'alice', 'POST', '/api/runs', Buffer.from(body));
    expect((await send(service, 'POST', '/api/runs', body, good)).status).toBe(201);
    await refused(send(service, 'POST', '/api/runs', body, good), 401, 'REPLAYED_REQUEST');
    await refused(signed(service, '/api/runs', body), 409, 'RUN_EXISTS');
    await refused(signed(service, '/api/runs', config('Guarded')), 409, 'RUN_EXISTS');
    await refused(signed(service, '/api/runs', '{"runId": "x",}'), 400, 'BAD_RUN_CONFIG');
    await refused(signed(service, '/api/runs', config('bad', { rounds: 0 })), 400, 'BAD_RUN_CONFIG');
    await refused(signed(service, '/api/runs', config('nomodel', { model: 'layers-json', modelPath: join(dir, 'none.json') })), 400, 'BAD_MODEL');
    await refused(signed(service, '/api/runs/nobody/stop'), 404, 'NO_SUCH_RUN');

    // A signed read tells the page who the key is.
    const me = await send(service, 'GET', '/api/operator', '', signOperatorRequest(alice, 'alice', 'GET', '/api/operator', Buffer.alloc(0)));
    expect(me.body).toEqual({ operator: 'alice', operatorKey: toHex(alice.publicKey) });
    // The page and its assets carry the Content-Security-Policy.
    const page = await new Promise<string | undefined>((resolve) => request(service.apiUrl, (res) => { resolve(res.headers['content-security-policy'] as string); res.resume(); }).end());
    expect(page).toBe("default-src 'self'");
    expect(await checkLedger(service)).toEqual(['alice submit guarded']);
  });

  it('runs what is queued in order: one that cannot run fails with why, a queued one stops, a running one pauses, resumes and stops', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cohort-api-'));
    const service = await start();
    // No agency is connected: a run that will not wait for one ends without a round, failed.
    expect((await signed(service, '/api/runs', config('lonely', { waitForAgenciesMs: 0 }))).status).toBe(201);
    await service.whenEnded('lonely');
    const lonely = (await send(service, 'GET', '/api/runs/lonely')).body;
    expect(lonely).toMatchObject({ status: 'failed', reason: 'only 0 agencies connected; 3 needed', roundsOk: 0 });

    expect((await signed(service, '/api/runs', config('waiting'))).status).toBe(201);
    expect((await signed(service, '/api/runs', config('next'))).status).toBe(201);
    expect(await until(service, (s) => s.waiting === 'running')).toMatchObject({ waiting: 'running', next: 'queued' });
    expect((await signed(service, '/api/runs/next/pause')).body.error.message).toBe('run next has not started: only a running run can pause');
    expect((await signed(service, '/api/runs/next/stop')).body).toMatchObject({ status: 'stopped', reason: 'stopped by alice before it began' });

    expect((await signed(service, '/api/runs/waiting/pause')).body.status).toBe('paused');
    expect((await signed(service, '/api/runs/waiting/pause')).body.error.message).toBe('run waiting is already paused');
    expect((await signed(service, '/api/runs/waiting/resume')).body.status).toBe('running');
    expect((await signed(service, '/api/runs/waiting/stop')).status).toBe(200);
    expect((await signed(service, '/api/runs/waiting/resume')).body.error.message).toBe('run waiting is being stopped (by alice): it cannot be asked to resume');
    expect(await service.whenEnded('waiting')).toMatchObject({ status: 'stopped', reason: 'stopped by alice', stoppedBy: 'alice' });
    expect(await statuses(service)).toEqual({ lonely: 'failed', waiting: 'stopped', next: 'stopped' });

    const log = (await send(service, 'GET', '/api/runs/waiting/log')).body;
    expect(log.lines.map((l: { text: string }) => l.text)).toEqual(expect.arrayContaining([
      'alice asked to submit the run', 'alice asked to pause the run', 'alice asked to resume the run', 'alice asked to stop the run', 'run finished after 0 rounds: stopped by alice',
    ]));
    expect(await checkLedger(service)).toEqual([
      'alice submit lonely', 'alice submit waiting', 'alice submit next', 'alice stop next', 'alice pause waiting', 'alice resume waiting', 'alice stop waiting',
    ]);
    // Every run ended: a verifier that requires it agrees.
    expect(verifyLedger(await readFile(join(dir, 'ledger.jsonl')), { coordinatorKey: coordinator.publicKey, requireFinished: true }).ok).toBe(true);

    // None aggregated a round: no model to export, each refusal saying why (the same words as `cohort model export`).
    const model = (query: string) => send(service, 'GET', `/api/runs/${query}`);
    expect(await model('next/model')).toMatchObject({ status: 404, body: { error: { code: 'NO_MODEL', message: 'run "next" has no model on this service (it has not begun)' } } });
    expect(await model('waiting/model')).toMatchObject({ status: 409, body: { error: { code: 'NO_MODEL', message: expect.stringContaining(
      'run waiting has no aggregated round (finished: stopped by alice; 0 rounds opened, 0 refusals), so its model is the untrained initial one') } } });
    expect(await model('waiting/model?best=1')).toMatchObject({ status: 409, body: { error: { code: 'NO_MODEL', message: expect.stringContaining('so no model is best') } } });
    expect(await model('waiting/model?best=1&round=0')).toMatchObject({ status: 400, body: { error: { code: 'BAD_QUERY', message: '--best and --round choose the model two ways: give one' } } });
    expect((await model('waiting/model?round=0')).body).toMatchObject({ runId: 'waiting', round: 0 });
  });

  it('restarted, it keeps the queue from the ledger and the configs on disk; a config changed on disk fails its run, one no entry names is ignored', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cohort-api-'));
    let service = await start();
    for (const runId of ['holder', 'q1', 'q2']) expect((await signed(service, '/api/runs', config(runId))).status).toBe(201);
    await until(service, (s) => s.holder === 'running');
    expect((await signed(service, '/api/runs/holder/pause')).status).toBe(200);
    await service.close();
    // A config changed on disk after it was submitted; and a crash between a submission's config
    // and its ledger entry, which leaves a config file no entry names.
    await writeFile(join(dir, 'runs', 'q2', SUBMITTED_FILE), config('q2', { rounds: 3 }));
    await mkdir(join(dir, 'runs', 'ghost'));
    await writeFile(join(dir, 'runs', 'ghost', SUBMITTED_FILE), config('ghost', { rounds: 7 }));

    service = await start();
    expect(await until(service, (s) => s.holder === 'paused')).toEqual({ holder: 'paused', q1: 'queued', q2: 'queued' });
    expect((await signed(service, '/api/runs/holder/stop')).status).toBe(200);
    await service.whenEnded('holder');
    await until(service, (s) => s.q1 === 'running');
    expect((await signed(service, '/api/runs/q1/stop')).status).toBe(200);
    const q2 = await service.whenEnded('q2');
    expect(q2.status).toBe('failed');
    expect(q2.reason).toContain(`${SUBMITTED_FILE} is missing, or is not the config submitted`);
    // The stray file is no run; submitted for real, its id is taken, with the config sent now.
    expect((await signed(service, '/api/runs', config('ghost'))).status).toBe(201);
    expect((await send(service, 'GET', '/api/runs/ghost')).body.config.rounds).toBe(2);
    expect((await signed(service, '/api/runs/ghost/stop')).status).toBe(200);
    await service.whenEnded('ghost');
    expect(await checkLedger(service)).toEqual([
      'alice submit holder', 'alice submit q1', 'alice submit q2', 'alice pause holder', 'alice stop holder', 'alice stop q1', 'alice submit ghost', 'alice stop ghost',
    ]);
  });
});
