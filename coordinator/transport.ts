// The coordinator's WebSocket shell: accepts connections, runs the handshake, admits enrolled
// agencies only, then opens each envelope and hands the message to the round engine. Hostile
// input never takes the process down: every failure is a ProtocolError sent to that peer (and
// counted), and the server goes on serving everyone else.
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { isLoopback } from '../proto/loopback.js';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { Identity } from '../identity/keys.js';
import { COORDINATOR_NAME, SecureChannel, type Opened } from '../proto/channel.js';
import { ERRORS, ProtocolError, type ErrorCode } from '../proto/errors.js';
import { decodeFrame, encodeFrame, socketBytes, type Frame, type MessageInit } from '../proto/framing.js';
import { checkClientProof, clientHelloFields, newServerHello, type ClientHelloFields, type ServerHelloFields } from '../proto/handshake.js';
import type { Limits } from './limits.js';
import { TokenBucket } from './rate.js';

export interface Admission {
  isEnrolled(agency: string, key: Uint8Array): boolean;
}

export interface TransportOptions {
  host: string;
  port: number;
  identity: Identity;
  admission: Admission;
  limits: Limits;
  log: Logger;
  /** PEM certificate and key: serve wss://. Without them only loopback ws:// is allowed. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Serve plain ws:// on a non-loopback host: must be asked for explicitly. */
  allowPlainRemote?: boolean;
}

export interface SessionHandlers {
  onSession(session: AgencySession): void;
  onMessage(session: AgencySession, opened: Opened): void;
  onClose(session: AgencySession, reason: string): void;
  /** A message from an authenticated agency was refused (after its sender was told). */
  onRejected?(session: AgencySession, error: ProtocolError): void;
}

export class AgencySession {
  closed = false;

  constructor(
    readonly agency: string,
    readonly identityKey: Uint8Array,
    private readonly socket: WebSocket,
    private readonly channel: SecureChannel,
    /** Counts every refusal this session is told of, whoever refused (transport or round engine). */
    private readonly counted: (code: ErrorCode) => void = () => {},
  ) {}

  /** Seals `message` for `round` under the stage its kind belongs to (proto/stages.ts). */
  send(message: MessageInit, round: number): void {
    if (this.closed) return;
    this.socket.send(this.channel.seal(message, round));
  }

  /** Tells the agency why a message was refused (and counts it); a non-fatal one keeps the connection open. */
  notify(error: ProtocolError, round = 0): void {
    if (this.closed) return;
    if (error.code !== 'SHUTTING_DOWN') this.counted(error.code);
    this.send({ notice: { code: error.code, message: error.message, fatal: error.fatal } }, round);
  }

  open(frameEnvelope: Parameters<SecureChannel['open']>[0]): Opened {
    return this.channel.open(frameEnvelope);
  }

  close(error: ProtocolError): void {
    if (this.closed) return;
    this.notify(error);
    this.closed = true;
    this.socket.close(error.closeCode, error.code);
  }
}

export interface Transport {
  readonly url: string;
  readonly sessions: ReadonlyMap<string, AgencySession>;
  /**
   * Refusals by code since start, one per refusal a peer was told of (Rejection frame, Notice,
   * or a close by ws for a bad WebSocket frame): what the fuzz test and the operator read.
   */
  readonly rejections: Readonly<Record<string, number>>;
  close(): Promise<void>;
}

export async function startTransport(options: TransportOptions, handlers: SessionHandlers): Promise<Transport> {
  const { limits, log } = options;
  if (!options.tls && !isLoopback(options.host) && !options.allowPlainRemote) {
    throw new RangeError(`refusing plain ws:// on ${options.host}: give --tls-cert/--tls-key, or --insecure-plain-ws`);
  }
  const http = httpServer(options);
  const wss = new WebSocketServer({ server: http, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });
  const server: ServerState = { options, handlers, sessions: new Map(), rejections: {}, open: 0 };
  wss.on('connection', (socket, request) => onConnection(server, socket, request));
  // ws re-emits the server's errors (a port in use) on itself, and an 'error' without a listener
  // is thrown past the caller: the listen below rejects with it instead.
  wss.on('error', (err) => options.log.debug({ err: err.message }, 'server error'));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `${options.tls ? 'wss' : 'ws'}://${host}:${address.port}`;
  log.info({ url }, 'coordinator listening');
  return { url, sessions: server.sessions, rejections: server.rejections, close: () => closeServer(server, wss, http) };
}

/** What every connection of one transport shares. */
interface ServerState {
  readonly options: TransportOptions;
  readonly handlers: SessionHandlers;
  readonly sessions: Map<string, AgencySession>;
  readonly rejections: Record<string, number>;
  open: number;
}

/**
 * Only WebSocket upgrades are served: a plain HTTP request is answered at once, and a peer that
 * never finishes its request headers is dropped after the handshake timeout, since such
 * connections are not yet WebSockets and so not under maxConnections.
 */
function httpServer(options: TransportOptions): HttpServer {
  const upgradeOnly = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(426, { connection: 'close', upgrade: 'websocket', 'content-type': 'text/plain' }).end('WebSocket only\n');
  };
  const http: HttpServer = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, upgradeOnly)
    : createHttpServer(upgradeOnly);
  http.headersTimeout = options.limits.handshakeTimeoutMs;
  http.requestTimeout = options.limits.handshakeTimeoutMs;
  return http;
}

function count(server: ServerState, code: ErrorCode): void {
  server.rejections[code] = (server.rejections[code] ?? 0) + 1;
}

function onConnection(server: ServerState, socket: WebSocket, request: IncomingMessage): void {
  const { limits, log } = server.options;
  const remote = `${request.socket.remoteAddress}:${request.socket.remotePort}`;
  // First, before anything can fail: ws emits 'error' for a bad frame (too long, bad opcode,
  // unmasked, invalid UTF-8) or a reset socket, and an 'error' without a listener is thrown,
  // which would take the whole coordinator down for one hostile peer. ws closes the socket
  // itself (1009, 1002 or 1007); here it is only counted.
  socket.on('error', (err: Error & { code?: string }) => {
    const code = wsErrorCode(err.code);
    if (code) count(server, code);
    log.debug({ remote, err: err.message, code: err.code }, 'socket error');
  });
  if (server.open >= limits.maxConnections) {
    refuse(server, socket, new ProtocolError('TOO_MANY_CONNECTIONS', `limit of ${limits.maxConnections} connections reached`), remote);
    return;
  }
  server.open++;
  socket.on('close', () => { server.open--; });
  new Connection(server, socket, request.socket, remote).listen();
}

function refuse(server: ServerState, socket: WebSocket, error: ProtocolError, remote: string, agency?: string): void {
  count(server, error.code);
  server.options.log.warn({ remote, agency, code: error.code }, error.message);
  if (socket.readyState === socket.OPEN) {
    socket.send(encodeFrame({ rejection: { code: error.code, message: error.message } }));
    socket.close(error.closeCode, error.code);
  } else {
    socket.terminate();
  }
}

/** One peer, from its first byte through the handshake to the session it opens. */
class Connection {
  private readonly bucket: TokenBucket;
  private hello?: ClientHelloFields;
  private serverHello?: ServerHelloFields;
  private session?: AgencySession;
  // Set once the connection is refused: what is still in flight is dropped, neither handled
  // nor counted again (a refused peer is one refusal, however much it had queued).
  private refused = false;
  private readonly timer: NodeJS.Timeout;
  private unauthenticatedBytes = 0;
  private readonly meter = (chunk: Buffer) => this.measure(chunk);

  constructor(private readonly server: ServerState, private readonly socket: WebSocket, private readonly raw: Duplex, private readonly remote: string) {
    const { limits } = server.options;
    this.bucket = new TokenBucket(limits.messagesPerSecond);
    this.timer = setTimeout(() => this.fail(new ProtocolError('HANDSHAKE_TIMEOUT', `no handshake within ${limits.handshakeTimeoutMs} ms`)), limits.handshakeTimeoutMs);
  }

  listen(): void {
    // ws refused a bad frame itself (counted on 'error' in onConnection) and is closing: that is
    // this peer's one refusal, so the handshake timer must not fire on it as well.
    this.socket.on('error', () => {
      this.refused = true;
      clearTimeout(this.timer);
    });
    this.raw.on('data', this.meter);
    this.socket.on('close', () => this.closed());
    this.socket.on('message', (data, isBinary) => this.receive(data, isBinary));
  }

  /**
   * Until the peer has proved an enrolled key it may send no more than a handshake's worth of
   * bytes: otherwise each unauthenticated connection could make ws buffer up to maxMessageBytes
   * (the model's size) before any check ran.
   */
  private measure(chunk: Buffer): void {
    this.unauthenticatedBytes += chunk.length;
    if (this.unauthenticatedBytes <= PRE_HANDSHAKE_BYTES || this.refused || this.session) return;
    this.raw.off('data', this.meter);
    this.raw.pause();
    this.fail(new ProtocolError('MESSAGE_TOO_LARGE', `more than ${PRE_HANDSHAKE_BYTES} bytes before the handshake completed`));
    setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS).unref();
  }

  private closed(): void {
    this.raw.off('data', this.meter);
    clearTimeout(this.timer);
    const { session, server } = this;
    if (session && server.sessions.get(session.agency) === session) {
      session.closed = true;
      server.sessions.delete(session.agency);
      server.handlers.onClose(session, 'connection closed');
    }
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.refused || this.session?.closed) return;
    const { limits } = this.server.options;
    try {
      if (!this.bucket.take()) throw new ProtocolError('RATE_LIMITED', `more than ${limits.messagesPerSecond} messages a second`);
      if (!isBinary) throw new ProtocolError('MALFORMED_FRAME', 'text messages are not part of the protocol');
      const frame = decodeFrame(socketBytes(data), limits.maxMessageBytes);
      if (this.session) this.envelope(this.session, frame);
      else if (!this.hello) this.clientHello(frame);
      else this.clientProof(frame, this.hello);
    } catch (err) {
      this.rejected(err instanceof ProtocolError ? err : new ProtocolError('MALFORMED_FRAME', `message could not be handled: ${(err as Error).message}`));
    }
  }

  private envelope(session: AgencySession, frame: Frame): void {
    if (frame.kind !== 'envelope') throw new ProtocolError('HANDSHAKE_FAILED', `unexpected ${frame.kind} after the handshake`);
    this.server.handlers.onMessage(session, session.open(frame.envelope!));
  }

  private clientHello(frame: Frame): void {
    const { admission, identity, limits } = this.server.options;
    if (frame.kind !== 'clientHello') throw new ProtocolError('HANDSHAKE_FAILED', `expected ClientHello, got ${frame.kind}`);
    const hello = clientHelloFields(frame.clientHello!);
    this.hello = hello;
    if (!admission.isEnrolled(hello.agency, hello.identityKey)) {
      throw new ProtocolError('UNKNOWN_AGENCY', `agency "${hello.agency}" with this key is not enrolled`);
    }
    this.serverHello = newServerHello(identity, hello, limits.maxMessageBytes);
    this.socket.send(encodeFrame({ serverHello: this.serverHello }));
  }

  /** The handshake's last step: the agency's proof opens its session, replacing an older one. */
  private clientProof(frame: Frame, hello: ClientHelloFields): void {
    const { server } = this;
    if (frame.kind !== 'clientProof') throw new ProtocolError('HANDSHAKE_FAILED', `expected ClientProof, got ${frame.kind}`);
    checkClientProof(hello, this.serverHello!, frame.clientProof!.signature ?? new Uint8Array());
    clearTimeout(this.timer);
    const channel = new SecureChannel({ name: COORDINATOR_NAME, identity: server.options.identity },
      { name: hello.agency, key: hello.identityKey }, this.serverHello!.session);
    const session = new AgencySession(hello.agency, hello.identityKey, this.socket, channel, (code) => count(server, code));
    this.session = session;
    this.raw.off('data', this.meter);
    const previous = server.sessions.get(hello.agency);
    server.sessions.set(hello.agency, session);
    if (previous) {
      previous.close(new ProtocolError('DUPLICATE_SESSION', `${hello.agency} connected again`));
      server.handlers.onClose(previous, 'replaced by a new connection');
    }
    server.options.log.info({ agency: hello.agency, remote: this.remote }, 'agency connected');
    server.handlers.onSession(session);
  }

  /** A refusal: a notice keeps an agency's session, a fatal one closes it, and before the handshake the peer is refused. */
  private rejected(error: ProtocolError): void {
    const { session, server } = this;
    if (!session) return this.fail(error);
    server.options.log.warn({ agency: session.agency, code: error.code }, error.message);
    if (error.fatal) session.close(error);
    else session.notify(error);
    server.handlers.onRejected?.(session, error);
  }

  private fail(error: ProtocolError): void {
    this.refused = true;
    clearTimeout(this.timer);
    refuse(this.server, this.socket, error, this.remote, this.hello?.agency);
  }
}

async function closeServer(server: ServerState, wss: WebSocketServer, http: HttpServer): Promise<void> {
  for (const session of server.sessions.values()) session.close(new ProtocolError('SHUTTING_DOWN', 'coordinator stopping'));
  for (const socket of wss.clients) {
    if (socket.readyState === socket.OPEN) socket.close(ERRORS.SHUTTING_DOWN.close, 'SHUTTING_DOWN');
  }
  // Let the close frames reach the peers (a client tells "finished" from "lost" by the code),
  // but do not wait on a peer that never answers.
  const end = Date.now() + CLOSE_GRACE_MS;
  while (wss.clients.size > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  for (const socket of wss.clients) socket.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  const closed = new Promise<void>((resolve) => http.close(() => resolve()));
  http.closeAllConnections();
  await closed;
}

const CLOSE_GRACE_MS = 1_000;
/** Bytes a connection may send before its handshake completes: a ClientHello and a ClientProof are a few hundred. */
export const PRE_HANDSHAKE_BYTES = 64 * 1024;

/** The rejection a ws-level failure counts as; undefined for a network error (not a refusal). */
function wsErrorCode(code: string | undefined): ErrorCode | undefined {
  if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') return 'MESSAGE_TOO_LARGE';
  if (code?.startsWith('WS_ERR_')) return 'MALFORMED_FRAME';
  return undefined;
}

