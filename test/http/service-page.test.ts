// The service dashboard's pure logic (the same source the page runs), evaluated without a
// browser: which charts a run's rounds call for, driven by the fields the records carry (so a
// metric added later is drawn with no change to the page), and what the buttons allow.
import { describe, expect, it } from 'vitest';
import { CHARTS_VIEW, CONTROLS_VIEW, SERVICE_SCRIPT } from '../../coordinator/http/service-script.js';

type Chart = { id: string; title: string; series: Array<{ key: string; label: string }> };
const chartsView = new Function(`${CHARTS_VIEW}; return chartsView;`)() as (history: Record<string, unknown>[]) => Chart[];
const controlsView = new Function(`${CONTROLS_VIEW}; return controlsView;`)() as (run: Record<string, unknown>, key: boolean, connected: boolean) => Record<string, boolean>;
const round = (n: number, extra: Record<string, unknown> = {}) => ({ round: n, status: 'ok', contributors: 3, dropped: 0, declined: 0, seconds: 1.5, ...extra });

describe('service dashboard view', () => {
  it('charts every metric the rounds carry, known ones first, and agencies per round', () => {
    expect(chartsView([])).toEqual([]);
    const plain = chartsView([round(1, { loss: 1, accuracy: 0.5, trainLoss: 1.2 }), round(2, { loss: 0.8, accuracy: 0.6, trainLoss: 0.9 })]);
    expect(plain.map((c) => c.id)).toEqual(['accuracy', 'loss', 'trainLoss', 'agencies']);
    expect(plain[3].series.map((s) => s.key)).toEqual(['contributors', 'dropped', 'declined']);
    // A metric the records gain later (federated evaluation's, say), flat or under `metrics`, gets its chart.
    const more = chartsView([round(1, { loss: 1, f1: 0.4, metrics: { auc: 0.7, note: 'x' } }), round(2, { epsilon: 0.3 })]);
    expect(more.map((c) => [c.id, c.title])).toEqual([['loss', 'held-out loss'], ['epsilon', 'privacy spent (epsilon)'], ['f1', 'f1'], ['metrics.auc', 'auc'], ['agencies', 'agencies per round']]);
    // Bookkeeping is not a metric; neither is a value that is not a finite number.
    expect(chartsView([round(1, { loss: Number.NaN, reason: 'why' })]).map((c) => c.id)).toEqual(['agencies']);
  });

  it('offers pause, resume and stop only to a loaded key, on a reachable service, as the run\'s status allows', () => {
    const run = (status: string, extra: Record<string, unknown> = {}) => ({ status, stoppedBy: null, ...extra });
    expect(controlsView(run('running'), true, true)).toEqual({ pause: true, resume: false, stop: true });
    expect(controlsView(run('paused'), true, true)).toEqual({ pause: false, resume: true, stop: true });
    expect(controlsView(run('queued'), true, true)).toEqual({ pause: false, resume: false, stop: true });
    for (const ended of ['finished', 'failed', 'stopped']) expect(controlsView(run(ended), true, true)).toEqual({ pause: false, resume: false, stop: false });
    expect(controlsView(run('running', { stoppedBy: 'alice' }), true, true)).toEqual({ pause: false, resume: false, stop: false });
    expect(controlsView(run('running'), false, true)).toEqual({ pause: false, resume: false, stop: false });
    expect(controlsView(run('running'), true, false)).toEqual({ pause: false, resume: false, stop: false });
  });

  it('the script the page runs holds these same functions, and no backquote or dollar-brace', () => {
    expect(SERVICE_SCRIPT).toContain(CHARTS_VIEW);
    expect(SERVICE_SCRIPT).toContain(CONTROLS_VIEW);
    expect(SERVICE_SCRIPT).not.toMatch(/`|\$\{/);
    expect(() => new Function(SERVICE_SCRIPT)).not.toThrow();
  });
});
