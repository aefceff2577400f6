// Logs are JSON lines on stderr (or a file), so stdout stays for what a person reads.
// Secrets and raw updates are never passed to the logger: only ids, codes, sizes and hashes.
import { pino, type Logger } from 'pino';

export function createLogger(level: string, file?: string): Logger {
  return pino({ level, base: { pid: process.pid } }, pino.destination(file ? { dest: file, sync: true, mkdir: true } : 2));
}
