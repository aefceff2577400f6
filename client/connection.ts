// The client's side of the wire: connect, authenticate the coordinator against the pinned key,
// prove our identity, then send and receive sealed envelopes.
import { WebSocket } from 'ws';
import { equalBytes, type Identity } from '../identity/keys.js';
import { COORDINATOR_NAME, SecureChannel, type Opened } from '../proto/channel.js';
import { isLoopback } from '../proto/loopback.js';
import { ERRORS, ProtocolError, isErrorCode } from '../proto/errors.js';
import { decodeFrame, encodeFrame, socketBytes, type Frame, type MessageInit } from '../proto/framing.js';
import { checkServerHello, clientProof, newClientHello } from '../proto/handshake.js';

export interface LinkOptions {
  url: string;
  agency: string;
  identity: Identity;
  /** The coordinator's Ed25519 public key, pinned in the agency's policy. */
  coordinatorKey: Uint8Array;
  /** PEM of the CA that signed the coordinator's TLS certificate (wss:// only). */
  ca?: string | Buffer;
  handshakeTimeoutMs?: number;
  maxMessageBytes?: number;
  /** Allow plain ws:// to a host that is not loopback (wss:// everywhere else). */
  allowPlainRemote?: boolean;
}

export interface CoordinatorLink {
  /** Seals `message` for `round` under the stage its kind belongs to. */
  send(message: MessageInit, round: number): void;
  /** Resolves with the reason when the connection ends, whoever ended it. */
  readonly closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export async function connectToCoordinator(options: LinkOptions, onMessage: (opened: Opened) => void): Promise<CoordinatorLink> {
  const maxBytes = options.maxMessageBytes ?? 256 * 1024 * 1024;
  const target = new URL(options.url);
  if (target.protocol === 'ws:' && !isLoopback(target.hostname) && !options.allowPlainRemote) {
    throw new RangeError(`refusing plain ws:// to ${target.hostname}: use wss:// (or allow plain remote explicitly)`);
  }
  const socket = new WebSocket(options.url, { ca: options.ca, maxPayload: maxBytes, perMessageDeflate: false });
  // An 'error' without a listener is thrown: a reset or a bad frame from the coordinator must
  // end this connection (ws closes it and 'close' follows), not the agency's process.
  let lastError: Error | undefined;
  socket.on('error', (err) => { lastError = err; });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  const frames = frameQueue(socket, maxBytes);

  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('close', () => reject(tlsTrustError(lastError, target, options.ca !== undefined)
        ?? lastError ?? new Error(`connection to ${options.url} closed before it opened`)));
    });
    const timeout = options.handshakeTimeoutMs ?? 10_000;
    const hello = newClientHello(options.agency, options.identity);
    socket.send(encodeFrame({ clientHello: hello }));
    const reply = await frames.next(timeout);
    if (reply.kind === 'rejection') throw rejectionError(reply);
    if (reply.kind !== 'serverHello') throw new ProtocolError('HANDSHAKE_FAILED', `expected ServerHello, got ${reply.kind}`);
    const server = checkServerHello(hello, reply.serverHello!, options.coordinatorKey, equalBytes);
    socket.send(encodeFrame({ clientProof: { signature: clientProof(hello, server, options.identity) } }));

    const channel = new SecureChannel({ name: options.agency, identity: options.identity },
      { name: COORDINATOR_NAME, key: options.coordinatorKey }, server.session);
    frames.drain((frame) => {
      if (frame.kind === 'rejection') {
        socket.close();
        return;
      }
      if (frame.kind !== 'envelope') throw new ProtocolError('HANDSHAKE_FAILED', `unexpected ${frame.kind} in session`);
      onMessage(channel.open(frame.envelope!));
    });
    return {
      send: (message, round) => {
        if (socket.readyState === socket.OPEN) socket.send(channel.seal(message, round));
      },
      closed,
      close: () => socket.close(1000, 'client leaving'),
    };
  } catch (err) {
    socket.terminate();
    throw err;
  }
}


/**
 * A certificate this client does not trust is not a network fault that a retry cures: a
 * RangeError (which the agent does not retry) that says how to fix it.
 */
export class TlsTrustError extends RangeError {
  override readonly name = 'TlsTrustError';
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

const UNTRUSTED_CHAIN = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_SIGNATURE_FAILURE', 'CERT_UNTRUSTED']);

function tlsTrustError(err: Error | undefined, target: URL, caGiven: boolean): TlsTrustError | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (err === undefined || code === undefined) return undefined;
  const host = target.hostname;
  if (UNTRUSTED_CHAIN.has(code)) {
    return new TlsTrustError(caGiven
      ? `the coordinator's TLS certificate (${host}) is not signed by the CA given with --ca (${err.message}): ask the coordinator's operator for the CA certificate that signed it`
      : `the coordinator's TLS certificate (${host}) is not signed by a CA this machine trusts (${err.message}): give the client the CA certificate that signed it with --ca <file> (the ML team's ca.pem)`, code);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new TlsTrustError(`the coordinator's TLS certificate is not for ${host} (${err.message}): connect with a host name the certificate names, or have the operator issue one for ${host}`, code);
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return new TlsTrustError(`the coordinator's TLS certificate ${code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not yet valid'} (${err.message}): its operator must renew it (or check this machine's clock)`, code);
  }
  return undefined;
}

/** The error for a connection closed during the handshake without a Rejection frame. */
function closedError(code: number, reason: string): ProtocolError {
  const named = Object.entries(ERRORS).find(([name, e]) => e.close === code && (reason === '' || reason === name));
  const err = named && isErrorCode(named[0]) ? named[0] : 'HANDSHAKE_FAILED';
  return new ProtocolError(err, `connection closed during the handshake (${code}${reason ? ` ${reason}` : ''})`);
}

function rejectionError(frame: Frame): ProtocolError {
  const code = frame.rejection?.code ?? '';
  return new ProtocolError(isErrorCode(code) ? code : 'HANDSHAKE_FAILED', `coordinator refused: ${frame.rejection?.message ?? code}`);
}

/** Frames in arrival order: awaited one by one during the handshake, then pushed to a handler. */
function frameQueue(socket: WebSocket, maxBytes: number) {
  const queued: Frame[] = [];
  let waiter: ((frame: Frame) => void) | undefined;
  let failure: ((err: Error) => void) | undefined;
  let handler: ((frame: Frame) => void) | undefined;
  let ended: ProtocolError | undefined;

  socket.on('message', (data) => {
    let frame: Frame;
    try {
      frame = decodeFrame(socketBytes(data), maxBytes);
    } catch (err) {
      socket.close((err as ProtocolError).closeCode ?? 1007, 'malformed frame');
      return;
    }
    if (handler) {
      try {
        handler(frame);
      } catch (err) {
        const error = err as ProtocolError;
        socket.close(error.closeCode ?? 1011, error.code ?? 'client error');
      }
    } else if (waiter) {
      const w = waiter;
      waiter = undefined;
      w(frame);
    } else {
      queued.push(frame);
    }
  });
  socket.on('close', (code, reason) => {
    ended = closedError(code, reason.toString());
    failure?.(ended);
  });

  return {
    next(timeoutMs: number): Promise<Frame> {
      const ready = queued.shift();
      if (ready) return Promise.resolve(ready);
      if (ended) return Promise.reject(ended);
      return new Promise<Frame>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiter = undefined;
          failure = undefined;
          reject(new ProtocolError('HANDSHAKE_TIMEOUT', `no reply within ${timeoutMs} ms`));
        }, timeoutMs);
        waiter = (frame) => { clearTimeout(timer); failure = undefined; resolve(frame); };
        failure = (err) => { clearTimeout(timer); waiter = undefined; reject(err); };
      });
    },
    drain(next: (frame: Frame) => void): void {
      handler = next;
      failure = undefined;
      for (const frame of queued.splice(0)) next(frame);
    },
  };
}
