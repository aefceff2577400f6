// Waits for one message from each member of a cohort at one stage, until all have answered,
// dropped out, or the deadline passes. Stragglers past the deadline are left out, not waited for.

export interface Collected<T> {
  received: Map<string, T>;
  /** Members that sent nothing usable in time: timed out, disconnected or rejected. */
  missing: Map<string, string>;
}

export class StageCollector<T> {
  private readonly received = new Map<string, T>();
  private readonly missing = new Map<string, string>();
  private readonly pending: Set<string>;
  private settle?: () => void;

  constructor(members: Iterable<string>) {
    this.pending = new Set(members);
  }

  awaits(agency: string): boolean {
    return this.pending.has(agency);
  }

  deliver(agency: string, value: T): void {
    if (!this.pending.delete(agency)) return;
    this.received.set(agency, value);
    this.check();
  }

  drop(agency: string, reason: string): void {
    if (!this.pending.delete(agency)) return;
    this.missing.set(agency, reason);
    this.check();
  }

  wait(deadlineMs: number, signal?: AbortSignal): Promise<Collected<T>> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        for (const agency of this.pending) this.missing.set(agency, `no answer within ${deadlineMs} ms`);
        this.pending.clear();
        this.settle = undefined;
        resolve({ received: this.received, missing: this.missing });
      };
      const onAbort = () => finish();
      const timer = setTimeout(finish, deadlineMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.settle = finish;
      // A signal that fired before the wait began never fires 'abort' again: check it here.
      if (signal?.aborted) finish();
      else this.check();
    });
  }

  private check(): void {
    if (this.pending.size === 0) this.settle?.();
  }
}
