// StageCollector: one answer per member, until all answered, dropped, or the deadline passed.
// Deadlines run on fake timers, so nothing here depends on how busy the machine is.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StageCollector } from '../../coordinator/collector.js';

describe('StageCollector', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('settles as soon as every member has answered or dropped, without waiting for the deadline', async () => {
    const collector = new StageCollector<number>(['a', 'b', 'c']);
    let settled = false;
    const done = collector.wait(60_000).then((r) => { settled = true; return r; });
    collector.deliver('a', 1);
    collector.drop('b', 'disconnected');
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    collector.deliver('c', 3);
    const result = await done;
    expect(vi.getTimerCount()).toBe(0);
    expect([...result.received]).toEqual([['a', 1], ['c', 3]]);
    expect([...result.missing]).toEqual([['b', 'disconnected']]);
  });

  it('leaves out members that did not answer by the deadline, and ignores them after it', async () => {
    const collector = new StageCollector<string>(['a', 'b', 'c']);
    const done = collector.wait(5_000);
    collector.deliver('a', 'x');
    await vi.advanceTimersByTimeAsync(4_999);
    collector.deliver('b', 'y');
    let settled = false;
    void done.then(() => { settled = true; });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const result = await done;
    expect([...result.received.keys()]).toEqual(['a', 'b']);
    expect(result.missing.get('c')).toBe('no answer within 5000 ms');
    collector.deliver('c', 'late');
    expect(result.received.has('c')).toBe(false);
    expect(collector.awaits('c')).toBe(false);
  });

  it('keeps the first answer of a member and ignores a second one, or a drop after it', async () => {
    const collector = new StageCollector<number>(['a', 'b']);
    const done = collector.wait(1_000);
    collector.deliver('a', 1);
    collector.deliver('a', 2);
    collector.drop('a', 'disconnected');
    collector.deliver('stranger', 9);
    expect(collector.awaits('a')).toBe(false);
    expect(collector.awaits('b')).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    const result = await done;
    expect([...result.received]).toEqual([['a', 1]]);
    expect([...result.missing.keys()]).toEqual(['b']);
  });

  it('settles at once for an empty cohort, or answers that came before wait()', async () => {
    await expect(new StageCollector<number>([]).wait(60_000)).resolves.toMatchObject({ received: new Map() });
    const early = new StageCollector<number>(['a']);
    early.deliver('a', 7);
    const result = await early.wait(60_000);
    expect(result.received.get('a')).toBe(7);
  });

  it('stops waiting when aborted, whether the signal fires during the wait or before it', async () => {
    const during = new AbortController();
    const collector = new StageCollector<number>(['a', 'b']);
    const done = collector.wait(60_000, during.signal);
    collector.deliver('a', 1);
    during.abort();
    const result = await done;
    expect([...result.received.keys()]).toEqual(['a']);
    expect([...result.missing.keys()]).toEqual(['b']);

    const before = AbortSignal.abort();
    let settled = false;
    const late = new StageCollector<number>(['a']).wait(60_000, before).then((r) => { settled = true; return r; });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
    expect((await late).missing.has('a')).toBe(true);
  });
});
