// StageRouter: a message reaches the stage that waits for it, an early one is held until its
// stage opens, and anything else is refused with OUT_OF_TURN without disturbing the round.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Opened } from '../../proto/channel.js';
import { Stage } from '../../proto/stages.js';
import { ProtocolError } from '../../proto/errors.js';
import { decodeMessage, encodeMessage, type MessageInit } from '../../proto/framing.js';
import { StageRouter, type Rejected } from '../../coordinator/stage-router.js';

const opened = (message: MessageInit, round: number, stage: Stage): Opened => ({ message: decodeMessage(encodeMessage(message)), round, stage });
const answer = (round: number, examples = 10) => opened({ roundAnswer: { accept: true, examples } }, round, Stage.STAGE_OFFER);
const upload = (round: number, loss = 0.5) => opened({ plainUpdate: { delta: new Uint8Array(8), weight: 0.5, loss } }, round, Stage.STAGE_MASKED_INPUT);

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ProtocolError);
    return (err as ProtocolError).code;
  }
  return undefined;
}

describe('StageRouter', () => {
  let rejected: Rejected[];
  let router: StageRouter;
  beforeEach(() => {
    vi.useFakeTimers();
    rejected = [];
    router = new StageRouter((r) => rejected.push(r));
    router.beginRound(4);
  });
  afterEach(() => { vi.useRealTimers(); });

  it('delivers each member\'s answer to the open stage, through accept', async () => {
    const done = router.collect(['a', 'b'], 'roundAnswer', 10_000, (agency, m) => `${agency}:${m.roundAnswer!.examples}`);
    router.route('a', answer(4, 3));
    router.route('b', answer(4, 5));
    const result = await done;
    expect([...result.received]).toEqual([['a', 'a:3'], ['b', 'b:5']]);
  });

  it('holds an upload that arrives while the config stage is open, and delivers it when the upload stage opens', async () => {
    const config = router.collect(['a', 'b'], 'roundAnswer', 10_000, () => true);
    router.route('a', answer(4));
    router.route('a', upload(4, 0.25)); // a is fast: trained before b answered
    router.route('b', answer(4));
    await config;
    const uploads = router.collect(['a', 'b'], 'plainUpdate', 10_000, (_, m) => m.plainUpdate!.loss);
    router.route('b', upload(4, 0.75));
    const result = await uploads;
    expect(result.received.get('a')).toBeCloseTo(0.25);
    expect(result.received.get('b')).toBeCloseTo(0.75);
    expect(rejected).toEqual([]);
  });

  it('refuses out of turn: another round, an earlier stage, a second early message, a wrong kind, a non-member', async () => {
    const uploads = router.collect(['a', 'b'], 'plainUpdate', 10_000, () => true);
    expect(codeOf(() => router.route('a', upload(3)))).toBe('OUT_OF_TURN');
    expect(codeOf(() => router.route('a', upload(5)))).toBe('OUT_OF_TURN');
    expect(codeOf(() => router.route('a', answer(4)))).toBe('OUT_OF_TURN');
    expect(codeOf(() => router.route('a', opened({ roundAnswer: { accept: true, examples: 1 } }, 4, Stage.STAGE_MASKED_INPUT)))).toBe('OUT_OF_TURN');
    expect(codeOf(() => router.route('mallory', upload(4)))).toBe('OUT_OF_TURN');
    // A stage further on is held once per agency; a second one is refused.
    expect(codeOf(() => router.route('a', opened({ unmaskRequest: {} } as MessageInit, 4, Stage.STAGE_UNMASKING)))).toBeUndefined();
    expect(codeOf(() => router.route('a', opened({ unmaskRequest: {} } as MessageInit, 4, Stage.STAGE_UNMASKING)))).toBe('OUT_OF_TURN');
    // None of it disturbed the stage: a and b still deliver.
    router.route('a', upload(4));
    router.route('b', upload(4));
    expect([...(await uploads).received.keys()]).toEqual(['a', 'b']);
    expect(rejected).toEqual([]); // out-of-turn refusals are the transport's to report
  });

  it('refuses a duplicate answer and keeps the first', async () => {
    const uploads = router.collect(['a', 'b'], 'plainUpdate', 10_000, (_, m) => m.plainUpdate!.loss);
    router.route('a', upload(4, 0.25));
    expect(codeOf(() => router.route('a', upload(4, 0.75)))).toBe('OUT_OF_TURN');
    router.route('b', upload(4, 0.5));
    expect((await uploads).received.get('a')).toBeCloseTo(0.25);
  });

  it('turns a rejected update into a drop, reported once, and goes on with the others', async () => {
    const uploads = router.collect(['a', 'b'], 'plainUpdate', 10_000, (agency, m) => {
      if ((m.plainUpdate!.loss ?? 0) > 1) throw new ProtocolError('BAD_UPDATE', `${agency} sent nonsense`);
      return true;
    });
    expect(codeOf(() => router.route('a', upload(4, 2)))).toBe('BAD_UPDATE');
    router.route('b', upload(4));
    const result = await uploads;
    expect([...result.received.keys()]).toEqual(['b']);
    expect(result.missing.get('a')).toBe('BAD_UPDATE: a sent nonsense');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ agency: 'a', round: 4 });
    expect(rejected[0].error.code).toBe('BAD_UPDATE');
  });

  it('never lets a held message that is refused when its stage opens throw out of collect', async () => {
    const config = router.collect(['a', 'b'], 'roundAnswer', 10_000, () => true);
    router.route('a', answer(4));
    router.route('a', upload(4, 2));        // early, and bad
    router.route('mallory', upload(4, 0.1)); // early, and not in the cohort
    router.route('b', answer(4));
    await config;
    const uploads = router.collect(['a', 'b'], 'plainUpdate', 10_000, (agency, m) => {
      if ((m.plainUpdate!.loss ?? 0) > 1) throw new ProtocolError('BAD_UPDATE', `${agency} sent nonsense`);
      return true;
    });
    router.route('b', upload(4));
    const result = await uploads;
    expect([...result.received.keys()]).toEqual(['b']);
    expect(result.missing.get('a')).toMatch(/^BAD_UPDATE/);
    expect(rejected.map((r) => [r.agency, r.error.code])).toEqual([['a', 'BAD_UPDATE'], ['mallory', 'OUT_OF_TURN']]);
  });

  it('drops a member that disconnects, and forgets held messages when the round ends', async () => {
    const config = router.collect(['a', 'b'], 'roundAnswer', 10_000, () => true);
    router.route('a', answer(4));
    router.route('b', upload(4)); // held
    router.disconnected('b');
    const result = await config;
    expect(result.missing.get('b')).toBe('disconnected');
    router.endRound();
    router.beginRound(5);
    const uploads = router.collect(['b'], 'plainUpdate', 1_000, () => true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await uploads).received.size).toBe(0);
  });

  it('refuses everything before the first round and after a round ends', () => {
    const fresh = new StageRouter(() => {});
    expect(codeOf(() => fresh.route('a', answer(0)))).toBe('OUT_OF_TURN');
    router.endRound();
    expect(codeOf(() => router.route('a', answer(4)))).toBe('OUT_OF_TURN');
  });
});

describe('StageRouter, a member gone between stages', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('drops at once a member whose connection closed before the stage opened', async () => {
    const router = new StageRouter(() => {});
    router.beginRound(1);
    const config = router.collect(['a', 'b'], 'roundAnswer', 10_000, () => true);
    router.route('a', answer(1));
    router.route('b', answer(1));
    await config;
    router.disconnected('b'); // b accepted, then its process died before the upload stage opened
    let settled = false;
    const uploads = router.collect(['a', 'b'], 'plainUpdate', 60_000, () => true).then((r) => { settled = true; return r; });
    router.route('a', upload(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
    expect((await uploads).missing.get('b')).toBe('disconnected');
    // The next round starts with a clean slate: b reconnected and is awaited again.
    router.beginRound(2);
    const next = router.collect(['b'], 'roundAnswer', 10_000, () => true);
    router.route('b', answer(2));
    expect((await next).received.has('b')).toBe(true);
  });
});
