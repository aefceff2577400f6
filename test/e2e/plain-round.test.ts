// Plaintext rounds end to end: a coordinator and real agency client processes over real
// WebSockets, SecAgg off, the MNIST 2NN for one local epoch. Faults are real too: a client is
// SIGKILLed and another SIGSTOPped mid-round; the coordinator is stopped and restarted.
// Needs dist/ (npx tsc -p tsconfig.json) for the client processes.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RunProgress } from '../../coordinator/run-progress.js';
import type { RoundRecord } from '../../coordinator/run-store.js';
import { exited } from '../../examples/local-federation.js';
import { BUILT_CLI, builtCli, entriesFor, harness, plainConfig, type Harness } from '../helpers/federation.js';
import { freePort } from '../helpers/in-process-cli.js';

let h: Harness | undefined;
let coordinatorProcess: ChildProcess | undefined;
afterEach(async () => {
  coordinatorProcess?.kill('SIGKILL');
  if (coordinatorProcess) await exited(coordinatorProcess, 5_000);
  coordinatorProcess = undefined;
  await h?.cleanup();
  h = undefined;
});

describe.skipIf(!builtCli())('plaintext rounds with real client processes', () => {
  it('a client killed and another frozen mid-round do not stall the run: the round closes at its deadline without them', async () => {
    const config = plainConfig({ runId: 'dropout', rounds: 3, deadlines: { answerMs: 20_000, uploadMs: 20_000, exchangeMs: 10_000 } });
    // agency-3 and agency-4 hold four times the data of the others (4,000 digits against 1,000),
    // so they are surely still training when every answer is in and they are stopped, while the
    // others finish well inside the upload deadline even on a loaded machine.
    h = await harness('dropout', config, 4, (i, policy) => ({
      ...policy, dataset: { ...(policy.dataset as object), agencyShard: i >= 2 ? { index: i - 2, count: 2 } : { index: i, count: 8 } },
    }));
    const coordinator = await h.start();
    for (const a of h.federation.agencies) h.spawn(a.name);
    await h.waitForSessions(4);

    const killed = h.children.get('agency-4')!;
    const frozen = h.children.get('agency-3')!;
    const stageLog: string[] = [];
    const result = await coordinator.run(config, h.model, {
      onStage(round, stage, done, total) {
        stageLog.push(`${round}:${stage}:${done}/${total}`);
        if (round === 2 && stage === 'answer' && done === total) {
          killed.kill('SIGKILL');
          frozen.kill('SIGSTOP');
        }
      },
      onRoundEnd(record) {
        if (record.round === 2) frozen.kill('SIGCONT');
      },
    });

    // The run went through all its rounds and finished.
    expect(result.state.status).toBe('finished');
    expect(result.state.lastRound).toBe(3);
    expect(result.state.completedRounds).toBe(3);
    expect(stageLog).toContain('2:answer:4/4');
    const [r1, r2, r3] = result.state.history;
    expect(r1).toMatchObject({ status: 'ok', contributors: 4, dropped: 0 });
    // Round 2 aggregated the two that were left; the history names who was left out and why.
    expect(r2).toMatchObject({ status: 'ok', contributors: 2, dropped: 2 });
    expect(r2.dropouts).toEqual({ 'agency-3': 'no answer within 20000 ms', 'agency-4': 'disconnected' });
    expect(r3.status).toBe('ok');
    expect(r3.contributors).toBeGreaterThanOrEqual(2);
    expect(r3.dropouts?.['agency-4']).toBeUndefined(); // gone for good: not offered round 3 at all
    // Each round's record is kept for people to read (rounds.jsonl), beside the ledger.
    const kept = (await readFile(join(h.federation.coordinatorDir, 'runs', 'dropout', 'rounds.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as RoundRecord);
    expect(kept[1].dropouts).toEqual(r2.dropouts);

    // The ledger records the dropouts, commits only the survivors, and verifies.
    const ledger = await h.ledger();
    expect(entriesFor(ledger, 'dropout', 2).map((e) => e.body.agency).sort()).toEqual(['agency-3', 'agency-4']);
    expect(entriesFor(ledger, 'commitment', 2).map((e) => e.body.agency).sort()).toEqual(['agency-1', 'agency-2']);
    expect(entriesFor(ledger, 'aggregate', 2)[0].body.inputs).toBe(2);
    expect(entriesFor(ledger, 'round_closed').map((e) => e.body.status)).toEqual(['ok', 'ok', 'ok']);
    expect(entriesFor(ledger, 'round_opened', 3)[0].body.cohort).not.toContainEqual(expect.objectContaining({ agency: 'agency-4' }));
    const report = await h.verify();
    expect(report.failure).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.runs[0]).toMatchObject({ status: 'finished', roundsOk: 3, roundsAbandoned: 0, dropouts: 2 });
    expect(report.receiptsChecked).toBeGreaterThan(0);
  });

  it('resumes after the coordinator is stopped mid-round and restarted on the same data dir: the ledger goes on without a gap or a duplicate', async () => {
    const config = plainConfig({ runId: 'resume', rounds: 3, strategy: 'fedavgm', serverLearningRate: 1 });
    h = await harness('resume', config, 3);
    const port = await freePort();
    let coordinator = await h.start(port);
    // No --exit-when-done: the clients reconnect to the restarted coordinator on the same port.
    for (const a of h.federation.agencies) h.spawn(a.name, []);
    await h.waitForSessions(3);

    // Stop while round 2 is waiting for its updates.
    const stop = new AbortController();
    const first = await coordinator.run(config, h.model, {
      onStage(round, stage) { if (round === 2 && stage === 'upload') stop.abort(); },
    }, stop.signal);
    expect(first.state.status).toBe('stopped');
    expect(first.state.completedRounds).toBe(1);
    await coordinator.close();
    const before = await h.ledger();
    expect(entriesFor(before, 'round_opened', 2)).toHaveLength(1);

    coordinator = await h.start(port);
    await h.waitForSessions(3);
    const second = await coordinator.run(config, h.model);
    expect(second.state.status).toBe('finished');
    expect(second.state.lastRound).toBe(3);

    const ledger = await h.ledger();
    // The old ledger is a prefix of the new one; sequence numbers run 0, 1, 2, ... with no gap or repeat.
    expect(ledger.slice(0, before.length)).toEqual(before);
    expect(ledger.map((e) => e.seq)).toEqual(ledger.map((_, i) => ledger[0].seq + i));
    // Every round number opened at most once and closed exactly once; one run_created, one run_finished.
    for (const round of [1, 2, 3]) {
      expect(entriesFor(ledger, 'round_closed', round)).toHaveLength(1);
      expect(entriesFor(ledger, 'round_opened', round).length).toBeLessThanOrEqual(1);
    }
    expect(entriesFor(ledger, 'run_created')).toHaveLength(1);
    expect(entriesFor(ledger, 'run_finished')).toHaveLength(1);
    expect(entriesFor(ledger, 'round_closed', 3)[0].body.status).toBe('ok');
    expect(entriesFor(ledger, 'note').some((e) => /resumed after round 2/.test(String(e.body.text)))).toBe(true);
    const report = await h.verify();
    expect(report.failure).toBeNull();
    expect(report.runs[0]).toMatchObject({ status: 'finished', rounds: 3 });
    expect(second.state.completedRounds).toBe(report.runs[0].roundsOk);
    // FedAvgM's velocity is checkpointed with the model, for the next resume.
    const strategyState = JSON.parse(await readFile(join(second.checkpointDir, 'strategy.json'), 'utf8')) as Record<string, string>;
    expect(Buffer.from(strategyState.velocity, 'base64').length).toBe(4 * h.model.parameters);
  });

  it('resumes after the coordinator process is SIGKILLed mid-round: the open round is closed as abandoned, the ledger goes on and verifies', async () => {
    // The config the agencies' policies are written for; the coordinator process gets the same as flags.
    const config = plainConfig({ runId: 'crash', rounds: 3, selection: { min: 3 }, minCohort: 3, train: { epochs: 1, batchSize: 5, learningRate: 0.05 } });
    h = await harness('crash', config, 3);
    const port = await freePort();
    const { coordinatorDir } = h.federation;
    const startProcess = (label: string) => {
      const child = spawn(process.execPath, [BUILT_CLI, 'coordinator', '--data-dir', coordinatorDir, '--key', join(coordinatorDir, 'coordinator.key'),
        '--port', String(port), '--run-id', 'crash', '--rounds', '3', '--epochs', '1', '--batch-size', '5', '--lr', '0.05',
        '--min-agencies', '3', '--secagg', 'off', '--upload-timeout-ms', '30000', '--engine', 'auto', '--log-level', 'info', '--roster', join(h!.dir, 'roster.json')],
      { stdio: ['ignore', 'pipe', 'pipe'] });
      const out = createWriteStream(join(h!.dir, 'logs', `coordinator-${label}.out`));
      child.stdout!.pipe(out);
      child.stderr!.pipe(out);
      coordinatorProcess = child;
      return child;
    };
    const ledgerHas = async (type: string, round: number) => entriesFor(await h!.ledger().catch(() => []), type, round).length > 0;

    const first = startProcess('first');
    // The clients reconnect (no --exit-when-done), with backoff, to whatever listens on the port.
    for (const a of h.federation.agencies) h.spawn(a.name, [], `ws://127.0.0.1:${port}`);
    await waitFor(() => ledgerHas('round_opened', 2), 90_000, 'round 2 to open');
    first.kill('SIGKILL');
    await exited(first, 5_000);
    const before = await h.ledger();
    // Killed mid-round: round 2 opened and never closed (batch size 5 keeps the clients training for a while).
    expect(entriesFor(before, 'round_closed', 2)).toHaveLength(0);
    expect(entriesFor(before, 'round_closed', 1)[0].body.status).toBe('ok');

    const second = startProcess('second');
    expect(await exited(second, 120_000)).toBe(0);
    const ledger = await h.ledger();
    expect(ledger.slice(0, before.length)).toEqual(before);
    expect(ledger.map((e) => e.seq)).toEqual(ledger.map((_, i) => ledger[0].seq + i));
    const closed2 = entriesFor(ledger, 'round_closed', 2);
    expect(closed2).toHaveLength(1);
    expect(closed2[0].body).toMatchObject({ status: 'abandoned', reason: 'the coordinator restarted during the round' });
    expect(entriesFor(ledger, 'round_opened', 2)).toHaveLength(1);
    expect(entriesFor(ledger, 'round_closed', 3).map((e) => e.body.status)).toEqual(['ok']);
    expect(entriesFor(ledger, 'run_created')).toHaveLength(1);
    expect(entriesFor(ledger, 'run_finished')).toHaveLength(1);
    const report = await h.verify();
    expect(report.failure).toBeNull();
    expect(report.runs[0]).toMatchObject({ status: 'finished', rounds: 3, roundsOk: 2, roundsAbandoned: 1 });
    // What the run did is what its ledger says: the model is round 3's checkpoint.
    const progress = await RunProgress.read(join(coordinatorDir, 'ledger.jsonl'), 'crash');
    expect(progress).toMatchObject({ lastRound: 3, roundsOpened: 3, okRounds: [1, 3], finished: { rounds: 3 } });
    expect(progress.lastOk.round).toBe(3);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

