// Bad input from an enrolled agency, while honest client processes train: an update of the
// wrong length, one with NaN, a truncated one, and a payload that is not a message at all.
// Each is refused with a notice naming the agency and the reason and a ledger note; the round
// goes on with the honest agencies and aggregates. Needs dist/ for the client processes.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { equalBytes, sign, type Identity } from '../../identity/keys.js';
import { COORDINATOR_NAME, SecureChannel, signingBytes, type Opened } from '../../proto/channel.js';
import { Stage } from '../../proto/stages.js';
import { decodeFrame, encodeFrame, socketBytes, type MessageInit } from '../../proto/framing.js';
import { checkServerHello, clientProof, newClientHello } from '../../proto/handshake.js';
import { encodeFloat32LE } from '../../ml/codec.js';
import { commitmentTranscript } from '../../ledger/entries.js';
import { builtCli, entriesFor, harness, plainConfig, type Harness } from '../helpers/federation.js';

let h: Harness | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await h?.cleanup();
  h = undefined;
});

/** An enrolled agency that passes the real handshake, then does what the test says. */
class ScriptedAgency {
  readonly notices: Array<{ code: string; message: string; fatal: boolean }> = [];
  closeCode?: number;
  private channel!: SecureChannel;
  private sessionId!: Uint8Array;
  private seq = 0;

  constructor(readonly name: string, private readonly identity: Identity, private readonly socket: WebSocket) {}

  static async connect(url: string, name: string, identity: Identity, coordinatorKey: Uint8Array,
    onMessage: (agency: ScriptedAgency, opened: Opened) => void): Promise<ScriptedAgency> {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    sockets.push(socket);
    const agency = new ScriptedAgency(name, identity, socket);
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
    const hello = newClientHello(name, identity);
    const reply = new Promise<Uint8Array>((resolve) => socket.once('message', (data) => resolve(socketBytes(data as Buffer))));
    socket.send(encodeFrame({ clientHello: hello }));
    const server = checkServerHello(hello, decodeFrame(await reply, 1 << 30).serverHello!, coordinatorKey, equalBytes);
    socket.send(encodeFrame({ clientProof: { signature: clientProof(hello, server, identity) } }));
    agency.sessionId = server.session;
    agency.channel = new SecureChannel({ name, identity }, { name: COORDINATOR_NAME, key: coordinatorKey }, server.session);
    socket.on('close', (code) => { agency.closeCode = code; });
    socket.on('message', (data) => {
      const opened = agency.channel.open(decodeFrame(socketBytes(data as Buffer), 1 << 30).envelope!);
      if (opened.message.kind === 'notice') {
        const n = opened.message.notice!;
        agency.notices.push({ code: n.code ?? '', message: n.message ?? '', fatal: !!n.fatal });
      } else {
        onMessage(agency, opened);
      }
    });
    return agency;
  }

  send(message: MessageInit, round: number, stage: Stage): void {
    this.seq++;
    this.socket.send(this.channel.seal(message, round, stage));
  }

  /** A correctly signed, correctly numbered envelope whose payload is not a Message. */
  sendRawPayload(payload: Uint8Array, round: number, stage: Stage): void {
    const header = { sender: this.name, session: this.sessionId, seq: ++this.seq, round, stage };
    const signature = sign(signingBytes(header, payload), this.identity.secretKey);
    this.socket.send(encodeFrame({ envelope: { ...header, payload, signature } }));
  }

  async noticeFor(code: string, timeoutMs = 60_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.notices.find((n) => n.code === code);
      if (found) return found;
      if (Date.now() > until) throw new Error(`${this.name} got no ${code} notice; got ${JSON.stringify(this.notices)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe.skipIf(!builtCli())('bad input from an enrolled agency', () => {
  it('is refused with a clear error naming the agency and the reason; the round aggregates the honest updates', async () => {
    const config = plainConfig({ runId: 'bad-input', rounds: 2, selection: { min: 3 }, minCohort: 3 });
    // Eight enrolled agencies: 1-3 honest client processes, 4-8 scripted in this process.
    h = await harness('bad-input', config, 8);
    const coordinator = await h.start();
    for (const name of ['agency-1', 'agency-2', 'agency-3']) h.spawn(name);

    const parameters = h.model.parameters;
    const nan = new Float32Array(parameters);
    nan[1234] = Number.NaN;
    const misbehave: Record<string, (agency: ScriptedAgency, round: number) => void> = {
      'agency-4': (a, round) => a.send({ plainUpdate: { delta: encodeFloat32LE(new Float32Array(10)), weight: 0.5, loss: 1 } }, round, Stage.STAGE_MASKED_INPUT),
      'agency-5': (a, round) => a.send({ plainUpdate: { delta: encodeFloat32LE(nan), weight: 0.5, loss: 1 } }, round, Stage.STAGE_MASKED_INPUT),
      'agency-6': (a, round) => a.send({ plainUpdate: { delta: new Uint8Array(4 * parameters - 1), weight: 0.5, loss: 1 } }, round, Stage.STAGE_MASKED_INPUT),
      // Field 1, length-delimited, claims 2^35 bytes: protobuf cannot decode it.
      'agency-7': (a, round) => a.sendRawPayload(Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x7f]), round, Stage.STAGE_MASKED_INPUT),
      // A well-formed update whose commitment is over other bytes: it must not reach the sum.
      'agency-8': (a, round) => a.send({
        plainUpdate: {
          delta: encodeFloat32LE(new Float32Array(parameters)), weight: 0.5, loss: 1,
          commitment: sign(commitmentTranscript('bad-input', round, 'cd'.repeat(32), 'ab'.repeat(32)), h!.federation.agencies[7].identity.secretKey),
        },
      }, round, Stage.STAGE_MASKED_INPUT),
    };
    const scripted: ScriptedAgency[] = [];
    for (const [name, act] of Object.entries(misbehave)) {
      const local = h.federation.agencies.find((a) => a.name === name)!;
      scripted.push(await ScriptedAgency.connect(coordinator.url, name, local.identity, h.federation.coordinatorIdentity.publicKey, (agency, opened) => {
        if (opened.message.kind !== 'roundOffer') return;
        if (opened.round === 1) {
          agency.send({ roundAnswer: { accept: true, examples: 500, dataset: { sha256: 'cd'.repeat(32), schema: 'scripted', rows: 500, license: 'test' } } },
            opened.round, Stage.STAGE_OFFER);
          // Sent at once: it may be held until the upload stage opens, or arrive after; refused either way.
          act(agency, opened.round);
        } else {
          agency.send({ roundAnswer: { accept: false, code: 'POLICY', reason: 'scripted agency sits this one out' } }, opened.round, Stage.STAGE_OFFER);
        }
      }));
    }
    await h.waitForSessions(8);

    const result = await coordinator.run(config, h.model);
    const [a4, a5, a6, a7, a8] = scripted;
    const wrongLength = await a4.noticeFor('BAD_UPDATE');
    expect(wrongLength.message).toBe(`agency-4 sent an update of 10 values; the model has ${parameters}`);
    expect(wrongLength.fatal).toBe(false);
    expect((await a5.noticeFor('BAD_UPDATE')).message).toBe(`agency-5's update: value at index 1234 of ${parameters} is NaN`);
    expect((await a6.noticeFor('BAD_UPDATE')).message).toBe(`agency-6 sent an update of ${4 * parameters - 1} bytes, not whole float32 values; the model has ${parameters}`);
    const malformed = await a7.noticeFor('MALFORMED_FRAME');
    expect(malformed.message).toMatch(/payload does not decode/);
    expect(malformed.fatal).toBe(true);
    expect(a7.closeCode).toBe(1007);
    expect((await a8.noticeFor('BAD_UPDATE')).message).toBe("agency-8's commitment signature does not verify over what it sent");
    // The refused but non-fatal agencies stay connected: they were offered round 2 and declined it.
    expect(a4.closeCode).toBeUndefined();

    // The run went on: round 1 aggregated exactly the three honest updates, round 2 too.
    expect(result.state.status).toBe('finished');
    const [r1, r2] = result.state.history;
    expect(r1).toMatchObject({ status: 'ok', contributors: 3, dropped: 5 });
    expect(Object.keys(r1.dropouts!).sort()).toEqual(['agency-4', 'agency-5', 'agency-6', 'agency-7', 'agency-8']);
    expect(r1.dropouts!['agency-4']).toMatch(/^BAD_UPDATE: agency-4 sent an update of 10 values/);
    expect(r1.dropouts!['agency-7']).toBe('disconnected');
    expect(r2).toMatchObject({ status: 'ok', contributors: 3, declined: 4 });

    const ledger = await h.ledger();
    const notes = entriesFor(ledger, 'note').map((e) => String(e.body.text));
    expect(notes).toContainEqual(expect.stringMatching(/^round 1: rejected a message from agency-4: BAD_UPDATE: agency-4 sent an update of 10 values/));
    expect(notes).toContainEqual(expect.stringMatching(/^round 1: rejected a message from agency-5: BAD_UPDATE: agency-5's update/));
    expect(notes).toContainEqual(expect.stringMatching(/^round 1: rejected a message from agency-6: BAD_UPDATE: agency-6 sent an update of \d+ bytes/));
    expect(notes).toContainEqual(expect.stringMatching(/^closed the session of agency-7: MALFORMED_FRAME: envelope payload does not decode/));
    expect(entriesFor(ledger, 'commitment', 1).map((e) => e.body.agency).sort()).toEqual(['agency-1', 'agency-2', 'agency-3']);
    expect(entriesFor(ledger, 'aggregate', 1)[0].body.inputs).toBe(3);
    expect(notes).toContainEqual(expect.stringMatching(/^round 1: rejected a message from agency-8: BAD_UPDATE: agency-8's commitment signature/));
    expect(entriesFor(ledger, 'refusal', 2).map((e) => e.body.agency).sort()).toEqual(['agency-4', 'agency-5', 'agency-6', 'agency-8']);
    const report = await h.verify();
    expect(report.failure).toBeNull();
    expect(report.runs[0]).toMatchObject({ status: 'finished', roundsOk: 2 });
  });
});
