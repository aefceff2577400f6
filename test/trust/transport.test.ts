// Agency trust over real sockets: every refusal the transport makes, made to happen on a
// loopback WebSocket, seen by the peer (Rejection frame or ProtocolError, and the documented
// close code) and counted in `transport.rejections` under the same code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { connectToCoordinator, type CoordinatorLink } from '../../client/connection.js';
import { PRE_HANDSHAKE_BYTES } from '../../coordinator/transport.js';
import { generateIdentity, sign, type Identity } from '../../identity/keys.js';
import { COORDINATOR_NAME, SecureChannel, signingBytes } from '../../proto/channel.js';
import { Stage } from '../../proto/stages.js';
import { ERRORS, ProtocolError, type ErrorCode } from '../../proto/errors.js';
import { decodeFrame, decodeMessage, encodeFrame, encodeMessage } from '../../proto/framing.js';
import { PROTOCOL_VERSION, clientProof, newClientHello, type ServerHelloFields } from '../../proto/handshake.js';
import { closeCodeIn, fixture, RawPeer, rawSession, rawTcp, serve, until, wsFrame, type Fixture, type Served } from './wire.js';

const hello = { notice: { code: 'HELLO', message: 'test', fatal: false } };
let fx: Fixture;
const cleanups: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  fx = await fixture(['agency-a', 'agency-b']);
});

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await fx.cleanup();
});

async function start(limits: Parameters<typeof serve>[1] = {}): Promise<Served> {
  const served = await serve(fx, limits);
  cleanups.push(() => served.transport.close());
  return served;
}

function link(served: Served, agency: string, identity: Identity, coordinatorKey = fx.coordinator.publicKey): Promise<CoordinatorLink> {
  return connectToCoordinator({ url: served.url, agency, identity, coordinatorKey }, () => {}).then((l) => {
    cleanups.push(() => l.close());
    return l;
  });
}

function peer(url: string): RawPeer {
  const p = new RawPeer(url);
  cleanups.push(() => p.close());
  return p;
}

/** The peer was told `code` and the socket closed with its documented close code; the server counted it. */
async function refusedWith(served: Served, p: RawPeer, code: ErrorCode, times = 1): Promise<void> {
  const closed = await p.closed;
  expect(closed.code).toBe(ERRORS[code].close);
  expect(closed.reason).toBe(code);
  const told = [...p.codes(), ...noticeCodes(p)];
  expect(told).toContain(code);
  await until(() => (served.transport.rejections[code] ?? 0) >= times, `${code} to be counted`);
  expect(served.transport.rejections[code]).toBe(times);
}

// After the handshake the refusal rides in a sealed Notice: read its code without the channel.
function noticeCodes(p: RawPeer): string[] {
  const out: string[] = [];
  for (const f of p.frames) {
    if (f.kind !== 'envelope') continue;
    const message = decodeMessage(f.envelope!.payload ?? new Uint8Array());
    if (message.kind === 'notice') out.push(message.notice!.code ?? '');
  }
  return out;
}

function totalRejections(served: Served): number {
  return Object.values(served.transport.rejections).reduce((a, b) => a + b, 0);
}

describe('admission', () => {
  it('admits an enrolled agency proving its key, and nothing is counted as refused', async () => {
    const served = await start();
    await link(served, 'agency-a', fx.agencies['agency-a']);
    await until(() => served.transport.sessions.has('agency-a'), 'the session');
    expect(totalRejections(served)).toBe(0);
  });

  it('refuses a key that is not enrolled: UNKNOWN_AGENCY, close 4003', async () => {
    const served = await start();
    await expect(link(served, 'stranger', generateIdentity())).rejects.toMatchObject({ name: 'ProtocolError', code: 'UNKNOWN_AGENCY' });
    const p = peer(served.url);
    await p.opened;
    p.send(encodeFrame({ clientHello: newClientHello('stranger', generateIdentity()) }));
    await refusedWith(served, p, 'UNKNOWN_AGENCY', 2);
    expect(p.frames.some((f) => f.kind === 'serverHello')).toBe(false);
    expect(served.transport.sessions.size).toBe(0);
  });

  it('refuses an enrolled agency name with another key: UNKNOWN_AGENCY', async () => {
    const served = await start();
    const impostor = generateIdentity();
    await expect(link(served, 'agency-a', impostor)).rejects.toMatchObject({ code: 'UNKNOWN_AGENCY' });
    // Another agency's real key under agency-a's name is no better.
    await expect(link(served, 'agency-a', fx.agencies['agency-b'])).rejects.toMatchObject({ code: 'UNKNOWN_AGENCY' });
    await until(() => served.transport.rejections.UNKNOWN_AGENCY === 2, 'two refusals');
    expect(served.transport.sessions.size).toBe(0);
  });

  it('a hello claiming an enrolled key it cannot sign for fails at the proof: HANDSHAKE_FAILED', async () => {
    const served = await start();
    const p = peer(served.url);
    await p.opened;
    const hello = newClientHello('agency-a', fx.agencies['agency-a']);
    p.send(encodeFrame({ clientHello: hello }));
    const reply = (await p.frame('serverHello'))!.serverHello!;
    const server: ServerHelloFields = { coordinatorKey: reply.coordinatorKey!, nonce: reply.nonce!, session: reply.session! };
    // Signed by someone without agency-a's secret key.
    p.send(encodeFrame({ clientProof: { signature: clientProof(hello, server, generateIdentity()) } }));
    await refusedWith(served, p, 'HANDSHAKE_FAILED');
    expect(served.transport.sessions.size).toBe(0);
  });

  it('refuses a client proof over the wrong transcript (another server nonce): HANDSHAKE_FAILED, close 4002', async () => {
    const served = await start();
    const p = peer(served.url);
    await p.opened;
    const me = fx.agencies['agency-a'];
    const hello = newClientHello('agency-a', me);
    p.send(encodeFrame({ clientHello: hello }));
    const reply = (await p.frame('serverHello'))!.serverHello!;
    const stale = new Uint8Array(reply.nonce!);
    stale[0] ^= 1;
    p.send(encodeFrame({ clientProof: { signature: clientProof(hello, { coordinatorKey: reply.coordinatorKey!, nonce: stale, session: reply.session! }, me) } }));
    await refusedWith(served, p, 'HANDSHAKE_FAILED');
    expect(served.transport.sessions.size).toBe(0);
  });

  it('refuses a handshake out of order (proof before hello, envelope before proof): HANDSHAKE_FAILED', async () => {
    const served = await start();
    const p = peer(served.url);
    await p.opened;
    p.send(encodeFrame({ clientProof: { signature: new Uint8Array(64) } }));
    await refusedWith(served, p, 'HANDSHAKE_FAILED');
    const q = peer(served.url);
    await q.opened;
    q.send(encodeFrame({ clientHello: newClientHello('agency-a', fx.agencies['agency-a']) }));
    await q.frame('serverHello');
    q.send(encodeFrame({ envelope: { sender: 'agency-a', seq: 1 } }));
    await refusedWith(served, q, 'HANDSHAKE_FAILED', 2);
  });

  it('refuses another protocol version: PROTOCOL_VERSION, close 4009', async () => {
    const served = await start();
    const p = peer(served.url);
    await p.opened;
    p.send(encodeFrame({ clientHello: { ...newClientHello('agency-a', fx.agencies['agency-a']), protocolVersion: PROTOCOL_VERSION + 1 } }));
    await refusedWith(served, p, 'PROTOCOL_VERSION');
  });

  it('closes the older connection when an agency connects again: DUPLICATE_SESSION, close 4010', async () => {
    const served = await start();
    const first = await link(served, 'agency-a', fx.agencies['agency-a']);
    await link(served, 'agency-a', fx.agencies['agency-a']);
    const closed = await first.closed;
    expect(closed).toEqual({ code: ERRORS.DUPLICATE_SESSION.close, reason: 'DUPLICATE_SESSION' });
    expect(served.transport.sessions.size).toBe(1);
    expect(served.transport.rejections.DUPLICATE_SESSION).toBe(1);
  });
});

describe('the coordinator is authenticated by its pinned key', () => {
  it('a client pinning another key refuses the coordinator: COORDINATOR_KEY_MISMATCH (client side), no session', async () => {
    const served = await start();
    const err = await link(served, 'agency-a', fx.agencies['agency-a'], generateIdentity().publicKey).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).code).toBe('COORDINATOR_KEY_MISMATCH');
    expect((err as ProtocolError).closeCode).toBe(4004);
    // The client never sent its proof, so the coordinator never admitted it.
    await new Promise((r) => setTimeout(r, 100));
    expect(served.transport.sessions.size).toBe(0);
  });

  // A relay between client and coordinator that can rewrite the ServerHello.
  async function mitm(target: string, rewrite: (hello: NonNullable<ReturnType<typeof decodeFrame>['serverHello']>) => void) {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const seen = { serverHellos: 0 };
    wss.on('connection', (down) => {
      const up = new WebSocket(target);
      up.on('error', () => {});
      down.on('error', () => {});
      const pending: Buffer[] = [];
      up.on('open', () => { for (const b of pending.splice(0)) up.send(b); });
      down.on('message', (data) => (up.readyState === WebSocket.OPEN ? up.send(data as Buffer) : pending.push(data as Buffer)));
      up.on('message', (data) => {
        const frame = decodeFrame(new Uint8Array(data as Buffer), 1 << 20);
        if (frame.kind === 'serverHello') {
          seen.serverHellos++;
          rewrite(frame.serverHello!);
          down.send(encodeFrame({ serverHello: frame.serverHello! }));
        } else {
          down.send(data as Buffer);
        }
      });
      up.on('close', () => down.close());
      down.on('close', () => up.close());
    });
    cleanups.push(() => new Promise<void>((resolve) => {
      for (const c of wss.clients) c.terminate();
      wss.close(() => resolve());
    }));
    return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, seen };
  }

  it('a ServerHello whose signature a man in the middle modified is refused: HANDSHAKE_FAILED', async () => {
    const served = await start();
    const relay = await mitm(served.url, (hello) => { hello.signature![10] ^= 0x40; });
    const err = await connectToCoordinator({ url: relay.url, agency: 'agency-a', identity: fx.agencies['agency-a'], coordinatorKey: fx.coordinator.publicKey }, () => {})
      .catch((e: unknown) => e);
    expect(relay.seen.serverHellos).toBe(1);
    expect(err).toMatchObject({ name: 'ProtocolError', code: 'HANDSHAKE_FAILED' });
    expect(served.transport.sessions.size).toBe(0);
  });

  it('a ServerHello whose session id or nonce was swapped is refused: HANDSHAKE_FAILED', async () => {
    const served = await start();
    for (const field of ['session', 'nonce'] as const) {
      const relay = await mitm(served.url, (hello) => { hello[field] = new Uint8Array(hello[field]!.length).fill(7); });
      await expect(connectToCoordinator({ url: relay.url, agency: 'agency-a', identity: fx.agencies['agency-a'], coordinatorKey: fx.coordinator.publicKey }, () => {}))
        .rejects.toMatchObject({ code: 'HANDSHAKE_FAILED' });
    }
  });

  it('a relay presenting its own key (re-signed) is refused: COORDINATOR_KEY_MISMATCH', async () => {
    const served = await start();
    const relay = await mitm(served.url, (hello) => { hello.coordinatorKey = generateIdentity().publicKey; });
    await expect(connectToCoordinator({ url: relay.url, agency: 'agency-a', identity: fx.agencies['agency-a'], coordinatorKey: fx.coordinator.publicKey }, () => {}))
      .rejects.toMatchObject({ code: 'COORDINATOR_KEY_MISMATCH' });
  });

  it('an untampered relay changes nothing: the handshake completes through it', async () => {
    const served = await start();
    const relay = await mitm(served.url, () => {});
    const l = await connectToCoordinator({ url: relay.url, agency: 'agency-a', identity: fx.agencies['agency-a'], coordinatorKey: fx.coordinator.publicKey }, () => {});
    cleanups.push(() => l.close());
    await until(() => served.transport.sessions.has('agency-a'), 'the relayed session');
  });
});

describe('envelopes after the handshake', () => {
  it('a sealed envelope is delivered once; the same frame sent again is refused: REPLAYED_MESSAGE, close 4006', async () => {
    const served = await start();
    const s = await rawSession(served.url, fx, 'agency-a');
    cleanups.push(() => s.peer.close());
    const frame = s.channel.seal(hello, 0, Stage.STAGE_CONTROL);
    s.peer.send(frame);
    await until(() => served.messages.length === 1, 'the first envelope');
    s.peer.send(frame);
    await refusedWith(served, s.peer, 'REPLAYED_MESSAGE');
    expect(served.messages).toHaveLength(1);
    // The refusal the client read is a sealed, coordinator-signed Notice.
    const notice = s.received().find((o) => o.message.kind === 'notice');
    expect(notice?.message.notice).toMatchObject({ code: 'REPLAYED_MESSAGE', fatal: true });
  });

  it('an envelope that skips ahead or goes back in sequence is refused: REPLAYED_MESSAGE', async () => {
    const served = await start();
    const s = await rawSession(served.url, fx, 'agency-a');
    cleanups.push(() => s.peer.close());
    s.channel.seal(hello, 0, Stage.STAGE_CONTROL); // seq 1, never sent
    s.peer.send(s.channel.seal(hello, 0, Stage.STAGE_CONTROL)); // seq 2
    await refusedWith(served, s.peer, 'REPLAYED_MESSAGE');
    expect(served.messages).toHaveLength(0);
  });

  it('an envelope signed by another agency\'s key is refused: BAD_SIGNATURE, close 4005', async () => {
    const served = await start();
    const s = await rawSession(served.url, fx, 'agency-a');
    cleanups.push(() => s.peer.close());
    // Everything right but the key: agency-b signs an envelope in agency-a's name and session.
    const forger = new SecureChannel({ name: 'agency-a', identity: fx.agencies['agency-b'] },
      { name: COORDINATOR_NAME, key: fx.coordinator.publicKey }, s.server.session);
    s.peer.send(forger.seal(hello, 0, Stage.STAGE_CONTROL));
    await refusedWith(served, s.peer, 'BAD_SIGNATURE');
    expect(served.messages).toHaveLength(0);
  });

  it('an envelope with a field changed after signing is refused: BAD_SIGNATURE', async () => {
    const served = await start();
    const s = await rawSession(served.url, fx, 'agency-a');
    cleanups.push(() => s.peer.close());
    const frame = decodeFrame(s.channel.seal(hello, 3, Stage.STAGE_MASKED_INPUT), 1 << 20);
    frame.envelope!.round = 4;
    s.peer.send(encodeFrame({ envelope: frame.envelope! }));
    await refusedWith(served, s.peer, 'BAD_SIGNATURE');
  });

  it('an envelope claiming another sender is refused: WRONG_SESSION, close 4007', async () => {
    const served = await start();
    const s = await rawSession(served.url, fx, 'agency-a');
    cleanups.push(() => s.peer.close());
    // agency-b's own key and name, sent down agency-a's session.
    const other = new SecureChannel({ name: 'agency-b', identity: fx.agencies['agency-b'] },
      { name: COORDINATOR_NAME, key: fx.coordinator.publicKey }, s.server.session);
    s.peer.send(other.seal(hello, 0, Stage.STAGE_CONTROL));
    await refusedWith(served, s.peer, 'WRONG_SESSION');
  });

  it('an envelope from another session (agency-a\'s own, replayed into a new one) is refused: WRONG_SESSION', async () => {
    const served = await start();
    const first = await rawSession(served.url, fx, 'agency-b');
    const frame = first.channel.seal(hello, 0, Stage.STAGE_CONTROL);
    first.peer.close();
    await until(() => !served.transport.sessions.has('agency-b'), 'the first session to end');
    const second = await rawSession(served.url, fx, 'agency-b');
    cleanups.push(() => second.peer.close());
    second.peer.send(frame);
    await refusedWith(served, second.peer, 'WRONG_SESSION');
    expect(served.messages).toHaveLength(0);
  });

  it('a hand-made envelope naming another session with a valid signature over it is refused: WRONG_SESSION', async () => {
    const served = await start();
    const s = await rawSession(served.url, fx, 'agency-a');
    cleanups.push(() => s.peer.close());
    const header = { sender: 'agency-a', session: new Uint8Array(16).fill(9), seq: 1, round: 0, stage: Stage.STAGE_CONTROL };
    const payload = encodeMessage(hello);
    const signature = sign(signingBytes(header, payload), fx.agencies['agency-a'].secretKey);
    s.peer.send(encodeFrame({ envelope: { ...header, payload, signature } }));
    await refusedWith(served, s.peer, 'WRONG_SESSION');
  });

  it('a non-envelope frame after the handshake is refused: HANDSHAKE_FAILED', async () => {
    const served = await start();
    const s = await rawSession(served.url, fx, 'agency-a');
    cleanups.push(() => s.peer.close());
    s.peer.send(encodeFrame({ clientHello: newClientHello('agency-a', fx.agencies['agency-a']) }));
    await refusedWith(served, s.peer, 'HANDSHAKE_FAILED');
  });
});

describe('limits', () => {
  it('no handshake within the timeout: HANDSHAKE_TIMEOUT, close 4001', async () => {
    const served = await start({ handshakeTimeoutMs: 300 });
    const silentPeer = peer(served.url);
    await silentPeer.opened;
    await refusedWith(served, silentPeer, 'HANDSHAKE_TIMEOUT');
    // A hello without the proof times out too.
    const halfway = peer(served.url);
    await halfway.opened;
    halfway.send(encodeFrame({ clientHello: newClientHello('agency-a', fx.agencies['agency-a']) }));
    await refusedWith(served, halfway, 'HANDSHAKE_TIMEOUT', 2);
    expect(served.transport.sessions.size).toBe(0);
  });

  it('a completed handshake is not timed out later', async () => {
    const served = await start({ handshakeTimeoutMs: 300 });
    const l = await link(served, 'agency-a', fx.agencies['agency-a']);
    await new Promise((r) => setTimeout(r, 800));
    expect(served.transport.sessions.has('agency-a')).toBe(true);
    expect(served.transport.rejections.HANDSHAKE_TIMEOUT).toBeUndefined();
    l.close();
  });

  it('a text frame is refused: MALFORMED_FRAME, close 1007', async () => {
    const served = await start();
    const p = peer(served.url);
    await p.opened;
    p.send('{"clientHello": {}}');
    await refusedWith(served, p, 'MALFORMED_FRAME');
  });

  it('bytes that are not a Frame, and an empty Frame, are refused: MALFORMED_FRAME', async () => {
    const served = await start();
    const garbage = peer(served.url);
    await garbage.opened;
    garbage.send(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]));
    await refusedWith(served, garbage, 'MALFORMED_FRAME');
    const empty = peer(served.url);
    await empty.opened;
    empty.send(new Uint8Array(0));
    await refusedWith(served, empty, 'MALFORMED_FRAME', 2);
  });

  it('an envelope whose payload is not a Message is refused after its signature checks: MALFORMED_FRAME', async () => {
    const served = await start();
    const s = await rawSession(served.url, fx, 'agency-a');
    cleanups.push(() => s.peer.close());
    const header = { sender: 'agency-a', session: s.server.session, seq: 1, round: 0, stage: Stage.STAGE_CONTROL };
    const payload = new Uint8Array([0xff, 0xff, 0xff]);
    const signature = sign(signingBytes(header, payload), fx.agencies['agency-a'].secretKey);
    s.peer.send(encodeFrame({ envelope: { ...header, payload, signature } }));
    await refusedWith(served, s.peer, 'MALFORMED_FRAME');
  });

  it('a message over maxMessageBytes is refused: MESSAGE_TOO_LARGE, close 1009, before and after the handshake', async () => {
    const served = await start({ maxMessageBytes: 4096 });
    const p = peer(served.url);
    await p.opened;
    p.send(new Uint8Array(4097));
    const closed = await p.closed;
    expect(closed.code).toBe(1009);
    await until(() => served.transport.rejections.MESSAGE_TOO_LARGE === 1, 'MESSAGE_TOO_LARGE to be counted');

    const s = await rawSession(served.url, fx, 'agency-a');
    cleanups.push(() => s.peer.close());
    s.peer.send(s.channel.seal({ notice: { code: 'BIG', message: 'x'.repeat(5000), fatal: false } }, 0, Stage.STAGE_CONTROL));
    expect((await s.peer.closed).code).toBe(1009);
    await until(() => served.transport.rejections.MESSAGE_TOO_LARGE === 2, 'the second MESSAGE_TOO_LARGE');
    expect(served.messages).toHaveLength(0);
    // Exactly at the limit is still allowed.
    const ok = peer(served.url);
    await ok.opened;
    ok.send(new Uint8Array(4096));
    await refusedWith(served, ok, 'MALFORMED_FRAME');
  });

  it('before the handshake only a handshake\'s worth of bytes is read: MESSAGE_TOO_LARGE, 1009, well under maxMessageBytes', async () => {
    const served = await start({ maxMessageBytes: 4 * 1024 * 1024 });
    const p = peer(served.url);
    await p.opened;
    p.send(new Uint8Array(PRE_HANDSHAKE_BYTES * 4));
    await refusedWith(served, p, 'MESSAGE_TOO_LARGE');
    // The same size is fine once the agency has proved its key.
    const s = await rawSession(served.url, fx, 'agency-a');
    cleanups.push(() => s.peer.close());
    s.peer.send(s.channel.seal({ notice: { code: 'BIG', message: 'x'.repeat(PRE_HANDSHAKE_BYTES * 4), fatal: false } }, 0, Stage.STAGE_CONTROL));
    await until(() => served.messages.length === 1, 'the large message after the handshake');
    expect(served.transport.rejections.MESSAGE_TOO_LARGE).toBe(1);
  });

  it('more messages a second than the limit: RATE_LIMITED, close 4008', async () => {
    const served = await start({ messagesPerSecond: 5 });
    const s = await rawSession(served.url, fx, 'agency-a');
    cleanups.push(() => s.peer.close());
    // Two tokens went on the handshake; a burst of 200 cannot be spread over 40 seconds.
    for (let i = 0; i < 200; i++) s.peer.send(s.channel.seal(hello, 0, Stage.STAGE_CONTROL));
    await refusedWith(served, s.peer, 'RATE_LIMITED');
    expect(served.messages.length).toBeGreaterThanOrEqual(1);
    expect(served.messages.length).toBeLessThan(200);
  });

  it('over maxConnections: TOO_MANY_CONNECTIONS, close 1013; a slot frees when a connection ends', async () => {
    const served = await start({ maxConnections: 2 });
    const a = peer(served.url);
    const b = peer(served.url);
    await Promise.all([a.opened, b.opened]);
    const c = peer(served.url);
    await refusedWith(served, c, 'TOO_MANY_CONNECTIONS');
    a.close();
    await a.closed;
    // The freed slot admits an honest agency end to end.
    let admitted: CoordinatorLink | undefined;
    for (let i = 0; i < 50 && !admitted; i++) {
      admitted = await link(served, 'agency-a', fx.agencies['agency-a']).catch(() => undefined);
      if (!admitted) await new Promise((r) => setTimeout(r, 50));
    }
    expect(admitted).toBeDefined();
    await until(() => served.transport.sessions.has('agency-a'), 'the admitted session');
  });

  it('a refused connection that keeps sending bad WebSocket frames does not take the coordinator down', async () => {
    const served = await start({ maxConnections: 1 });
    const a = peer(served.url);
    await a.opened;
    // Over the limit, and in the same packet as the upgrade: an unmasked frame (RFC 6455 5.1).
    // ws reports it as an 'error' event on a socket the transport had just refused.
    const hostile = rawTcp(served.url, wsFrame(2, new Uint8Array(8), { mask: false }));
    cleanups.push(() => { hostile.socket.destroy(); });
    await hostile.closed;
    await until(() => served.transport.rejections.TOO_MANY_CONNECTIONS === 1, 'the refusal');
    a.close();
    await a.closed;
    let admitted: CoordinatorLink | undefined;
    for (let i = 0; i < 50 && !admitted; i++) {
      admitted = await link(served, 'agency-a', fx.agencies['agency-a']).catch(() => undefined);
      if (!admitted) await new Promise((r) => setTimeout(r, 50));
    }
    expect(admitted).toBeDefined();
  });

  it('WebSocket-level violations are counted MALFORMED_FRAME and closed by ws: unmasked 1002, bad opcode 1002, bad UTF-8 1007', async () => {
    const served = await start();
    const cases: [Buffer, number][] = [
      [wsFrame(2, new Uint8Array(4), { mask: false }), 1002],
      [wsFrame(0x3, new Uint8Array(4)), 1002],
      [wsFrame(2, new Uint8Array(4), { rsv: 2 }), 1002],
      [wsFrame(1, new Uint8Array([0xc3, 0x28])), 1007],
    ];
    let n = 0;
    for (const [bytes, close] of cases) {
      const raw = rawTcp(served.url, bytes);
      cleanups.push(() => { raw.socket.destroy(); });
      await raw.closed;
      expect(closeCodeIn(raw.received)).toBe(close);
      n++;
      await until(() => served.transport.rejections.MALFORMED_FRAME === n, `violation ${n} to be counted`);
    }
  });

  it('a declared frame length over the limit is refused before the body arrives: MESSAGE_TOO_LARGE, 1009', async () => {
    const served = await start({ maxMessageBytes: 4096 });
    // The header claims 1 MiB; only the header is sent.
    const header = wsFrame(2, new Uint8Array(1 << 20)).subarray(0, 14);
    const raw = rawTcp(served.url, header);
    cleanups.push(() => { raw.socket.destroy(); });
    await raw.closed;
    expect(closeCodeIn(raw.received)).toBe(1009);
    await until(() => served.transport.rejections.MESSAGE_TOO_LARGE === 1, 'MESSAGE_TOO_LARGE');
  });

  it('plain HTTP is answered 426 at once, not held open', async () => {
    const served = await start();
    const res = await fetch(served.url.replace('ws://', 'http://'), { signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(426);
    await res.text();
  });
});
