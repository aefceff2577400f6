// An agency's policy is enforced on its own side: a client whose policy forbids the run's
// purpose, and one whose minimum cohort the round does not meet, each send nothing but their
// refusal. Five real client processes on a secure (SecAgg+) run; two of them talk to the
// coordinator through a recording relay that decodes every envelope they send. The ledger
// shows each refusal with its code and no commitment, and the relay shows that the one
// message each sent per round was a RoundAnswer decline: no keys, no dataset, no update.
import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { decodeFrame, decodeMessage, socketBytes } from '../../proto/framing.js';
import { builtCli, smallRun, testFederation, type TestFederation } from './federation.js';

let t: TestFederation | undefined;
let relay: WebSocketServer | undefined;
afterEach(async () => {
  if (relay) {
    for (const c of relay.clients) c.terminate();
    await new Promise<void>((resolve) => relay!.close(() => resolve()));
    relay = undefined;
  }
  await t?.cleanup();
  t = undefined;
});

interface Sent {
  agency: string;
  kind: string;
  round: number;
  stage: number;
  detail?: Record<string, unknown>;
}

/** A transparent relay that records what each client sends, decoded. */
async function recordingRelay(target: string, log: Sent[]): Promise<string> {
  relay = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((resolve) => relay!.once('listening', () => resolve()));
  relay.on('connection', (down) => {
    const up = new WebSocket(target, { perMessageDeflate: false });
    const pending: Buffer[] = [];
    up.on('error', () => down.terminate());
    down.on('error', () => up.terminate());
    up.on('open', () => { for (const b of pending.splice(0)) up.send(b); });
    down.on('message', (data) => {
      const bytes = data as Buffer;
      const frame = decodeFrame(socketBytes(bytes), 1 << 30);
      if (frame.kind === 'envelope') {
        const e = frame.envelope!;
        const message = decodeMessage(e.payload!);
        const answer = message.kind === 'roundAnswer' ? message.roundAnswer! : undefined;
        log.push({
          agency: e.sender!, kind: message.kind!, round: e.round!, stage: e.stage!,
          ...(answer ? { detail: { accept: answer.accept, code: answer.code, hasKeys: !!answer.keyAdvert, hasDataset: !!answer.dataset, examples: answer.examples } } : {}),
        });
      }
      if (up.readyState === WebSocket.OPEN) up.send(bytes); else pending.push(bytes);
    });
    up.on('message', (data) => down.send(data as Buffer));
    up.on('close', (code, reason) => down.close(code === 1005 || code === 1006 ? 1000 : code, reason));
    down.on('close', () => up.close());
  });
  return `ws://127.0.0.1:${(relay.address() as AddressInfo).port}`;
}

describe.skipIf(!builtCli())('a client refuses by its own policy, and sends nothing but the refusal', () => {
  it('purpose not allowed (POLICY_PURPOSE) and cohort below the minimum (POLICY_MIN_COHORT): a decline each round, no keys, no update, a refusal in the ledger', async () => {
    const config = smallRun({ runId: 'policy', rounds: 2, secagg: { enabled: true }, minCohort: 3, selection: { min: 5 } });
    t = await testFederation('policy', config, 5, {
      override: (i, policy) => i === 3 ? { ...policy, purposes: ['cancer registry statistics'] }
        : i === 4 ? { ...policy, minCohort: 10 } : policy,
    });
    const sent: Sent[] = [];
    const relayed = await recordingRelay(t.coordinator.url, sent);
    const names = t.federation.agencies.map((a) => a.name);
    for (const name of names) t.spawn(name, name === 'agency-4' || name === 'agency-5' ? relayed : undefined);
    await t.waitForSessions(names);

    const result = await t.coordinator.run(config, t.model);
    expect(result.state.status).toBe('finished');
    expect(result.state.completedRounds).toBe(2);
    for (const record of result.state.history) expect(record).toMatchObject({ status: 'ok', contributors: 3, declined: 2 });

    const ledger = await t.ledger();
    const of = (type: string, agency: string) => ledger.filter((e) => e.type === type && (e.body.agency === agency
      || (Array.isArray(e.body.cohort) && (e.body.cohort as { agency: string }[]).some((c) => c.agency === agency))));
    const expected = { 'agency-4': 'POLICY_PURPOSE', 'agency-5': 'POLICY_MIN_COHORT' } as const;
    for (const [agency, code] of Object.entries(expected)) {
      const refusals = of('refusal', agency);
      expect(refusals.map((e) => [e.body.round, e.body.code])).toEqual([[1, code], [2, code]]);
      expect(of('commitment', agency)).toEqual([]);
      expect(of('round_opened', agency)).toEqual([]);
      expect(of('agency_joined', agency)).toEqual([]);
      // On the wire: per round, one message, the decline, carrying nothing of the agency's.
      const mine = sent.filter((s) => s.agency === agency);
      expect(mine).toEqual([1, 2].map((round) => ({
        agency, kind: 'roundAnswer', round, stage: 1,
        detail: { accept: false, code, hasKeys: false, hasDataset: false, examples: 0 },
      })));
    }
    // Only the two refusers went through the relay.
    expect(new Set(sent.map((s) => s.agency))).toEqual(new Set(['agency-4', 'agency-5']));
    // Three agencies contributed to each round, with commitments.
    for (const honest of ['agency-1', 'agency-2', 'agency-3']) expect(of('commitment', honest)).toHaveLength(2);

    await t.stop();
    const report = await t.verify();
    expect(report.ok, JSON.stringify(report.failure)).toBe(true);
  });
});
