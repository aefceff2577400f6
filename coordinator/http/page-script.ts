// The dashboard's script, served at /app.js: it reads the run's status, follows /api/events,
// draws the charts with uPlot, and sends pause/resume/stop with the pasted token. Plain
// browser JavaScript in a string (no backquotes or dollar-brace inside); text goes in with
// textContent only, never as HTML.

/**
 * What the status line and the controls show, from the run's last known state and whether the
 * coordinator can be reached: a pure function (the page's only logic a test can run without a
 * browser, test/http/page-view.test.ts). An ended run says so and offers no control; an
 * unreachable coordinator is shown as such, with no agencies claimed and no control offered.
 */
export const STATUS_VIEW = String.raw`function statusView(state, connected) {
  var ended = state.status === 'finished' || state.status === 'stopped' || state.status === 'failed';
  var live = connected && !ended && (state.status === 'running' || state.status === 'pausing' || state.status === 'paused');
  var label = ended || connected ? state.status : 'unreachable';
  var parts = [];
  if (state.runId) parts.push('round ' + state.round + ' of ' + state.rounds);
  var ok = state.history.filter(function (r) { return r.status === 'ok'; }).length;
  if (state.history.length) parts.push(ok + ' aggregated, ' + (state.history.length - ok) + ' abandoned');
  if (live || (connected && state.status === 'idle')) {
    parts.push(state.agencies.length + ' agencies connected' + (state.agencies.length ? ' (' + state.agencies.join(', ') + ')' : ''));
  }
  if (state.reason) parts.push(state.reason);
  if (ended) parts.push(connected ? 'the run has ended' : 'the run has ended and its coordinator has exited: reload this page when a new run starts');
  else if (!connected) parts.push('the coordinator cannot be reached: the figures below are the last received; this page reconnects when it is back');
  return {
    label: label, className: label, text: parts.join(' · '), ended: ended,
    pause: live && state.status === 'running', resume: live && state.status !== 'running', stop: live,
    trainLoss: state.history.some(function (r) { return typeof r.trainLoss === 'number'; })
  };
}`;

/**
 * The agencies' federated validation of the model round `round` made: a round's record carries
 * the validation of the model it was offered (the previous round's), so the value for round r
 * is found in the record whose validation names model r. Drawn beside the held-out figures of
 * the same model (test/http/validation-series.test.ts).
 */
export const VALIDATION_OF = String.raw`function validationOf(history, round) {
  for (var i = 0; i < history.length; i++) {
    var v = history[i].validation;
    if (v && v.modelRound === round) return v;
  }
  return null;
}`;

export const PAGE_SCRIPT = String.raw`'use strict';
(function () {
` + STATUS_VIEW + String.raw`
` + VALIDATION_OF + String.raw`

  var state = { runId: null, status: 'idle', round: 0, rounds: 0, dp: false, stage: null, history: [], agencies: [] };
  var connected = false;
  var charts = {};
  var COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e'];

  function $(id) { return document.getElementById(id); }
  function num(v) { return typeof v === 'number' && isFinite(v) ? v : null; }
  function fixed(v, digits) { return typeof v === 'number' ? v.toFixed(digits) : ''; }

  function validation(r, key, scale) {
    var v = validationOf(state.history, r.round);
    return v && num(v[key]) !== null ? scale * v[key] : null;
  }

  var SPECS = [
    { id: 'accuracy', series: [
      { label: 'held-out accuracy %', value: function (r) { return num(r.accuracy) === null ? null : 100 * r.accuracy; } },
      { label: 'federated validation accuracy %', value: function (r) { return validation(r, 'accuracy', 100); } }] },
    { id: 'loss', series: [
      { label: 'held-out loss', value: function (r) { return num(r.loss); } },
      { label: 'train loss', value: function (r) { return num(r.trainLoss); } },
      { label: 'federated validation loss', value: function (r) { return validation(r, 'loss', 1); } }] },
    { id: 'agencies', series: [
      { label: 'in the aggregate', value: function (r) { return r.contributors; } },
      { label: 'dropped', value: function (r) { return r.dropped; } },
      { label: 'declined', dash: [6, 4], value: function (r) { return r.declined; } }] },
    { id: 'epsilon', series: [
      { label: 'epsilon', value: function (r) { return num(r.epsilon); } }] }
  ];

  function chartWidth(el) { return Math.max(280, el.clientWidth); }

  function dataFor(spec) {
    var rounds = state.history.map(function (r) { return r.round; });
    return [rounds].concat(spec.series.map(function (s) {
      return state.history.map(function (r) { return s.value(r); });
    }));
  }

  function makeChart(spec) {
    var el = $('chart-' + spec.id);
    var opts = {
      width: chartWidth(el), height: 220,
      scales: { x: { time: false, range: function (u, min, max) { return [1, Math.max(state.rounds || 1, max || 1, 2)]; } } },
      axes: [{ label: 'round' }, {}],
      series: [{ label: 'round' }].concat(spec.series.map(function (s, i) {
        // Dashed where lines often coincide (dropped and declined are both 0 in a healthy run).
        return { label: s.label, stroke: COLORS[i], width: 2, dash: s.dash, points: { show: true, size: 5 }, spanGaps: false };
      }))
    };
    return new uPlot(opts, dataFor(spec), el);
  }

  function renderCharts() {
    var hasEpsilon = state.dp || state.history.some(function (r) { return num(r.epsilon) !== null; });
    $('figure-epsilon').hidden = !hasEpsilon;
    SPECS.forEach(function (spec) {
      if (spec.id === 'epsilon' && !hasEpsilon) return;
      if (!charts[spec.id]) charts[spec.id] = makeChart(spec);
      else charts[spec.id].setData(dataFor(spec));
    });
  }

  function renderStatus() {
    $('run-id').textContent = state.runId ? 'run ' + state.runId : '';
    var view = statusView(state, connected);
    var line = $('status');
    line.textContent = '';
    var box = document.createElement('span');
    box.className = view.className;
    var b = document.createElement('b');
    b.textContent = view.label;
    box.appendChild(b);
    line.appendChild(box);
    line.appendChild(document.createTextNode(' · ' + view.text));
    var s = state.stage;
    $('stage').textContent = s && connected && !view.ended ? 'round ' + s.round + ': ' + s.stage + ' ' + s.done + '/' + s.total : '';
    $('pause').disabled = !view.pause;
    $('resume').disabled = !view.resume;
    $('stop').disabled = !view.stop;
    // A request's answer ("resume requested") is stale once the run ended or the link was lost.
    if (view.ended || !connected) say('');
    $('train-loss-note').hidden = view.trainLoss || !state.history.length;
    // Nothing more will come from an ended run's coordinator once it is gone: stop retrying.
    if (view.ended && !connected) events.close();
  }

  function renderTable() {
    var body = $('rounds').tBodies[0];
    body.textContent = '';
    state.history.slice().reverse().forEach(function (r) {
      var tr = document.createElement('tr');
      if (r.status !== 'ok') tr.className = 'abandoned';
      var v = r.validation;
      [r.kind ? r.round + ' (' + r.kind + ')' : r.round, r.status, r.contributors, r.dropped, r.declined, typeof r.trainLoss === 'number' ? fixed(r.trainLoss, 4) : '-',
        v ? 'model ' + v.modelRound + ': ' + fixed(v.loss, 4) + (typeof v.accuracy === 'number' ? ', ' + (100 * v.accuracy).toFixed(2) + '%' : '') : '',
        fixed(r.loss, 4), typeof r.accuracy === 'number' ? (100 * r.accuracy).toFixed(2) + '%' : '', fixed(r.epsilon, 3),
        fixed(r.seconds, 1), r.reason || ''].forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = String(v);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function renderAll() { renderStatus(); renderCharts(); renderTable(); }

  function say(text) { $('message').textContent = text; }

  function act(name) {
    var token = $('token').value.trim();
    if (!token) { say('paste the control token first: the file http-token in the coordinator\'s data directory'); return; }
    if (name === 'stop' && !window.confirm('Stop the run? It resumes later with the same --run-id.')) return;
    fetch('/api/runs/current/' + name, { method: 'POST', headers: { Authorization: 'Bearer ' + token } })
      .then(function (res) {
        return res.json().then(function (body) {
          if (!res.ok) { say(name + ' refused: ' + (body.error ? body.error.message : 'HTTP ' + res.status)); return; }
          say(name + ' requested');
          Object.assign(state, body);
          renderStatus();
        });
      })
      .catch(function (err) { say(name + ' failed: ' + err.message); });
  }

  ['pause', 'resume', 'stop'].forEach(function (name) {
    $(name).addEventListener('click', function () { act(name); });
  });

  function on(source, name, handle) {
    source.addEventListener(name, function (e) { handle(JSON.parse(e.data)); });
  }

  var events = new EventSource('/api/events');
  fetch('/api/runs/current').then(function (res) { return res.json(); }).then(function (status) {
    connected = true;
    state = status;
    renderAll();
  }).catch(function () { connected = false; renderStatus(); });

  events.onopen = function () { connected = true; renderStatus(); };
  events.onerror = function () { connected = false; renderStatus(); };
  on(events, 'snapshot', function (status) { connected = true; state = status; renderAll(); });
  on(events, 'status', function (status) { Object.assign(state, status); renderStatus(); });
  on(events, 'round-start', function (d) {
    state.round = d.round; state.stage = null; state.agencies = d.agencies || state.agencies; renderStatus();
  });
  on(events, 'stage', function (d) { state.stage = d; renderStatus(); });
  on(events, 'round-end', function (record) {
    state.history.push(record); state.stage = null; renderAll();
  });

  window.addEventListener('resize', function () {
    SPECS.forEach(function (spec) {
      var chart = charts[spec.id];
      if (chart) chart.setSize({ width: chartWidth($('chart-' + spec.id)), height: 220 });
    });
  });
})();
`;
