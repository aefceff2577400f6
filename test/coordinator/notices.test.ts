// Notices from agencies (why they left a round) become ledger notes only up to a bound per agency
// and round; the rest are counted and the count is noted once (issue #11, B9: one agency within
// the rate limit wrote 4,986 fsynced notes in 30 s).
import { afterEach, describe, expect, it } from 'vitest';
import { connectToCoordinator, type CoordinatorLink } from '../../client/connection.js';
import { NoticeLedger } from '../../coordinator/notices.js';
import { DEFAULT_LIMITS } from '../../coordinator/limits.js';
import { ChaosFederation } from '../chaos/federation.js';

describe('NoticeLedger', () => {
  it('admits the first notices of each agency in each of the coordinator\'s rounds, counts the rest, and notes the count once', () => {
    const notes: string[] = [];
    const ledger = new NoticeLedger(2, (text) => notes.push(text));
    const admitted = Array.from({ length: 5 }, () => ledger.admit('a', 1));
    expect(admitted).toEqual([true, true, false, false, false]);
    expect(ledger.admit('b', 1)).toBe(true); // per agency
    expect(notes).toEqual([]);
    ledger.roundEnded(1);
    expect(notes).toEqual(['round 1: a sent 3 more notices than the 2 recorded per round; they were counted, not recorded']);
    ledger.roundEnded(1);
    expect(notes).toHaveLength(1); // once
    // Between rounds (the coordinator still on round 1) notices count toward the next round.
    expect([ledger.admit('a', 1), ledger.admit('a', 1), ledger.admit('a', 2)]).toEqual([true, true, false]);
  });

  it('a notice in a later round closes the earlier count at once', () => {
    const notes: string[] = [];
    const ledger = new NoticeLedger(1, (text) => notes.push(text));
    ledger.admit('a', 3);
    ledger.admit('a', 3);
    expect(ledger.admit('a', 4)).toBe(true);
    expect(notes).toEqual(['round 3: a sent 1 more notices than the 1 recorded per round; they were counted, not recorded']);
  });
});

let fed: ChaosFederation | undefined;
let link: CoordinatorLink | undefined;
afterEach(async () => {
  link?.close();
  link = undefined;
  await fed?.cleanup();
  fed = undefined;
});

describe('a noisy agency', () => {
  it('declining every round with 100 notices each leaves at most the bound of notes per round, and one count', async () => {
    fed = await ChaosFederation.create('b9', 3, { rounds: 2, secagg: { enabled: false }, minCohort: 3, selection: { min: 3 } });
    const identity = await fed.enrol('noisy');
    const coordinatorKey = fed.coordinatorIdentity.publicKey;
    const offered: number[] = [];
    const life = await fed.incarnation({
      onListening: (url) => {
        void connectToCoordinator({ url, agency: 'noisy', identity, coordinatorKey }, ({ message, round }) => {
          if (message.kind !== 'roundOffer') return;
          offered.push(round);
          link!.send({ roundAnswer: { accept: false, code: 'NOT_TODAY', reason: 'testing' } }, round);
          for (let i = 0; i < 100; i++) link!.send({ notice: { code: 'NOISE', message: `notice ${i}`, fatal: false } }, round);
        }).then((opened) => { link = opened; });
      },
    });
    expect(life.result!.state.history.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(offered.length).toBeGreaterThan(0);
    const notes = (await fed.ledger()).filter((e) => e.type === 'note').map((e) => String(e.body.text));
    // The bound holds for each of the coordinator's rounds (notices that straggle past a round's
    // end count toward the next), and each round's excess is one note with its count.
    const recorded = notes.filter((t) => t.includes('noisy refused: NOISE'));
    expect(recorded.length).toBeGreaterThanOrEqual(DEFAULT_LIMITS.noticesPerRound);
    expect(recorded.length).toBeLessThanOrEqual(DEFAULT_LIMITS.noticesPerRound * (offered.length + 1));
    const counted = notes.filter((t) => /noisy sent \d+ more notices/.test(t));
    expect(counted.length).toBeGreaterThanOrEqual(1);
    expect(counted.length).toBeLessThanOrEqual(offered.length + 1);
    const total = counted.reduce((n, t) => n + Number(/sent (\d+) more/.exec(t)![1]), 0);
    // Every notice is recorded or counted, but for any that came after the run ended.
    expect(total + recorded.length).toBeLessThanOrEqual(100 * offered.length);
    expect(total + recorded.length).toBeGreaterThan(100 * (offered.length - 1));
  });
});
