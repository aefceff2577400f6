// Which hosts are loopback: the only ones where plain ws:// (and the dashboard's Host check)
// need no explicit opt-in, on the coordinator and the client alike.
import { isIPv4, isIPv6 } from 'node:net';

/** Loopback names and addresses: 127.0.0.0/8, ::1 (and IPv4-mapped 127/8), localhost. */
export function isLoopback(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare.toLowerCase() === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (isIPv6(bare)) {
    const lower = bare.toLowerCase();
    return lower === '::1' || lower === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(lower);
  }
  return false;
}
