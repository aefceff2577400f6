// Pause, resume and stop for one run, from outside the run loop (the dashboard's buttons).
// A pause takes effect between rounds (federation.ts waits at the gate); stop aborts the run's
// signal, so the run ends 'stopped' and resumes later with the same --run-id, as after Ctrl-C.
import type { RunGate } from '../run-parts.js';

export type ControlState = 'running' | 'pausing' | 'paused' | 'stopping';

export class RunControl implements RunGate {
  private readonly stopper = new AbortController();
  private pauseRequested = false;
  private held = false;
  private wake: Array<() => void> = [];

  /** Called on every change of state(); the monitor tells the dashboards. */
  constructor(private readonly onChange: (state: ControlState) => void = () => {}) {}

  /** Aborts when stop() is called. */
  get signal(): AbortSignal {
    return this.stopper.signal;
  }

  get paused(): boolean {
    return this.pauseRequested;
  }

  /** 'pausing' while the current round finishes, 'paused' once the loop waits at the gate. */
  get state(): ControlState {
    if (this.stopper.signal.aborted) return 'stopping';
    if (!this.pauseRequested) return 'running';
    return this.held ? 'paused' : 'pausing';
  }

  pause(): void {
    if (this.pauseRequested || this.stopper.signal.aborted) return;
    this.pauseRequested = true;
    this.onChange(this.state);
  }

  resume(): void {
    if (!this.pauseRequested || this.stopper.signal.aborted) return;
    this.pauseRequested = false;
    this.release();
    this.onChange(this.state);
  }

  stop(): void {
    if (this.stopper.signal.aborted) return;
    this.stopper.abort();
    this.release();
    this.onChange(this.state);
  }

  async untilResumed(signal?: AbortSignal): Promise<void> {
    if (!this.pauseRequested || signal?.aborted || this.stopper.signal.aborted) return;
    this.held = true;
    this.onChange(this.state);
    const onAbort = () => this.release();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await new Promise<void>((resolve) => this.wake.push(resolve));
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.held = false;
    }
  }

  private release(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const resolve of waiting) resolve();
  }
}
