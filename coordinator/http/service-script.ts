// The run service's dashboard script, served at /app.js: the runs list and a run's page, kept
// live from /api/events; charts with uPlot; and the operator's changes, each request signed in
// the page with WebCrypto Ed25519 from the operator's key file (ledger/operator-request.ts says
// what is signed). The key is imported non-extractable and kept in this page's memory only: never
// sent, never stored; reloading the page forgets it. Plain browser JavaScript in a string (no
// backquotes or dollar-brace inside); text goes in with textContent only, never as HTML.

/**
 * Which charts a run's rounds call for, from the fields the round records have: every numeric
 * field except the bookkeeping ones gets a chart (so a metric added to the records later is drawn
 * with no change here), and agencies per round get one. A pure function, tested without a
 * browser (test/http/service-page.test.ts).
 */
export const CHARTS_VIEW = String.raw`function chartsView(history) {
  var LABELS = { accuracy: 'held-out accuracy', loss: 'held-out loss', trainLoss: 'train loss', epsilon: 'privacy spent (epsilon)' };
  var NOT_METRICS = { round: 1, contributors: 1, dropped: 1, declined: 1, seconds: 1, metricsFrom: 1 };
  var ORDER = ['accuracy', 'validation.accuracy', 'loss', 'validation.loss', 'trainLoss', 'epsilon'];
  var found = {};
  history.forEach(function (r) {
    Object.keys(r).forEach(function (k) {
      if (!NOT_METRICS[k] && typeof r[k] === 'number' && isFinite(r[k])) found[k] = true;
      if (k === 'metrics' && r.metrics && typeof r.metrics === 'object') {
        Object.keys(r.metrics).forEach(function (m) { if (typeof r.metrics[m] === 'number') found['metrics.' + m] = true; });
      }
      // The agencies' federated validation (of the model the round was offered): drawn at the round that made the model.
      if (k === 'validation' && r.validation && typeof r.validation === 'object') {
        Object.keys(r.validation).forEach(function (m) {
          if (m !== 'modelRound' && m !== 'examples' && typeof r.validation[m] === 'number' && isFinite(r.validation[m])) found['validation.' + m] = true;
        });
      }
    });
  });
  var keys = Object.keys(found).sort(function (a, b) {
    var ia = ORDER.indexOf(a), ib = ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : a > b ? 1 : 0);
  });
  var title = function (k) { return LABELS[k] || (k.indexOf('validation.') === 0 ? 'federated validation ' + k.slice(11) : k.replace(/^metrics\./, '')); };
  var charts = keys.map(function (k) { return { id: k, title: title(k), series: [{ key: k, label: title(k) }] }; });
  if (history.length) {
    charts.push({ id: 'agencies', title: 'agencies per round', series: [
      { key: 'contributors', label: 'in the aggregate' }, { key: 'dropped', label: 'dropped' }, { key: 'declined', label: 'declined', dash: [6, 4] }] });
  }
  return charts;
}`;

/**
 * The value of `key` ("loss", "metrics.auc") in a round record, or null. A federated validation
 * ("validation.accuracy") is that of the round's model, which the next round's record carries.
 */
export const VALUE_OF = String.raw`function valueOf(record, key, history) {
  if (key.indexOf('validation.') === 0) {
    var made = (history || []).find(function (r) { return r.validation && r.validation.modelRound === record.round; });
    var w = made ? made.validation[key.slice(11)] : null;
    return typeof w === 'number' && isFinite(w) ? w : null;
  }
  var v = key.indexOf('metrics.') === 0 ? (record.metrics || {})[key.slice(8)] : record[key];
  return typeof v === 'number' && isFinite(v) ? v : null;
}`;

/** What the run page's buttons allow, from the run's status, the key and the link. */
export const CONTROLS_VIEW = String.raw`function controlsView(run, keyLoaded, connected) {
  var live = connected && keyLoaded && !run.stoppedBy;
  return {
    pause: live && run.status === 'running',
    resume: live && run.status === 'paused',
    stop: live && (run.status === 'running' || run.status === 'paused' || run.status === 'queued')
  };
}`;

const SIGNING = String.raw`
  var DOMAIN = 'cohort-operator-request-v1';
  function hex(bytes) { return Array.prototype.map.call(new Uint8Array(bytes), function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join(''); }
  function fromHex(text) { var out = new Uint8Array(text.length / 2); for (var i = 0; i < out.length; i++) out[i] = parseInt(text.substr(2 * i, 2), 16); return out; }
  function base64url(bytes) { var s = ''; bytes.forEach(function (b) { s += String.fromCharCode(b); }); return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''); }
  // The length-prefixed transcript of bytes/transcript.ts: each field's UTF-8, after its length as a big-endian uint32.
  function transcript(fields) {
    var parts = fields.map(function (f) { return new TextEncoder().encode(f); });
    var out = new Uint8Array(parts.reduce(function (n, p) { return n + 4 + p.length; }, 0));
    var view = new DataView(out.buffer), at = 0;
    parts.forEach(function (p) { view.setUint32(at, p.length, false); out.set(p, at + 4); at += 4 + p.length; });
    return out;
  }
  async function loadKey(text) {
    var file;
    try { file = JSON.parse(text); } catch (e) { throw new Error('this is not a Cohort identity file (not JSON)'); }
    if (!file || file.type !== 'cohort-identity' || !/^[0-9a-f]{64}$/.test(file.secretKey || '') || !/^[0-9a-f]{64}$/.test(file.publicKey || '')) {
      throw new Error('this is not a Cohort identity file (cohort keys new writes them)');
    }
    var jwk = { kty: 'OKP', crv: 'Ed25519', d: base64url(fromHex(file.secretKey)), x: base64url(fromHex(file.publicKey)) };
    var key = await crypto.subtle.importKey('jwk', jwk, { name: 'Ed25519' }, false, ['sign']);
    return { operator: file.name, key: key };
  }
  async function signedFetch(method, path, bodyText) {
    var body = new TextEncoder().encode(bodyText || '');
    var timestamp = String(Date.now());
    var nonce = hex(crypto.getRandomValues(new Uint8Array(16)));
    var digest = hex(await crypto.subtle.digest('SHA-256', body));
    var signature = hex(await crypto.subtle.sign({ name: 'Ed25519' }, operator.key, transcript([DOMAIN, operator.operator, method, path, digest, timestamp, nonce])));
    var headers = { 'Cohort-Operator': operator.operator, 'Cohort-Timestamp': timestamp, 'Cohort-Nonce': nonce, 'Cohort-Signature': signature };
    if (method === 'POST') headers['Content-Type'] = 'application/json';
    var res = await fetch(path, { method: method, headers: headers, body: method === 'POST' ? body : undefined });
    var answer = await res.json().catch(function () { return {}; });
    if (!res.ok) throw new Error(answer.error ? answer.error.message : 'HTTP ' + res.status);
    return answer;
  }
`;

const RENDER = String.raw`
  function $(id) { return document.getElementById(id); }
  function cell(tr, text, className) { var td = document.createElement('td'); td.textContent = text === null || text === undefined ? '' : String(text); if (className) td.className = className; tr.appendChild(td); return td; }
  function when(iso) { return iso ? new Date(iso).toLocaleString() : ''; }
  function fixed(v, d) { return typeof v === 'number' ? v.toFixed(d) : ''; }
  function say(text) { $('message').textContent = text; }

  function renderRuns() {
    var body = $('runs').tBodies[0];
    body.textContent = '';
    state.runs.slice().reverse().forEach(function (run) {
      var tr = document.createElement('tr');
      tr.dataset.run = run.runId;
      cell(tr, run.runId);
      cell(tr, run.status, 'status ' + run.status);
      cell(tr, run.roundsOk + ' ok' + (run.roundsAbandoned ? ', ' + run.roundsAbandoned + ' abandoned' : '') + (run.openRound ? ' (round ' + run.openRound + ' open)' : ''));
      cell(tr, when(run.submittedAt || run.startedAt));
      cell(tr, run.submittedBy || '');
      cell(tr, when(run.endedAt));
      cell(tr, run.reason || (run.stoppedBy && !run.endedAt ? 'stopping (asked by ' + run.stoppedBy + ')' : ''));
      tr.addEventListener('click', function () { location.hash = '#/runs/' + run.runId; });
      body.appendChild(tr);
    });
    $('no-runs').hidden = state.runs.length > 0;
    $('connected-agencies').textContent = state.agencies.length + ' agencies connected' + (state.agencies.length ? ': ' + state.agencies.join(', ') : '');
  }

  function renderRun() {
    var run = state.detail;
    if (!run) return;
    $('title').textContent = 'run ' + run.runId;
    var line = $('run-status');
    line.textContent = '';
    var b = document.createElement('b');
    b.textContent = connected ? run.status : 'unreachable';
    b.className = connected ? run.status : 'unreachable';
    line.appendChild(b);
    var parts = ['round ' + run.round + (run.config ? ' of ' + run.config.rounds : ''), run.roundsOk + ' aggregated, ' + run.roundsAbandoned + ' abandoned'];
    if (run.submittedBy) parts.push('submitted by ' + run.submittedBy + ' ' + when(run.submittedAt));
    if (run.stoppedBy) parts.push(run.endedAt ? 'stopped by ' + run.stoppedBy : 'stopping (asked by ' + run.stoppedBy + ')');
    if (run.reason) parts.push(run.reason);
    line.appendChild(document.createTextNode(' · ' + parts.join(' · ')));
    var s = run.stage;
    $('run-stage').textContent = s && run.status === 'running' ? 'round ' + s.round + ': ' + s.stage + ' ' + s.done + '/' + s.total : '';
    var can = controlsView(run, !!operator, connected);
    $('pause').disabled = !can.pause;
    $('resume').disabled = !can.resume;
    $('stop').disabled = !can.stop;
    renderCharts(run.history);
    renderRounds(run.history);
    renderAgencies(run.agencies);
    var l = run.ledger;
    $('ledger').textContent = l.entries + ' entries of this run in ' + l.path + ' (the last at seq ' + l.lastSeq + '); ' +
      (l.endRecorded ? 'its end is recorded' + (l.endReceipt ? ', with the ML team\'s receipt' : '') : 'not ended yet') +
      '. Verify it yourself: npx cohort audit verify ' + l.path + ' --coordinator-key ' + l.coordinatorKey + (l.endRecorded ? ' --require-finished' : '');
  }

  var charts = {};
  function renderCharts(history) {
    var specs = chartsView(history);
    var box = $('charts');
    Object.keys(charts).forEach(function (id) {
      var kept = specs.find(function (s) { return s.id === id; });
      if (!kept || kept.series.length !== charts[id].series) { charts[id].plot.destroy(); box.removeChild(charts[id].figure); delete charts[id]; }
    });
    var data = function (spec) {
      return [history.map(function (r) { return r.round; })].concat(spec.series.map(function (s) { return history.map(function (r) { return valueOf(r, s.key, history); }); }));
    };
    // New figures go in first, then their plots: each is as wide as its place once the grid has them all.
    var created = specs.filter(function (spec) { return !charts[spec.id]; }).map(function (spec) {
      var figure = document.createElement('figure');
      figure.dataset.chart = spec.id;
      var caption = document.createElement('figcaption');
      caption.textContent = spec.title;
      var place = document.createElement('div');
      figure.appendChild(caption);
      figure.appendChild(place);
      box.appendChild(figure);
      return { spec: spec, figure: figure, place: place };
    });
    specs.forEach(function (spec) { if (charts[spec.id]) charts[spec.id].plot.setData(data(spec)); });
    var rounds = state.detail && state.detail.config ? state.detail.config.rounds : 1;
    created.forEach(function (c) {
      var plot = new uPlot({
        width: Math.max(260, c.place.clientWidth || 460), height: 200,
        scales: { x: { time: false, range: function (u, min, max) { return [1, Math.max(rounds, max || 1, 2)]; } } },
        axes: [{ label: 'round', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }, {}],
        series: [{ label: 'round' }].concat(c.spec.series.map(function (s, i) {
          return { label: s.label, stroke: COLORS[i % COLORS.length], width: 2, dash: s.dash, points: { show: true, size: 5 }, spanGaps: false };
        }))
      }, data(c.spec), c.place);
      charts[c.spec.id] = { plot: plot, figure: c.figure, series: c.spec.series.length };
    });
  }

  function renderRounds(history) {
    var metrics = chartsView(history).filter(function (c) { return c.id !== 'agencies'; });
    var keys = metrics.map(function (c) { return c.id; });
    var head = $('rounds').tHead;
    head.textContent = '';
    var hr = document.createElement('tr');
    ['round', 'status', 'agencies', 'dropped', 'declined'].concat(metrics.map(function (c) { return c.title; })).concat(['seconds', 'note']).forEach(function (h) {
      var th = document.createElement('th'); th.textContent = h; hr.appendChild(th);
    });
    head.appendChild(hr);
    var body = $('rounds').tBodies[0];
    body.textContent = '';
    history.slice().reverse().forEach(function (r) {
      var tr = document.createElement('tr');
      if (r.status !== 'ok') tr.className = 'abandoned';
      [r.round, r.status, r.contributors, r.dropped, r.declined].forEach(function (v) { cell(tr, v); });
      keys.forEach(function (k) { var v = valueOf(r, k, history); cell(tr, v === null ? '' : k === 'accuracy' || k === 'validation.accuracy' ? (100 * v).toFixed(2) + '%' : fixed(v, 4)); });
      cell(tr, fixed(r.seconds, 1));
      cell(tr, r.reason || '');
      body.appendChild(tr);
    });
  }

  function renderAgencies(agencies) {
    var body = $('agencies').tBodies[0];
    body.textContent = '';
    agencies.forEach(function (a) {
      var tr = document.createElement('tr');
      cell(tr, a.agency);
      cell(tr, a.connected ? 'yes' : 'no');
      cell(tr, when(a.lastSeen));
      cell(tr, when(a.joinedAt));
      cell(tr, a.declined ? a.declined.code + (a.declined.round ? ' (round ' + a.declined.round + ')' : '') + ': ' + a.declined.reason : '');
      body.appendChild(tr);
    });
  }

  function renderLog(lines) {
    var list = $('log');
    lines.forEach(function (line) {
      if (line.seq <= state.logSeq) return;
      state.logSeq = line.seq;
      var li = document.createElement('li');
      li.textContent = new Date(line.time).toLocaleTimeString() + '  ' + line.text;
      list.appendChild(li);
    });
  }
`;

export const SERVICE_SCRIPT = String.raw`'use strict';
(function () {
` + CHARTS_VIEW + '\n' + VALUE_OF + '\n' + CONTROLS_VIEW + '\n' + SIGNING + RENDER + String.raw`
  var COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e'];
  var state = { runs: [], agencies: [], view: 'runs', runId: null, detail: null, logSeq: -1 };
  var connected = false;
  var operator = null;
  var TEMPLATE = { runId: 'run-' + new Date().toISOString().slice(0, 16).replace(/[-:T]/g, ''), purpose: 'digit recognition research', model: 'mnist-2nn', rounds: 5,
    train: { epochs: 1, batchSize: 10, learningRate: 0.05 }, selection: { min: 3 }, minCohort: 3 };
  $('run-config').value = JSON.stringify(TEMPLATE, null, 2);

  async function getJson(path) {
    var res = await fetch(path);
    var body = await res.json();
    if (!res.ok) throw new Error(body.error ? body.error.message : 'HTTP ' + res.status);
    return body;
  }

  var pending = null;
  function refreshRun() {
    if (state.view !== 'run' || pending) return;
    var runId = state.runId;
    pending = Promise.all([getJson('/api/runs/' + runId), getJson('/api/runs/' + runId + '/log?after=' + state.logSeq)])
      .then(function (got) {
        if (state.runId !== runId || state.view !== 'run') return;
        state.detail = got[0];
        renderRun();
        renderLog(got[1].lines);
      })
      .catch(function (err) { say('cannot read run ' + runId + ': ' + err.message); })
      .then(function () { pending = null; });
  }

  function route() {
    var m = /^#\/runs\/([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(location.hash);
    state.view = m ? 'run' : 'runs';
    if (m && state.runId !== m[1]) {
      state.runId = m[1];
      state.detail = null;
      state.logSeq = -1;
      $('log').textContent = '';
      Object.keys(charts).forEach(function (id) { charts[id].plot.destroy(); });
      charts = {};
      $('charts').textContent = '';
    }
    $('runs-view').hidden = state.view !== 'runs';
    $('run-view').hidden = state.view !== 'run';
    if (state.view === 'runs') { $('title').textContent = 'runs'; renderRuns(); } else refreshRun();
  }
  window.addEventListener('hashchange', route);

  var events = new EventSource('/api/events');
  events.addEventListener('open', function () { connected = true; $('connection').textContent = 'connected to the service'; $('connection').className = 'status running'; if (state.detail) renderRun(); });
  events.addEventListener('error', function () {
    connected = false;
    $('connection').textContent = 'the service cannot be reached: the figures shown are the last received; this page reconnects when it is back';
    $('connection').className = 'status unreachable';
    if (state.detail) renderRun();
  });
  events.addEventListener('runs', function (e) { var d = JSON.parse(e.data); state.runs = d.runs; state.agencies = d.agencies; if (state.view === 'runs') renderRuns(); refreshRun(); });
  events.addEventListener('run', function (e) {
    var run = JSON.parse(e.data);
    var i = state.runs.findIndex(function (r) { return r.runId === run.runId; });
    if (i >= 0) state.runs[i] = run; else state.runs.push(run);
    if (state.view === 'runs') renderRuns();
    if (run.runId === state.runId) refreshRun();
  });
  events.addEventListener('stage', function (e) {
    var s = JSON.parse(e.data);
    if (state.detail && s.runId === state.runId) { state.detail.stage = s; renderRun(); }
  });
  events.addEventListener('round-end', function (e) { if (JSON.parse(e.data).runId === state.runId) refreshRun(); });
  events.addEventListener('log', function (e) { var d = JSON.parse(e.data); if (d.runId === state.runId && state.detail) renderLog([d.line]); });

  $('key-file').addEventListener('change', function () {
    var input = $('key-file');
    var file = input.files && input.files[0];
    if (!file) return;
    file.text().then(loadKey).then(function (loaded) {
      operator = loaded;
      return signedFetch('GET', '/api/operator');
    }).then(function (me) {
      $('operator').textContent = 'signing as ' + me.operator + ' (enrolled); the key stays in this page until you reload it';
      $('forget').hidden = false;
      say('');
      if (state.detail) renderRun();
    }).catch(function (err) {
      operator = null;
      $('operator').textContent = 'no key loaded: you can read, not change';
      say('the key was not loaded: ' + err.message);
    }).then(function () { input.value = ''; });
  });
  $('forget').addEventListener('click', function () {
    operator = null;
    $('operator').textContent = 'no key loaded: you can read, not change';
    $('forget').hidden = true;
    if (state.detail) renderRun();
  });

  $('submit-form').addEventListener('submit', function (e) {
    e.preventDefault();
    if (!operator) { say('load your operator key first: submitting a run is signed with it'); return; }
    var text = $('run-config').value;
    signedFetch('POST', '/api/runs', text).then(function (run) {
      say('submitted run ' + run.runId + ': ' + run.status);
    }).catch(function (err) { say('submit refused: ' + err.message); });
  });

  ['pause', 'resume', 'stop'].forEach(function (action) {
    $(action).addEventListener('click', function () {
      var run = state.detail;
      if (!run || !operator) return;
      if (action === 'stop' && !window.confirm('Stop run ' + run.runId + '? A stopped run ends for good.')) return;
      signedFetch('POST', '/api/runs/' + run.runId + '/' + action).then(function () {
        say(action + ' recorded in the ledger');
        refreshRun();
      }).catch(function (err) { say(action + ' refused: ' + err.message); });
    });
  });

  // Agencies come and go between events about runs: the list's count of them is refreshed now and then.
  setInterval(function () {
    if (state.view !== 'runs' || !connected) return;
    getJson('/api/runs').then(function (d) { state.runs = d.runs; state.agencies = d.agencies; renderRuns(); }).catch(function () {});
  }, 5000);

  route();
})();
`;
