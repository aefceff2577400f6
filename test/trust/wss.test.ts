// Transport security: a coordinator given the test PKI's certificate serves wss://; a client
// trusting that CA connects and completes the handshake; one trusting another CA (or none) is
// refused by TLS before a byte of the protocol; plain ws:// off loopback needs an explicit flag.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToCoordinator } from '../../client/connection.js';
import { DEFAULT_LIMITS } from '../../coordinator/limits.js';
import { startCoordinator, type Coordinator } from '../../coordinator/service.js';
import { startTransport } from '../../coordinator/transport.js';
import { isLoopback } from '../../proto/loopback.js';
import { generateIdentity } from '../../identity/keys.js';
import { makeTestPki, type TestPki } from '../helpers/tls.js';
import { fixture, silent, until, type Fixture } from './wire.js';

let dir: string;
let pki: TestPki;
let fx: Fixture;
let coordinator: Coordinator;
let ca: Buffer;
let untrusted: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-wss-'));
  pki = await makeTestPki(join(dir, 'pki'));
  fx = await fixture(['agency-a']);
  ca = await readFile(pki.caCert);
  untrusted = await readFile(pki.untrustedCaCert);
  coordinator = await startCoordinator({
    dataDir: join(dir, 'coordinator'), identity: fx.coordinator, admission: fx.enrolment, host: '127.0.0.1', port: 0,
    limits: { ...DEFAULT_LIMITS, maxMessageBytes: 1 << 20 }, log: silent,
    tls: { cert: await readFile(pki.serverCert), key: await readFile(pki.serverKey) },
  });
});

afterAll(async () => {
  await coordinator?.close();
  await fx?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

const agency = () => ({ agency: 'agency-a', identity: fx.agencies['agency-a'], coordinatorKey: fx.coordinator.publicKey });

describe('wss://', () => {
  it('serves wss:// and a client trusting the CA completes the handshake, by address and by name', async () => {
    expect(coordinator.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    for (const url of [coordinator.url, coordinator.url.replace('127.0.0.1', 'localhost')]) {
      const link = await connectToCoordinator({ url, ca, ...agency() }, () => {});
      await until(() => coordinator.transport.sessions.has('agency-a'), 'the wss session');
      link.close();
      await link.closed;
      await until(() => !coordinator.transport.sessions.has('agency-a'), 'the session to end');
    }
  });

  it('a client trusting only another CA is refused by TLS; the protocol never starts', async () => {
    const before = { ...coordinator.transport.rejections };
    await expect(connectToCoordinator({ url: coordinator.url, ca: untrusted, ...agency() }, () => {}))
      .rejects.toMatchObject({ code: expect.stringMatching(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT/) });
    expect(coordinator.transport.sessions.size).toBe(0);
    expect(coordinator.transport.rejections).toEqual(before);
  });

  it('a client trusting only the system roots is refused by TLS', async () => {
    await expect(connectToCoordinator({ url: coordinator.url, ...agency() }, () => {}))
      .rejects.toMatchObject({ code: expect.stringMatching(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT/) });
  });

  it('TLS does not replace key pinning: the right CA with the wrong pinned key is COORDINATOR_KEY_MISMATCH', async () => {
    await expect(connectToCoordinator({ url: coordinator.url, ca, ...agency(), coordinatorKey: generateIdentity().publicKey }, () => {}))
      .rejects.toMatchObject({ name: 'ProtocolError', code: 'COORDINATOR_KEY_MISMATCH' });
  });

  it('plain ws:// to the wss:// port does not connect', async () => {
    await expect(connectToCoordinator({ url: coordinator.url.replace('wss://', 'ws://'), ...agency(), handshakeTimeoutMs: 5_000 }, () => {}))
      .rejects.toThrow();
    expect(coordinator.transport.sessions.size).toBe(0);
  });
});

describe('plain ws:// off loopback', () => {
  it('knows loopback from the rest', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', '192.0.2.7', 'example.org', 'localhost.example.org', '128.0.0.1']) expect(isLoopback(host), host).toBe(false);
  });

  it('a coordinator on a non-loopback host without TLS and without the flag refuses to start, and listens on nothing', async () => {
    // A free port, so "listens on nothing" can be checked by binding it afterwards.
    const port = await freePort();
    for (const host of ['0.0.0.0', '::']) {
      await expect(startTransport({ host, port, identity: fx.coordinator, admission: fx.enrolment, limits: DEFAULT_LIMITS, log: silent },
        { onSession() {}, onMessage() {}, onClose() {} })).rejects.toThrow(/refusing plain ws:\/\//);
    }
    await expect(startCoordinator({ dataDir: join(dir, 'plain'), identity: fx.coordinator, admission: fx.enrolment, host: '0.0.0.0', port,
      limits: DEFAULT_LIMITS, log: silent })).rejects.toThrow(/refusing plain ws:\/\//);
    expect(await freePort(port)).toBe(port);
  });

  it('starts with the explicit flag', async () => {
    const transport = await startTransport({ host: '0.0.0.0', port: 0, identity: fx.coordinator, admission: fx.enrolment,
      limits: DEFAULT_LIMITS, log: silent, allowPlainRemote: true }, { onSession() {}, onMessage() {}, onClose() {} });
    expect(transport.url).toMatch(/^ws:\/\//);
    await transport.close();
  });

  it('a client refuses plain ws:// to a non-loopback host before connecting, unless allowed', async () => {
    await expect(connectToCoordinator({ url: 'ws://192.0.2.7:9', ...agency() }, () => {})).rejects.toThrow(/refusing plain ws:\/\//);
  });
});

function freePort(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => {
      const bound = (server.address() as { port: number }).port;
      server.close(() => resolve(bound));
    });
  });
}
