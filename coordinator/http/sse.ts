// Server-Sent Events to the dashboards, bounded both ways: at most MAX_CLIENTS at once, and
// each may fall at most MAX_BUFFERED_BYTES behind. A client that falls further behind is
// dropped (its browser reconnects and starts over from a snapshot); the run never waits on it.
import type { ServerResponse } from 'node:http';
import { HttpError } from './errors.js';

export const MAX_CLIENTS = 16;
export const MAX_BUFFERED_BYTES = 256 * 1024;
const HEARTBEAT_MS = 15_000;

export class SseHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly limits = { maxClients: MAX_CLIENTS, maxBufferedBytes: MAX_BUFFERED_BYTES }) {
    // A comment line now and then keeps proxies from closing an idle stream.
    this.heartbeat = setInterval(() => this.writeAll(': keep-alive\n\n'), HEARTBEAT_MS).unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Opens the stream on `res`; `first` is the event sent before any other (the snapshot). */
  add(res: ServerResponse, first: { event: string; data: unknown }): void {
    if (this.clients.size >= this.limits.maxClients) {
      throw new HttpError(503, 'TOO_MANY_CLIENTS', `at most ${this.limits.maxClients} event streams at once`, { 'Retry-After': '10' });
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    this.write(res, 'retry: 2000\n\n' + frame(first.event, first.data));
  }

  broadcast(event: string, data: unknown): void {
    if (this.clients.size) this.writeAll(frame(event, data));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private writeAll(text: string): void {
    for (const res of this.clients) this.write(res, text);
  }

  private write(res: ServerResponse, text: string): void {
    // Bounded to the limit plus one event: the first event (a snapshot) may alone be larger.
    if (res.writableLength > this.limits.maxBufferedBytes) {
      this.clients.delete(res);
      res.destroy();
      return;
    }
    res.write(text);
  }
}

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
