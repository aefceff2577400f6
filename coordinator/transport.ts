// The coordinator's WebSocket shell: accepts connections, runs the handshake, admits enrolled
// agencies only, then opens each envelope and hands the message to the round engine. Hostile
// input never takes the process down: every failure is a ProtocolError sent to that peer (and
// counted), and the server goes on serving everyone else.
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { isLoopback } from '../proto/loopback.js';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { Identity } from '../identity/keys.js';
import { COORDINATOR_NAME, SecureChannel, type Opened } from '../proto/channel.js';
import { ERRORS, ProtocolError, type ErrorCode } from '../proto/errors.js';
import { decodeFrame, encodeFrame, socketBytes, type MessageInit } from '../proto/framing.js';
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
  // Only WebSocket upgrades are served: a plain HTTP request is answered at once, and a peer
  // that never finishes its request headers is dropped after the handshake timeout, since such
  // connections are not yet WebSockets and so not under maxConnections.
  const upgradeOnly = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(426, { connection: 'close', upgrade: 'websocket', 'content-type': 'text/plain' }).end('WebSocket only\n');
  };
  const http: HttpServer = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, upgradeOnly)
    : createHttpServer(upgradeOnly);
  http.headersTimeout = limits.handshakeTimeoutMs;
  http.requestTimeout = limits.handshakeTimeoutMs;
  const wss = new WebSocketServer({ server: http, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });
  const sessions = new Map<string, AgencySession>();
  const rejections: Record<string, number> = {};
  let open = 0;

  const count = (code: ErrorCode) => { rejections[code] = (rejections[code] ?? 0) + 1; };

  wss.on('connection', (socket, request) => {
    const remote = `${request.socket.remoteAddress}:${request.socket.remotePort}`;
    // First, before anything can fail: ws emits 'error' for a bad frame (too long, bad opcode,
    // unmasked, invalid UTF-8) or a reset socket, and an 'error' without a listener is thrown,
    // which would take the whole coordinator down for one hostile peer. ws closes the socket
    // itself (1009, 1002 or 1007); here it is only counted.
    socket.on('error', (err: Error & { code?: string }) => {
      const code = wsErrorCode(err.code);
      if (code) count(code);
      log.debug({ remote, err: err.message, code: err.code }, 'socket error');
    });
    if (open >= limits.maxConnections) {
      return refuse(socket, new ProtocolError('TOO_MANY_CONNECTIONS', `limit of ${limits.maxConnections} connections reached`), remote);
    }
    open++;
    socket.on('close', () => { open--; });
    acceptConnection(socket, request.socket, remote);
  });

  function refuse(socket: WebSocket, error: ProtocolError, remote: string, agency?: string): void {
    count(error.code);
    log.warn({ remote, agency, code: error.code }, error.message);
    if (socket.readyState === socket.OPEN) {
      socket.send(encodeFrame({ rejection: { code: error.code, message: error.message } }));
      socket.close(error.closeCode, error.code);
    } else {
      socket.terminate();
    }
  }

  function acceptConnection(socket: WebSocket, raw: Duplex, remote: string): void {
    const bucket = new TokenBucket(limits.messagesPerSecond);
    let hello: ClientHelloFields | undefined;
    let server: ServerHelloFields | undefined;
    let session: AgencySession | undefined;
    // Set once the connection is refused: what is still in flight is dropped, neither handled
    // nor counted again (a refused peer is one refusal, however much it had queued).
    let refused = false;
    const timer = setTimeout(() => {
      refused = true;
      refuse(socket, new ProtocolError('HANDSHAKE_TIMEOUT', `no handshake within ${limits.handshakeTimeoutMs} ms`), remote);
    }, limits.handshakeTimeoutMs);
    // ws refused a bad frame itself (counted on 'error' above) and is closing: that is this
    // peer's one refusal, so the handshake timer must not fire on it as well.
    socket.on('error', () => {
      refused = true;
      clearTimeout(timer);
    });

    // Until the peer has proved an enrolled key it may send no more than a handshake's worth of
    // bytes: otherwise each unauthenticated connection could make ws buffer up to
    // maxMessageBytes (the model's size) before any check ran.
    let unauthenticatedBytes = 0;
    const meter = (chunk: Buffer) => {
      unauthenticatedBytes += chunk.length;
      if (unauthenticatedBytes <= PRE_HANDSHAKE_BYTES || refused || session) return;
      refused = true;
      clearTimeout(timer);
      raw.off('data', meter);
      raw.pause();
      refuse(socket, new ProtocolError('MESSAGE_TOO_LARGE', `more than ${PRE_HANDSHAKE_BYTES} bytes before the handshake completed`), remote, hello?.agency);
      setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
    };
    raw.on('data', meter);

    socket.on('close', () => {
      raw.off('data', meter);
      clearTimeout(timer);
      if (session && sessions.get(session.agency) === session) {
        session.closed = true;
        sessions.delete(session.agency);
        handlers.onClose(session, 'connection closed');
      }
    });

    socket.on('message', (data, isBinary) => {
      if (refused || session?.closed) return;
      try {
        if (!bucket.take()) throw new ProtocolError('RATE_LIMITED', `more than ${limits.messagesPerSecond} messages a second`);
        if (!isBinary) throw new ProtocolError('MALFORMED_FRAME', 'text messages are not part of the protocol');
        const frame = decodeFrame(socketBytes(data), limits.maxMessageBytes);
        if (session) {
          if (frame.kind !== 'envelope') throw new ProtocolError('HANDSHAKE_FAILED', `unexpected ${frame.kind} after the handshake`);
          const opened = session.open(frame.envelope!);
          handlers.onMessage(session, opened);
        } else if (!hello) {
          if (frame.kind !== 'clientHello') throw new ProtocolError('HANDSHAKE_FAILED', `expected ClientHello, got ${frame.kind}`);
          hello = clientHelloFields(frame.clientHello!);
          if (!options.admission.isEnrolled(hello.agency, hello.identityKey)) {
            throw new ProtocolError('UNKNOWN_AGENCY', `agency "${hello.agency}" with this key is not enrolled`);
          }
          const serverHello = newServerHello(options.identity, hello, limits.maxMessageBytes);
          server = serverHello;
          socket.send(encodeFrame({ serverHello }));
        } else {
          if (frame.kind !== 'clientProof') throw new ProtocolError('HANDSHAKE_FAILED', `expected ClientProof, got ${frame.kind}`);
          checkClientProof(hello, server!, frame.clientProof!.signature ?? new Uint8Array());
          clearTimeout(timer);
          const channel = new SecureChannel({ name: COORDINATOR_NAME, identity: options.identity },
            { name: hello.agency, key: hello.identityKey }, server!.session);
          session = new AgencySession(hello.agency, hello.identityKey, socket, channel, count);
          raw.off('data', meter);
          const previous = sessions.get(hello.agency);
          sessions.set(hello.agency, session);
          if (previous) {
            previous.close(new ProtocolError('DUPLICATE_SESSION', `${hello.agency} connected again`));
            handlers.onClose(previous, 'replaced by a new connection');
          }
          log.info({ agency: hello.agency, remote }, 'agency connected');
          handlers.onSession(session);
        }
      } catch (err) {
        const error = err instanceof ProtocolError ? err
          : new ProtocolError('MALFORMED_FRAME', `message could not be handled: ${(err as Error).message}`);
        if (session && !error.fatal) {
          log.warn({ agency: session.agency, code: error.code }, error.message);
          session.notify(error);
          handlers.onRejected?.(session, error);
        } else if (session) {
          log.warn({ agency: session.agency, code: error.code }, error.message);
          session.close(error);
          handlers.onRejected?.(session, error);
        } else {
          refused = true;
          clearTimeout(timer);
          refuse(socket, error, remote, hello?.agency);
        }
      }
    });
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `${options.tls ? 'wss' : 'ws'}://${host}:${address.port}`;
  log.info({ url }, 'coordinator listening');

  return {
    url,
    sessions,
    rejections,
    async close() {
      for (const session of sessions.values()) session.close(new ProtocolError('SHUTTING_DOWN', 'coordinator stopping'));
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
    },
  };
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

