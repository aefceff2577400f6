// Mutual authentication, as pure functions over the handshake messages.
//
//   client -> ClientHello {version, agency, identity key, nonce_c}
//   server -> ServerHello {coordinator key, nonce_s, session, sig_s}
//   client -> ClientProof {sig_c}
//
// T = SHA-256 of every field of both hellos; sig_s = Sign(coordinator, "server" || T) and
// sig_c = Sign(agency, "client" || T). Each signature covers the other side's fresh nonce, so a
// recorded handshake cannot be replayed into a new session, and the session id is bound into
// every later envelope (envelope.ts).
import { randomBytes } from 'node:crypto';
import { sign, verify, type Identity } from '../identity/keys.js';
import { sha256 } from '../bytes/digest.js';
import { transcript } from '../bytes/transcript.js';
import { ProtocolError } from './errors.js';
import type { cohort } from './messages.js';

export const PROTOCOL_VERSION = 2;
export const NONCE_BYTES = 32;
export const SESSION_BYTES = 16;
const DOMAIN = 'cohort/handshake/v1';

export interface ClientHelloFields {
  protocolVersion: number;
  agency: string;
  identityKey: Uint8Array;
  nonce: Uint8Array;
}

export interface ServerHelloFields {
  coordinatorKey: Uint8Array;
  nonce: Uint8Array;
  session: Uint8Array;
}

export function newClientHello(agency: string, identity: Identity): ClientHelloFields {
  return { protocolVersion: PROTOCOL_VERSION, agency, identityKey: identity.publicKey, nonce: fresh(NONCE_BYTES) };
}

export function newServerHello(coordinator: Identity, hello: ClientHelloFields, maxMessageBytes: number):
  cohort.v1.ServerHello.$Properties & ServerHelloFields {
  const fields = { coordinatorKey: coordinator.publicKey, nonce: fresh(NONCE_BYTES), session: fresh(SESSION_BYTES) };
  const signature = sign(role('server', handshakeHash(hello, fields)), coordinator.secretKey);
  return { protocolVersion: PROTOCOL_VERSION, ...fields, signature, maxMessageBytes };
}

/** Client side: the server's hello must carry the pinned key and a valid signature. */
export function checkServerHello(hello: ClientHelloFields, server: cohort.v1.IServerHello, pinnedKey: Uint8Array,
  equal: (a: Uint8Array, b: Uint8Array) => boolean): ServerHelloFields {
  const fields = serverFields(server);
  if (!equal(fields.coordinatorKey, pinnedKey)) {
    throw new ProtocolError('COORDINATOR_KEY_MISMATCH', 'the coordinator presented a key other than the pinned one');
  }
  if (!server.signature || !verify(role('server', handshakeHash(hello, fields)), server.signature, fields.coordinatorKey)) {
    throw new ProtocolError('HANDSHAKE_FAILED', 'the coordinator\'s handshake signature does not verify');
  }
  return fields;
}

export function clientProof(hello: ClientHelloFields, server: ServerHelloFields, identity: Identity): Uint8Array {
  return sign(role('client', handshakeHash(hello, server)), identity.secretKey);
}

export function checkClientProof(hello: ClientHelloFields, server: ServerHelloFields, signature: Uint8Array): void {
  if (!verify(role('client', handshakeHash(hello, server)), signature, hello.identityKey)) {
    throw new ProtocolError('HANDSHAKE_FAILED', `agency "${hello.agency}" did not prove possession of its key`);
  }
}

/** Server side: shape checks on a ClientHello before anything else is done with it. */
export function clientHelloFields(hello: cohort.v1.IClientHello): ClientHelloFields {
  if (hello.protocolVersion !== PROTOCOL_VERSION) {
    throw new ProtocolError('PROTOCOL_VERSION', `protocol version ${hello.protocolVersion} is not ${PROTOCOL_VERSION}`);
  }
  const agency = hello.agency ?? '';
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/i.test(agency)) throw new ProtocolError('HANDSHAKE_FAILED', 'agency id is missing or malformed');
  return {
    protocolVersion: PROTOCOL_VERSION,
    agency,
    identityKey: exact(hello.identityKey, 32, 'identity key'),
    nonce: exact(hello.nonce, NONCE_BYTES, 'client nonce'),
  };
}

function serverFields(server: cohort.v1.IServerHello): ServerHelloFields {
  if (server.protocolVersion !== PROTOCOL_VERSION) {
    throw new ProtocolError('PROTOCOL_VERSION', `coordinator speaks protocol ${server.protocolVersion}, not ${PROTOCOL_VERSION}`);
  }
  return {
    coordinatorKey: exact(server.coordinatorKey, 32, 'coordinator key'),
    nonce: exact(server.nonce, NONCE_BYTES, 'server nonce'),
    session: exact(server.session, SESSION_BYTES, 'session id'),
  };
}

function handshakeHash(hello: ClientHelloFields, server: ServerHelloFields): Uint8Array {
  return sha256(transcript(DOMAIN, hello.protocolVersion, hello.agency, hello.identityKey, hello.nonce,
    server.coordinatorKey, server.nonce, server.session));
}

function role(name: 'server' | 'client', hash: Uint8Array): Uint8Array {
  return transcript(name, hash);
}

function exact(bytes: Uint8Array | null | undefined, length: number, what: string): Uint8Array {
  if (!bytes || bytes.length !== length) throw new ProtocolError('HANDSHAKE_FAILED', `${what} must be ${length} bytes`);
  return new Uint8Array(bytes);
}

function fresh(length: number): Uint8Array {
  return new Uint8Array(randomBytes(length));
}
