// A throwaway PKI for wss:// tests, made with the openssl CLI on each run so that no key or
// certificate is committed. EC P-256 keys: generating them takes milliseconds, RSA takes seconds.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const OPENSSL = process.env.OPENSSL ?? 'openssl';
const DAYS = '2';

export interface TestPki {
  /** CA certificate the clients trust (PEM file). */
  readonly caCert: string;
  readonly caKey: string;
  /** Server certificate for DNS:localhost and IP:127.0.0.1, signed by the CA. */
  readonly serverCert: string;
  readonly serverKey: string;
  /** A second CA that signed nothing here: a client trusting only it must refuse the server. */
  readonly untrustedCaCert: string;
  readonly untrustedCaKey: string;
}

export async function makeTestPki(dir: string): Promise<TestPki> {
  await mkdir(dir, { recursive: true });
  const path = (name: string) => join(dir, name);
  const [ca, untrusted] = await Promise.all([
    makeCa(path('ca'), 'Cohort Test CA'),
    makeCa(path('untrusted-ca'), 'Cohort Untrusted Test CA'),
  ]);

  const serverKey = path('server.key');
  const csr = path('server.csr');
  await openssl('req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', serverKey, '-out', csr, '-subj', '/CN=localhost');
  const ext = path('server.ext');
  await writeFile(ext, [
    'subjectAltName = DNS:localhost, IP:127.0.0.1',
    'basicConstraints = critical, CA:FALSE',
    'keyUsage = critical, digitalSignature',
    'extendedKeyUsage = serverAuth',
    '',
  ].join('\n'));
  const serverCert = path('server.crt');
  await openssl('x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-set_serial', serial(),
    '-days', DAYS, '-extfile', ext, '-out', serverCert);

  return {
    caCert: ca.cert,
    caKey: ca.key,
    serverCert,
    serverKey,
    untrustedCaCert: untrusted.cert,
    untrustedCaKey: untrusted.key,
  };
}

async function makeCa(base: string, commonName: string): Promise<{ cert: string; key: string }> {
  const key = `${base}.key`;
  const cert = `${base}.crt`;
  await openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', key, '-out', cert, '-days', DAYS, '-subj', `/CN=${commonName}`, '-set_serial', serial(),
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  return { cert, key };
}

async function openssl(...args: string[]): Promise<void> {
  try {
    await run(OPENSSL, args);
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args[0]} failed: ${stderr.trim() || (err as Error).message}`);
  }
}

/** Random serials: certificates from one issuer must never share one (RFC 5280, 4.1.2.2). */
function serial(): string {
  return '0x' + randomBytes(16).toString('hex');
}
