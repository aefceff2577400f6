// The parsers every byte from the network goes through, fed tens of thousands of random and
// type-confused inputs in-process: each either yields a value or throws a ProtocolError with a
// code from the table, never another exception (which would reach the peer as an unexplained
// close, or on the client as close code 1011). FUZZ_SEED=<n> replays.
import { describe, expect, it } from 'vitest';
import { generateIdentity, equalBytes } from '../../identity/keys.js';
import { COORDINATOR_NAME, SecureChannel } from '../../proto/channel.js';
import { Stage } from '../../proto/stages.js';
import { ERRORS, ProtocolError } from '../../proto/errors.js';
import { decodeFrame, decodeMessage } from '../../proto/framing.js';
import { checkServerHello, clientHelloFields, newClientHello } from '../../proto/handshake.js';
import { damaged, randomFrame, randomMessage, Rng, typeConfused } from './random-wire.js';

const ROUNDS = 3_000;

function onlyProtocolErrors(run: () => unknown, seen: Record<string, number>): void {
  try {
    run();
    seen.ok = (seen.ok ?? 0) + 1;
  } catch (err) {
    if (!(err instanceof ProtocolError)) throw new Error(`not a ProtocolError: ${(err as Error).stack}`);
    expect(Object.keys(ERRORS)).toContain(err.code);
    seen[err.code] = (seen[err.code] ?? 0) + 1;
  }
}

describe('wire parsers under random input', () => {
  it('decodeFrame, decodeMessage, the handshake checks and SecureChannel.open throw only ProtocolErrors', () => {
    const seed = Number(process.env.FUZZ_SEED ?? (Date.now() % 2 ** 31));
    console.log(`decode fuzz seed ${seed}`);
    const rng = new Rng(seed);
    const agency = generateIdentity();
    const coordinator = generateIdentity();
    const session = rng.bytes(16);
    const honest = new SecureChannel({ name: 'agency-a', identity: agency }, { name: COORDINATOR_NAME, key: coordinator.publicKey }, session);
    const seen: Record<string, number> = {};
    const hello = newClientHello('agency-a', agency);
    for (let i = 0; i < ROUNDS; i++) {
      const input = rng.pick([
        () => rng.bytes(rng.length(300)),
        () => randomFrame(rng),
        () => typeConfused(rng),
        () => damaged(rng, randomFrame(rng)),
        () => damaged(rng, honest.seal({ notice: { code: 'X', message: 'y', fatal: false } }, rng.int(3), Stage.STAGE_CONTROL)),
      ])();
      onlyProtocolErrors(() => {
        const frame = decodeFrame(input, 1 << 20);
        if (frame.clientHello) clientHelloFields(frame.clientHello);
        if (frame.serverHello) checkServerHello(hello, frame.serverHello, coordinator.publicKey, equalBytes);
        if (frame.envelope) {
          // A fresh coordinator-side channel each time, so sequence 1 is the expected one.
          new SecureChannel({ name: COORDINATOR_NAME, identity: coordinator }, { name: 'agency-a', key: agency.publicKey }, session).open(frame.envelope);
        }
      }, seen);
      onlyProtocolErrors(() => decodeMessage(rng.chance(0.5) ? randomMessage(rng) : damaged(rng, randomMessage(rng))), seen);
    }
    console.log(`decode fuzz outcomes ${JSON.stringify(seen)}`);
    expect(seen.MALFORMED_FRAME).toBeGreaterThan(100);
    expect(seen.ok).toBeGreaterThan(100);
  });

  it('an oversized input is MESSAGE_TOO_LARGE before it is parsed', () => {
    expect(() => decodeFrame(new Uint8Array(1025), 1024)).toThrow(expect.objectContaining({ code: 'MESSAGE_TOO_LARGE' }));
  });
});
