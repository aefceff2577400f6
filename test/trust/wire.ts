// Raw-socket tools for the trust tests: a WebSocket that records every frame and the close
// code, a hand-driven handshake (so a test can tamper with any step), and a coordinator
// transport on loopback with an on-disk enrolment.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { WebSocket } from 'ws';
import { Enrolment } from '../../coordinator/enrolment.js';
import { DEFAULT_LIMITS, type Limits } from '../../coordinator/limits.js';
import { startTransport, type AgencySession, type Transport, type TransportOptions } from '../../coordinator/transport.js';
import { generateIdentity, toHex, type Identity } from '../../identity/keys.js';
import { COORDINATOR_NAME, SecureChannel, type Opened } from '../../proto/channel.js';
import { decodeFrame, encodeFrame, type Frame } from '../../proto/framing.js';
import { checkServerHello, clientProof, newClientHello, type ServerHelloFields } from '../../proto/handshake.js';
import { equalBytes } from '../../identity/keys.js';

export const silent = pino({ level: 'silent' });

export interface Fixture {
  dir: string;
  coordinator: Identity;
  enrolment: Enrolment;
  agencies: Record<string, Identity>;
  cleanup(): Promise<void>;
}

/** A coordinator identity and an enrolment of `names`, each with a fresh key. */
export async function fixture(names: string[]): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-trust-'));
  const enrolment = await Enrolment.open(dir);
  const agencies: Record<string, Identity> = {};
  for (const name of names) {
    agencies[name] = generateIdentity();
    await enrolment.add(name, toHex(agencies[name].publicKey));
  }
  return { dir, coordinator: generateIdentity(), enrolment, agencies, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface Served {
  transport: Transport;
  url: string;
  messages: { agency: string; opened: Opened }[];
  sessions: AgencySession[];
}

export async function serve(fx: Fixture, limits: Partial<Limits> = {}, extra: Partial<TransportOptions> = {}): Promise<Served> {
  const messages: Served['messages'] = [];
  const sessions: AgencySession[] = [];
  const transport = await startTransport({
    host: '127.0.0.1', port: 0, identity: fx.coordinator, admission: fx.enrolment,
    limits: { ...DEFAULT_LIMITS, maxMessageBytes: 64 * 1024, ...limits }, log: silent, ...extra,
  }, {
    onSession: (s) => sessions.push(s),
    onMessage: (s, opened) => messages.push({ agency: s.agency, opened }),
    onClose: () => {},
  });
  return { transport, url: transport.url, messages, sessions };
}

/** A WebSocket that keeps every frame it receives and how it was closed. */
export class RawPeer {
  readonly socket: WebSocket;
  readonly frames: Frame[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  constructor(url: string, options: { ca?: Buffer } = {}) {
    this.socket = new WebSocket(url, { perMessageDeflate: false, ca: options.ca, maxPayload: 64 * 1024 * 1024 });
    this.socket.on('error', () => {});
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('close', () => reject(new Error('closed before open')));
    });
    this.opened.catch(() => {});
    this.closed = new Promise((resolve) => this.socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    this.socket.on('message', (data) => {
      try {
        this.frames.push(decodeFrame(new Uint8Array(data as Buffer), 64 * 1024 * 1024));
      } catch {
        // the coordinator never sends garbage; a test that cares checks frames.length
      }
      for (const w of this.waiters.splice(0)) w();
    });
    this.socket.on('close', () => { for (const w of this.waiters.splice(0)) w(); });
  }

  send(bytes: Uint8Array | string): void {
    this.socket.send(bytes);
  }

  /** The next frame of `kind` not yet taken (or undefined once the socket closed without one). */
  async frame(kind: Frame['kind'], from = 0): Promise<Frame | undefined> {
    for (;;) {
      const found = this.frames.slice(from).find((f) => f.kind === kind);
      if (found) return found;
      if (this.socket.readyState === WebSocket.CLOSED) return undefined;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The rejection code the coordinator sent, from a Rejection frame or a fatal Notice. */
  codes(): string[] {
    const out: string[] = [];
    for (const f of this.frames) {
      if (f.kind === 'rejection') out.push(f.rejection!.code ?? '');
    }
    return out;
  }

  close(): void {
    this.socket.terminate();
  }
}

export interface RawSession {
  peer: RawPeer;
  channel: SecureChannel;
  server: ServerHelloFields;
  /** Opens the coordinator's envelopes received so far (notices, in these tests). */
  received(): Opened[];
}

/** Runs the whole handshake by hand as `agency` and returns a client-side channel. */
export async function rawSession(url: string, fx: Fixture, agency: string, identity = fx.agencies[agency]): Promise<RawSession> {
  const peer = new RawPeer(url);
  await peer.opened;
  const hello = newClientHello(agency, identity);
  peer.send(encodeFrame({ clientHello: hello }));
  const reply = await peer.frame('serverHello');
  if (!reply) throw new Error(`no ServerHello: ${peer.codes().join(',')}`);
  const server = checkServerHello(hello, reply.serverHello!, fx.coordinator.publicKey, equalBytes);
  peer.send(encodeFrame({ clientProof: { signature: clientProof(hello, server, identity) } }));
  const channel = new SecureChannel({ name: agency, identity }, { name: COORDINATOR_NAME, key: fx.coordinator.publicKey }, server.session);
  const reader = new SecureChannel({ name: agency, identity }, { name: COORDINATOR_NAME, key: fx.coordinator.publicKey }, server.session);
  let read = 0;
  const opened: Opened[] = [];
  return {
    peer, channel, server,
    received() {
      for (const f of peer.frames.slice(read)) {
        read++;
        if (f.kind === 'envelope') opened.push(reader.open(f.envelope!));
      }
      return opened;
    },
  };
}

/** Polls `check` until it holds (bounded): for server-side counters that settle after a close. */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One WebSocket frame, hand-built so a test can break the rules ws itself would keep. */
export function wsFrame(opcode: number, payload: Uint8Array, options: { mask?: boolean; fin?: boolean; rsv?: number } = {}): Buffer {
  const mask = options.mask ?? true;
  const head: number[] = [((options.fin ?? true) ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | (opcode & 0x0f)];
  const len = payload.length;
  if (len < 126) head.push((mask ? 0x80 : 0) | len);
  else if (len < 65536) head.push((mask ? 0x80 : 0) | 126, len >> 8, len & 0xff);
  else {
    head.push((mask ? 0x80 : 0) | 127, 0, 0, 0, 0);
    head.push((len >>> 24) & 0xff, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff);
  }
  const key = mask ? randomBytes(4) : Buffer.alloc(0);
  const body = Buffer.from(payload);
  if (mask) for (let i = 0; i < body.length; i++) body[i] ^= key[i % 4];
  return Buffer.concat([Buffer.from(head), key, body]);
}

/** A TCP connection that performs the HTTP upgrade by hand and writes `after` in the same packet. */
export function rawTcp(url: string, after: Buffer = Buffer.alloc(0)): { socket: Socket; received: Buffer[]; closed: Promise<void> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => {});
  const received: Buffer[] = [];
  socket.on('data', (d) => received.push(d));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.once('connect', () => {
    socket.write(Buffer.concat([Buffer.from([
      `GET / HTTP/1.1`, `Host: ${hostname}:${port}`, 'Upgrade: websocket', 'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`, 'Sec-WebSocket-Version: 13', '', '',
    ].join('\r\n')), after]));
  });
  return { socket, received, closed };
}

/** The close code in the first close frame (opcode 8) the server sent, if any. */
export function closeCodeIn(received: Buffer[]): number | undefined {
  const all = Buffer.concat(received);
  let at = all.indexOf('\r\n\r\n');
  if (at < 0) return undefined;
  at += 4;
  while (at + 2 <= all.length) {
    const opcode = all[at] & 0x0f;
    let len = all[at + 1] & 0x7f;
    let head = 2;
    if (len === 126) { len = all.readUInt16BE(at + 2); head = 4; }
    else if (len === 127) { len = Number(all.readBigUInt64BE(at + 2)); head = 10; }
    if (opcode === 8) return len >= 2 ? all.readUInt16BE(at + head) : 1005;
    at += head + len;
  }
  return undefined;
}
