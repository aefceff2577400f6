// A run's life on the service (ledger/run-lifecycle.ts), as the service's book derives statuses
// from it and as the auditor's verifier checks it: operators' requests, signed with their own
// keys, in a ledger the real writer writes. The verifier refuses what the table refuses, at that
// line, and the book shows what the table says; a forged or replayed request, or one naming
// another path, is caught.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../bytes/digest.js';
import { verifyLedger, type VerifyReport } from '../../audit/verify.js';
import { RunBook, type RunStatus } from '../../coordinator/run-book.js';
import { toHex, type Identity } from '../../identity/keys.js';
import type { EntryType, LedgerEntry } from '../../ledger/entries.js';
import { actionPath, OPERATOR_HEADERS, signOperatorRequest, type OperatorActionName } from '../../ledger/operator-request.js';
import { lifeAfter, type LifecycleEntry, type RunLife } from '../../ledger/run-lifecycle.js';
import { LedgerWriter } from '../../ledger/writer.js';
import { coordinator, fixedClock, MAIN_RUN, seeded } from '../audit/fixture.js';

const alice = seeded(40);
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

type Step = { type: EntryType; body: Record<string, unknown> };

/** An operator's request for `act` on `runId`, signed as the CLI signs it, recorded as the service records it. */
function request(runId: string, act: OperatorActionName, options: { signer?: Identity; path?: string; sentTo?: string } = {}): Step {
  const body = Buffer.from(act === 'submit' ? JSON.stringify({ runId }) : '');
  const signedPath = options.path ?? actionPath(act, runId);
  const headers = signOperatorRequest(options.signer ?? alice, 'alice', 'POST', signedPath, body);
  return {
    type: 'operator_action', body: {
      runId, action: act, operator: 'alice', operatorKey: toHex(alice.publicKey),
      request: {
        method: 'POST', path: options.sentTo ?? signedPath, bodySha256: sha256Hex(body), timestamp: Number(headers[OPERATOR_HEADERS.timestamp]),
        nonce: headers[OPERATOR_HEADERS.nonce], signature: headers[OPERATOR_HEADERS.signature],
      },
    },
  };
}
const created = (runId: string): Step => ({ type: 'run_created', body: { ...MAIN_RUN, runId, secagg: null, dp: null } });
const finished = (runId: string, reason = 'done'): Step => ({ type: 'run_finished', body: { runId, rounds: 0, reason } });
const failed = (runId: string): Step => ({ type: 'run_failed', body: { runId, reason: 'its agencies declined it' } });

async function write(steps: Step[]): Promise<{ report: VerifyReport; entries: LedgerEntry[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-life-'));
  dirs.push(dir);
  const entries: LedgerEntry[] = [];
  const writer = await LedgerWriter.open(join(dir, 'ledger.jsonl'), coordinator, { now: fixedClock() });
  await writer.follow((e) => entries.push(e));
  for (const step of steps) await writer.append(step.type, step.body as never);
  await writer.close();
  return { report: verifyLedger(await readFile(join(dir, 'ledger.jsonl')), { coordinatorKey: coordinator.publicKey }), entries };
}

function statuses(entries: LedgerEntry[]): Record<string, RunStatus> {
  const book = new RunBook();
  for (const entry of entries) book.apply(entry);
  return Object.fromEntries(book.list().map((r) => [r.runId, r.status]));
}

describe('a run\'s life', () => {
  it('gives each status, and the verifier accepts every step the service takes', async () => {
    const { report, entries } = await write([
      request('a', 'submit'), request('b', 'submit'), request('c', 'submit'), request('d', 'submit'),
      created('a'), request('a', 'pause'), request('b', 'stop'), created('c'), failed('d'),
      created('e'), finished('e', 'only 0 agencies connected'), request('a', 'resume'), request('a', 'stop'),
    ]);
    expect(report.failure).toBeNull();
    // a: stopping, not yet ended; b: stopped before it began; c: running; d: failed before it began; e: ended with no round aggregated.
    expect(statuses(entries)).toEqual({ a: 'running', b: 'stopped', c: 'running', d: 'failed', e: 'failed' });
    const more = await write([...entries.map((e) => ({ type: e.type, body: e.body as Record<string, unknown> })), finished('a', 'stopped by alice'), request('c', 'pause')]);
    expect(more.report.failure).toBeNull();
    expect(statuses(more.entries)).toMatchObject({ a: 'stopped', c: 'paused' });
  });

  // Random sequences of the service's steps on three runs: the verifier accepts exactly the steps
  // the table allows, and stops at the first it refuses, at its line.
  it('the verifier refuses exactly what the table refuses (200 random sequences)', async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const makers: Array<(runId: string) => Step> = [
      (r) => request(r, 'submit'), (r) => request(r, 'pause'), (r) => request(r, 'resume'), (r) => request(r, 'stop'),
      created, (r) => finished(r), failed,
    ];
    for (let trial = 0; trial < 200; trial++) {
      const lives = new Map<string, RunLife>();
      const steps: Step[] = [];
      let refusedAt = -1;
      while (steps.length < 10 && refusedAt === -1) {
        const step = makers[random(makers.length)](['x', 'y', 'z'][random(3)]);
        const runId = step.body.runId as string;
        const next = lifeAfter(lives.get(runId), step as unknown as LifecycleEntry);
        steps.push(step);
        if (next.ok) lives.set(runId, next.life);
        else refusedAt = steps.length;
      }
      const { report } = await write(steps);
      if (refusedAt === -1) expect(report.failure, JSON.stringify(steps.map((s) => [s.type, s.body.action, s.body.runId]))).toBeNull();
      // A run created twice is PARAMS_CHANGED (its parameters cannot be restated); anything else out of its life is ORDER.
      else {
        const last = steps.at(-1)!;
        const createdBefore = steps.slice(0, -1).some((s) => s.type === 'run_created' && s.body.runId === last.body.runId);
        expect(report.failure).toMatchObject({ line: refusedAt, code: last.type === 'run_created' && createdBefore ? 'PARAMS_CHANGED' : 'ORDER' });
      }
    }
  }, 60_000);

  it('catches a request the operator did not sign, one replayed, and one recorded under another path', async () => {
    const forged = await write([request('a', 'submit', { signer: seeded(99) })]);
    expect(forged.report.failure).toMatchObject({ line: 1, code: 'OPERATOR_SIGNATURE' });

    const submit = request('a', 'submit');
    const stop = request('a', 'stop');
    (stop.body.request as Record<string, unknown>).nonce = (submit.body.request as Record<string, unknown>).nonce;
    const replayed = await write([submit, created('a'), stop]);
    // The nonce is signed over: changing it breaks the signature first; a true replay repeats the whole request.
    expect(replayed.report.failure).toMatchObject({ line: 3, code: 'OPERATOR_SIGNATURE' });
    const twice = await write([submit, request('b', 'submit'), submit]);
    expect(twice.report.failure).toMatchObject({ line: 3, code: 'INCONSISTENT' });
    expect(twice.report.failure!.message).toContain('a replay');

    const elsewhere = await write([request('a', 'submit'), created('a'), request('a', 'stop', { path: '/api/runs/b/stop', sentTo: '/api/runs/b/stop' })]);
    expect(elsewhere.report.failure).toMatchObject({ line: 3, code: 'INCONSISTENT' });
    expect(elsewhere.report.failure!.message).toContain('is a request to /api/runs/a/stop');
  });

  it('ends a failed run in the verifier\'s report, and refuses one failed with a round open', async () => {
    const { report } = await write([request('a', 'submit'), created('a'), failed('a')]);
    expect(report.runs).toEqual([expect.objectContaining({ runId: 'a', status: 'finished', finishReason: 'failed: its agencies declined it' })]);
    const labs = [50, 51, 52].map((n, i) => ({ agency: `lab-${i}`, identityKey: toHex(seeded(n).publicKey) }));
    const joins: Step[] = labs.map((m) => ({ type: 'agency_joined', body: { runId: 'a', ...m, dataset: { sha256: sha256Hex(m.agency), schema: 's', rows: 1, license: 'x' } } }));
    const opened: Step = { type: 'round_opened', body: { runId: 'a', round: 1, cohort: labs, minCohort: 3, offerSha256: sha256Hex('offer a 1') } };
    const open = await write([request('a', 'submit'), created('a'), ...joins, opened, failed('a')]);
    expect(open.report.failure).toMatchObject({ line: 7, code: 'ORDER', message: expect.stringContaining('round 1 is still open') });
    const closed = await write([request('a', 'submit'), created('a'), ...joins, opened,
      { type: 'round_closed', body: { runId: 'a', round: 1, status: 'abandoned', reason: 'the run failed' } }, failed('a')]);
    expect(closed.report.failure).toBeNull();
  });

  // A coordinator killed after its offers left skips that round number on restart (runs/<id>/offered.json),
  // so round numbers have gaps; the service's stop then ends the run with the book's count, which must be
  // the count of rounds opened, as the verifier counts them, not the highest round number.
  it('counts the rounds opened when a round number was skipped, and the stop it ends the run with verifies', async () => {
    const labs = [50, 51, 52].map((n, i) => ({ agency: `lab-${i}`, identityKey: toHex(seeded(n).publicKey) }));
    const joins: Step[] = labs.map((m) => ({ type: 'agency_joined', body: { runId: 'a', ...m, dataset: { sha256: sha256Hex(m.agency), schema: 's', rows: 1, license: 'x' } } }));
    const round = (n: number): Step[] => [
      { type: 'round_opened', body: { runId: 'a', round: n, cohort: labs, minCohort: 3, offerSha256: sha256Hex(`offer a ${n}`) } },
      { type: 'round_closed', body: { runId: 'a', round: n, status: 'abandoned', reason: 'an agency dropped' } },
    ];
    const steps = [request('a', 'submit'), created('a'), ...joins, ...round(1), ...round(3), request('a', 'stop')];
    const { entries } = await write(steps);
    const book = new RunBook();
    for (const entry of entries) book.apply(entry);
    expect(book.get('a')).toMatchObject({ roundsOpened: 2, lastRound: 3, roundsAbandoned: 2, openRound: null });
    const { report } = await write([...steps, { type: 'run_finished', body: { runId: 'a', rounds: book.get('a')!.roundsOpened, reason: 'stopped by alice' } }]);
    expect(report.failure).toBeNull();
  });
});
