// A transparent WebSocket relay between agency clients and the coordinator that decodes and
// keeps every envelope the clients send: what the coordinator receives, message by message, for
// tests that must show what did (and did not) reach it.
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { decodeFrame, decodeMessage, socketBytes } from '../../proto/framing.js';
import type { cohort } from '../../proto/messages.js';

export interface Received {
  agency: string;
  round: number;
  kind: string;
  message: cohort.v1.Message;
}

export interface Relay {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export async function recordingRelay(target: string): Promise<Relay> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const received: Received[] = [];
  server.on('connection', (down) => {
    const up = new WebSocket(target, { perMessageDeflate: false });
    const pending: Buffer[] = [];
    up.on('error', () => down.terminate());
    down.on('error', () => up.terminate());
    up.on('open', () => { for (const b of pending.splice(0)) up.send(b); });
    down.on('message', (data) => {
      const bytes = data as Buffer;
      const frame = decodeFrame(socketBytes(bytes), 1 << 30);
      if (frame.kind === 'envelope') {
        const e = frame.envelope!;
        const message = decodeMessage(e.payload!);
        received.push({ agency: e.sender!, round: e.round!, kind: message.kind!, message });
      }
      if (up.readyState === WebSocket.OPEN) up.send(bytes); else pending.push(bytes);
    });
    up.on('message', (data) => down.send(data as Buffer));
    up.on('close', (code, reason) => down.close(code === 1005 || code === 1006 ? 1000 : code, reason));
    down.on('close', () => up.close());
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    async close() {
      for (const c of server.clients) c.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
