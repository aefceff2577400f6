// The test PKI works end to end: a client trusting the test CA accepts the server by name and by
// address; a client trusting only the other CA refuses it.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, get, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../helpers/tls.js';

let dir: string;
let pki: TestPki;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-tls-'));
  pki = await makeTestPki(dir);
  server = createServer({ key: await readFile(pki.serverKey), cert: await readFile(pki.serverCert) }, (_req, res) => {
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

function fetchWith(host: string, caFile: string): Promise<string> {
  return readFile(caFile).then(
    (ca) =>
      new Promise<string>((resolve, reject) => {
        const req = get({ host: '127.0.0.1', servername: host === '127.0.0.1' ? undefined : host, headers: { host }, port, ca, path: '/' }, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve(body));
        });
        req.on('error', reject);
      }),
  );
}

describe('makeTestPki', () => {
  it('makes a server certificate a client trusting the CA accepts, for localhost and 127.0.0.1', async () => {
    expect(await fetchWith('localhost', pki.caCert)).toBe('ok');
    expect(await fetchWith('127.0.0.1', pki.caCert)).toBe('ok');
  });

  it('is refused by a client trusting only the other CA', async () => {
    await expect(fetchWith('localhost', pki.untrustedCaCert)).rejects.toMatchObject({
      code: expect.stringMatching(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT/),
    });
  });

  it('names no other host', async () => {
    await expect(fetchWith('example.com', pki.caCert)).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });
});
