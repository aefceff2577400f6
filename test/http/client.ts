// Loopback HTTP for the dashboard tests: plain requests, and an event-stream reader that keeps
// every event in arrival order and can wait for one.
import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export function call(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, body, json: <T>() => JSON.parse(body) as T });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface SseEvent { event: string; data: any }

export class EventReader {
  readonly events: SseEvent[] = [];
  status = 0;
  private waiters: Array<() => void> = [];
  private close = () => {};

  static open(url: string): Promise<EventReader> {
    const reader = new EventReader();
    return new Promise((resolve, reject) => {
      const req = request(url, (res) => {
        reader.status = res.statusCode!;
        reader.close = () => res.destroy();
        let pending = '';
        res.setEncoding('utf8');
        res.on('data', (text: string) => {
          pending += text;
          let end;
          while ((end = pending.indexOf('\n\n')) >= 0) {
            const block = pending.slice(0, end);
            pending = pending.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data !== undefined) reader.events.push({ event, data: JSON.parse(data) });
          }
          for (const wake of reader.waiters.splice(0)) wake();
        });
        res.on('error', () => {});
        resolve(reader);
      });
      req.on('error', reject);
      req.end();
    });
  }

  /** Index of the first event matching `match`, waiting for it to arrive. */
  async waitFor(match: (e: SseEvent) => boolean, what = 'an event', timeoutMs = 90_000): Promise<number> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const i = this.events.findIndex(match);
      if (i >= 0) return i;
      if (Date.now() > until) throw new Error(`no ${what} among ${JSON.stringify(this.events.map((e) => e.event))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** Index of the first event matching `match`, or -1. */
  indexOf(match: (e: SseEvent) => boolean): number {
    return this.events.findIndex(match);
  }

  stop(): void {
    this.close();
  }
}
