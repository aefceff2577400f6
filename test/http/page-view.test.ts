// The dashboard page's status logic (STATUS_VIEW, the same source the page runs), evaluated
// without a browser: an ended run offers no control, an unreachable coordinator is said to be
// one and claims no agencies, and the train-loss column is explained when no round has one.
import { describe, expect, it } from 'vitest';
import { PAGE_SCRIPT, STATUS_VIEW } from '../../coordinator/http/page-script.js';

interface View { label: string; text: string; ended: boolean; pause: boolean; resume: boolean; stop: boolean; trainLoss: boolean }
type State = Record<string, unknown> & { history: Record<string, unknown>[] };
const statusView = new Function(`${STATUS_VIEW}; return statusView;`)() as (state: State, connected: boolean) => View;

const round = (n: number, extra: Record<string, unknown> = {}) => ({ round: n, status: 'ok', contributors: 3, dropped: 0, declined: 0, seconds: 1, ...extra });
const base = (extra: Partial<State>): State =>
  ({ runId: 'mnist-1', status: 'running', round: 2, rounds: 3, dp: false, stage: null, history: [round(1), round(2)], agencies: ['a', 'b', 'c'], ...extra });

describe('dashboard status view', () => {
  it('a running run with the coordinator reachable: agencies and the pause and stop controls', () => {
    const view = statusView(base({}), true);
    expect(view).toMatchObject({ label: 'running', ended: false, pause: true, resume: false, stop: true });
    expect(view.text).toContain('3 agencies connected (a, b, c)');
  });

  it('a finished run: its reason, no agencies claimed, no control, even while the page is still connected', () => {
    const view = statusView(base({ status: 'finished', reason: '3 of 3 rounds aggregated' }), true);
    expect(view).toMatchObject({ label: 'finished', ended: true, pause: false, resume: false, stop: false });
    expect(view.text).toContain('3 of 3 rounds aggregated');
    expect(view.text).toContain('the run has ended');
    expect(view.text).not.toContain('agencies connected');
  });

  it('a finished run whose coordinator exited says so', () => {
    const view = statusView(base({ status: 'finished', reason: '3 of 3 rounds aggregated' }), false);
    expect(view).toMatchObject({ label: 'finished', stop: false });
    expect(view.text).toContain('its coordinator has exited');
  });

  it('a run whose coordinator cannot be reached is shown unreachable, without agencies or controls', () => {
    for (const status of ['running', 'paused', 'pausing']) {
      const view = statusView(base({ status }), false);
      expect(view).toMatchObject({ label: 'unreachable', ended: false, pause: false, resume: false, stop: false });
      expect(view.text).toContain('cannot be reached');
      expect(view.text).not.toContain('agencies connected');
    }
  });

  it('says whether any round has a train loss (none under secure aggregation)', () => {
    expect(statusView(base({}), true).trainLoss).toBe(false);
    expect(statusView(base({ history: [round(1, { trainLoss: 0.31 })] }), true).trainLoss).toBe(true);
  });

  it('the page script that embeds it parses', () => {
    expect(() => new Function(PAGE_SCRIPT)).not.toThrow();
    expect(PAGE_SCRIPT).toContain(STATUS_VIEW);
  });
});
