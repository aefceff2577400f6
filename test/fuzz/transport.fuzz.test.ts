// Hostile traffic during a real run. Three honest agency processes train three plaintext rounds
// while hostile peers hammer the same coordinator with random bytes, random Frames of every
// oneof, type-confused messages, truncated and bit-flipped frames, oversized and text frames,
// WebSocket-level violations, stalled handshakes, and, from enrolled "mallory" agencies that
// pass the real handshake, random envelopes, signed random Messages, replays, forgeries and a
// burst over the rate limit. Bounded in count and in time.
//
// It shows: the coordinator never throws (vitest fails on an uncaught exception), its memory
// stays bounded, the honest run completes and its ledger verifies, and every refusal a hostile
// peer observed is counted under its code in transport.rejections (exactly, for every code
// only a hostile peer can earn). FUZZ_SEED=<n> replays a run's choices. Needs dist/.
import { afterEach, describe, expect, it } from 'vitest';
import { connectToCoordinator } from '../../client/connection.js';
import { maxMessageBytesFor } from '../../coordinator/limits.js';
import { equalBytes, generateIdentity, sign, toHex, type Identity } from '../../identity/keys.js';
import { COORDINATOR_NAME, SecureChannel, signingBytes } from '../../proto/channel.js';
import { Stage } from '../../proto/stages.js';
import { ERRORS, isErrorCode, type ErrorCode } from '../../proto/errors.js';
import { encodeFrame, encodeMessage } from '../../proto/framing.js';
import { checkServerHello, clientProof, newClientHello } from '../../proto/handshake.js';
import { builtCli, smallRun, testFederation, type TestFederation } from '../trust/federation.js';
import { closeCodeIn, RawPeer, rawTcp, until, wsFrame } from '../trust/wire.js';
import { damaged, FrameType, randomFrame, randomMessage, randomObject, Rng, typeConfused } from './random-wire.js';

const WORKERS = 5;
const ATTEMPTS_PER_WORKER = 400;
const HOSTILE_TIME_LIMIT_MS = 90_000;
const OVERSIZED_MAX = 60;
const HANDSHAKE_TIMEOUT_MS = 5_000;

let h: TestFederation | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

/** What the peers saw: refusals by code (from close reasons and notices), and frames sent. */
class Tally {
  readonly fatal: Record<string, number> = {};
  readonly notices: Record<string, number> = {};
  sent = 0;
  connections = 0;
  unrefused = 0;
  /** Authenticated sessions that sent their script and left on their own (1000). */
  left = 0;

  closedWith(code: number, reason: string): void {
    const err: ErrorCode | undefined = isErrorCode(reason) ? reason
      : code === 1009 ? 'MESSAGE_TOO_LARGE' : code === 1002 || code === 1007 ? 'MALFORMED_FRAME' : undefined;
    if (err) this.fatal[err] = (this.fatal[err] ?? 0) + 1;
    else if (code === 1000 && reason === 'done') this.left++;
    else this.unrefused++;
  }
}

describe.skipIf(!builtCli())('transport fuzz during a real run', () => {
  it('hostile frames by the thousand: no crash, bounded memory, the honest run completes and verifies, every refusal counted', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? (Date.now() % 2 ** 31));
    console.log(`transport fuzz seed ${seed} (FUZZ_SEED=${seed} to replay)`);
    const config = smallRun({ runId: 'fuzz', rounds: 3 });
    // 20 messages a second is far above what an honest client sends (a few a round) and low
    // enough that a burst outruns the coordinator's signature checks and trips the limit.
    // No roster: the mallory agencies are enrolled after the coordinator starts.
    h = await testFederation('fuzz', config, 3, { limits: { handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS, messagesPerSecond: 20 }, roster: false });
    const mallory: Identity[] = [];
    for (let w = 0; w < WORKERS; w++) {
      mallory.push(generateIdentity());
      await h.federation.enrolment.add(`mallory-${w}`, toHex(mallory[w].publicKey));
    }
    const maxMessageBytes = maxMessageBytesFor(h.model.parameters);
    const { coordinator } = h;
    const { url } = coordinator;
    const coordinatorKey = h.federation.coordinatorIdentity.publicKey;
    const honest = h.federation.agencies.map((a) => a.name);
    for (const a of honest) h.spawn(a);
    await h.waitForSessions(honest);

    const memory = { baseHeap: process.memoryUsage().heapUsed, baseRss: process.memoryUsage().rss, peakHeap: 0, peakRss: 0 };
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      memory.peakHeap = Math.max(memory.peakHeap, m.heapUsed);
      memory.peakRss = Math.max(memory.peakRss, m.rss);
    }, 100);

    const tally = new Tally();
    const oversized = new Uint8Array(maxMessageBytes + 1);
    let oversizedSent = 0;
    let stop = false;
    const deadline = Date.now() + HOSTILE_TIME_LIMIT_MS;

    /** One connection: send `frames`, wait for the coordinator to close it, note how. */
    async function oneShot(frames: (Uint8Array | string)[]): Promise<void> {
      const p = new RawPeer(url);
      tally.connections++;
      try {
        await p.opened;
      } catch {
        tally.unrefused++;
        return;
      }
      for (const f of frames) {
        p.send(f);
        tally.sent++;
      }
      const closed = await Promise.race([p.closed, new Promise<undefined>((r) => setTimeout(() => r(undefined), 3 * HANDSHAKE_TIMEOUT_MS))]);
      if (!closed) {
        p.close();
        tally.unrefused++;
        return;
      }
      tally.closedWith(closed.code, closed.reason);
    }

    /** An enrolled mallory passes the real handshake, then sends `script` (each step may end the session). */
    async function authenticated(w: number, rng: Rng, steps: number, burst = false): Promise<void> {
      const name = `mallory-${w}`;
      const identity = mallory[w];
      const p = new RawPeer(url);
      tally.connections++;
      await p.opened;
      const hello = newClientHello(name, identity);
      p.send(encodeFrame({ clientHello: hello }));
      const reply = await p.frame('serverHello');
      if (!reply) {
        const closed = await p.closed;
        tally.closedWith(closed.code, closed.reason);
        return;
      }
      const server = checkServerHello(hello, reply.serverHello!, coordinatorKey, equalBytes);
      p.send(encodeFrame({ clientProof: { signature: clientProof(hello, server, identity) } }));
      let seq = 0;
      let last: Uint8Array | undefined;
      const sealRaw = (payload: Uint8Array, round: number, stage: number, key = identity) => {
        const header = { sender: name, session: server.session, seq: ++seq, round, stage };
        return encodeFrame({ envelope: { ...header, payload, signature: sign(signingBytes(header, payload), key.secretKey) } });
      };
      const nextFrame = (): Uint8Array => {
        // A burst is all well-formed and correctly signed (each merely out of turn), so that only the rate can stop it.
        if (burst) return sealRaw(encodeMessage({ notice: { code: 'BURST', message: String(rng.next()), fatal: false } }), 0, Stage.STAGE_CONTROL);
        if (rng.chance(0.8)) return sealRaw(randomMessage(rng), rng.int(5), rng.int(9)); // signed random Message, any round and stage
        switch (rng.int(7)) {
          case 0: return encodeFrame({ envelope: randomObject(rng, FrameType.fields.envelope.resolvedType as never) }); // random envelope
          case 1: return sealRaw(rng.bytes(rng.length(200)), rng.int(5), rng.int(9)); // signed, payload random bytes
          case 2: return sealRaw(randomMessage(rng), rng.int(5), rng.int(9)); // signed random Message, any round and stage
          case 3: return last ?? sealRaw(typeConfused(rng), 0, Stage.STAGE_CONTROL); // replay
          case 4: return sealRaw(randomMessage(rng), 0, Stage.STAGE_CONTROL, mallory[(w + 1) % WORKERS]); // forged
          case 5: return damaged(rng, sealRaw(randomMessage(rng), rng.int(4), rng.int(8))); // cut or flipped
          default: return rng.chance(0.5) ? randomFrame(rng) : typeConfused(rng);
        }
      };
      if (burst) {
        // Signed first, sent back to back: the coordinator sees them as fast as it can check them.
        const frames = Array.from({ length: steps }, nextFrame);
        for (const f of frames) {
          if (p.socket.readyState !== p.socket.OPEN) break;
          p.send(f);
          tally.sent++;
        }
      }
      for (let i = 0; i < steps && !burst && p.socket.readyState === p.socket.OPEN; i++) {
        last = nextFrame();
        p.send(last);
        tally.sent++;
      }
      // Wait until the coordinator has answered (it closes, or goes quiet), then leave with 1000.
      // The close code seen is the coordinator's if it refused first, else the echo of ours.
      let heard = -1;
      while (p.socket.readyState === p.socket.OPEN && heard !== p.frames.length) {
        heard = p.frames.length;
        await Promise.race([p.closed, new Promise((r) => setTimeout(r, 250))]);
      }
      if (p.socket.readyState === p.socket.OPEN) p.socket.close(1000, 'done');
      const closed = await p.closed;
      tally.closedWith(closed.code, closed.reason);
      // The coordinator's non-fatal refusals, read the way the agency would: opened and verified.
      const reader = new SecureChannel({ name, identity }, { name: COORDINATOR_NAME, key: coordinatorKey }, server.session);
      for (const f of p.frames) {
        if (f.kind !== 'envelope') continue;
        const opened = reader.open(f.envelope!);
        const notice = opened.message.kind === 'notice' ? opened.message.notice! : undefined;
        if (notice && !notice.fatal) tally.notices[notice.code ?? ''] = (tally.notices[notice.code ?? ''] ?? 0) + 1;
      }
    }

    async function rawViolation(rng: Rng): Promise<void> {
      const frame = rng.pick([
        () => wsFrame(2, rng.bytes(8), { mask: false }),
        () => wsFrame(rng.pick([3, 4, 5, 6, 7, 11, 12]), rng.bytes(4)),
        () => wsFrame(2, rng.bytes(4), { rsv: 1 + rng.int(7) }),
        () => wsFrame(1, new Uint8Array([0xc3, 0x28, 0xff])),
        () => wsFrame(9, rng.bytes(200)), // ping over 125 bytes
      ])();
      const raw = rawTcp(url, frame);
      tally.connections++;
      tally.sent++;
      await Promise.race([raw.closed, new Promise((r) => setTimeout(r, 10_000))]);
      raw.socket.destroy();
      const code = closeCodeIn(raw.received);
      if (code === undefined) tally.unrefused++;
      else tally.closedWith(code, '');
    }

    async function worker(w: number): Promise<void> {
      const rng = new Rng(seed + w * 7919);
      // One burst over the rate limit each, staggered; after the loop if the honest run ended first
      // (a run once saw 4 of 5 when it outpaced the last worker).
      const burstAt = 3 + 4 * w;
      let burst = false;
      for (let i = 0; i < ATTEMPTS_PER_WORKER && !stop && Date.now() < deadline; i++) {
        const kind = rng.int(100);
        const some = <T>(make: () => T): T[] => Array.from({ length: 1 + rng.int(4) }, make);
        if (i === burstAt) {
          burst = true;
          await authenticated(w, rng, 400, true);
        } else if (kind < 15) await oneShot(some(() => rng.bytes(rng.chance(0.9) ? rng.length(400) : 1000 + rng.int(4000))));
        else if (kind < 28) await oneShot(some(() => randomFrame(rng)));
        else if (kind < 36) await oneShot(some(() => typeConfused(rng)));
        else if (kind < 44) await oneShot([damaged(rng, encodeFrame({ clientHello: newClientHello(rng.pick(['agency-1', `mallory-${w}`, 'nobody']), mallory[w]) }))]);
        else if (kind < 47) await oneShot([rng.pick(['', 'hello', '{"clientHello":{}}', '\u0000'.repeat(64)])]);
        else if (kind < 53 && oversizedSent < OVERSIZED_MAX) { oversizedSent++; await oneShot([oversized]); }
        else if (kind < 57) await rawViolation(rng);
        // At most 18 envelopes: with the hello and the proof, no more than the 20 a second the bucket
        // starts with, so only the bursts above are rate-limited (with up to 40 some were, now and then).
        else await authenticated(w, rng, 1 + rng.int(18));
      }
      if (!burst) await authenticated(w, rng, 400, true);
    }

    // A few peers that connect and never speak: each must be timed out.
    const before = { ...coordinator.transport.rejections };
    expect(before).toEqual({});
    const stallers = Array.from({ length: 3 }, () => oneShot([]));
    const started = Date.now();
    const run = coordinator.run(config, h.model).finally(() => { stop = true; });
    const hostile = Promise.all([...Array.from({ length: WORKERS }, (_, w) => worker(w)), ...stallers]);
    const [result] = await Promise.all([run, hostile]);
    clearInterval(sampler);
    console.log(`fuzz: ${tally.connections} hostile connections, ${tally.sent} hostile frames in ${((Date.now() - started) / 1000).toFixed(1)} s; `
      + `heap ${mb(memory.baseHeap)} -> peak ${mb(memory.peakHeap)}, rss ${mb(memory.baseRss)} -> peak ${mb(memory.peakRss)}; `
      + `seen ${JSON.stringify(tally.fatal)} notices ${JSON.stringify(tally.notices)} left ${tally.left} unrefused ${tally.unrefused}; `
      + `counted ${JSON.stringify(coordinator.transport.rejections)}`);

    // The honest run went through all its rounds.
    expect(result.state.status).toBe('finished');
    expect(result.state.completedRounds).toBe(3);
    for (const record of result.state.history) expect(record.status).toBe('ok');

    // Bounded: thousands of frames, every one of them an attack, at least one of each kind.
    expect(tally.sent).toBeGreaterThan(1_500);
    expect(tally.fatal.MALFORMED_FRAME).toBeGreaterThan(0);
    expect(tally.fatal.MESSAGE_TOO_LARGE).toBeGreaterThan(0);
    expect(tally.fatal.HANDSHAKE_TIMEOUT).toBeGreaterThanOrEqual(3);
    expect(tally.fatal.RATE_LIMITED).toBe(WORKERS);

    // Every refusal a peer saw was counted under its code. Codes only a hostile peer can earn
    // match exactly: each refused connection is one rejection, however much it had in flight.
    const counted = coordinator.transport.rejections;
    for (const [code, seen] of Object.entries(tally.fatal)) {
      expect(counted[code] ?? 0, `${code} counted`).toBe(seen);
    }
    for (const [code, seen] of Object.entries(tally.notices)) {
      expect(counted[code] ?? 0, `${code} notices counted`).toBeGreaterThanOrEqual(seen);
    }
    for (const code of Object.keys(counted)) expect(Object.keys(ERRORS)).toContain(code);
    // Every hostile connection was refused, or was an enrolled agency that left after its script.
    expect(tally.unrefused).toBe(0);

    // Memory stayed bounded: thousands of refused connections and 40 frames over the size limit
    // (each about maxMessageBytes) left nothing behind that grows with them.
    expect(memory.peakHeap - memory.baseHeap).toBeLessThan(128 * 1024 * 1024);
    expect(memory.peakRss - memory.baseRss).toBeLessThan(512 * 1024 * 1024);

    // Still serving: a fresh enrolled agency completes the handshake; no hostile session lingers.
    await until(() => [...coordinator.transport.sessions.keys()].every((a) => !a.startsWith('mallory')), 'mallory sessions to end');
    const late = await connectToCoordinator({ url, agency: 'mallory-0', identity: mallory[0], coordinatorKey }, () => {});
    await until(() => coordinator.transport.sessions.has('mallory-0'), 'a fresh session after the fuzz');
    late.close();

    // The honest agencies leave when the coordinator stops; the ledger verifies with their receipts.
    await h.stop();
    const report = await h.verify();
    expect(report.ok, JSON.stringify(report.failure)).toBe(true);
    expect(report.receiptsChecked).toBeGreaterThanOrEqual(9);
  });
});

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
