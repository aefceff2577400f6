// The run service's dashboard page: the runs list, a run's page (charts, rounds, agencies,
// ledger, log), the operator's key, and the form that submits a run. Its behaviour is
// service-script.ts. No inline script or style: the Content-Security-Policy (default-src 'self')
// allows neither.

export const SERVICE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cohort runs</title>
<link rel="stylesheet" href="/vendor/uplot.css">
<link rel="stylesheet" href="/app.css">
</head>
<body>
<header>
  <h1><a href="#/">Cohort</a> <span id="title">runs</span></h1>
  <p id="connection" class="status">connecting…</p>
</header>
<section class="operator" aria-label="operator key">
  <label for="key-file">Operator key</label>
  <input id="key-file" type="file" accept=".key,application/json">
  <span id="operator">no key loaded: you can read, not change</span>
  <button id="forget" type="button" hidden>Forget the key</button>
  <span id="message" role="status"></span>
</section>
<main>
<section id="runs-view">
  <table id="runs">
    <thead><tr><th>run</th><th>status</th><th>rounds</th><th>submitted</th><th>by</th><th>ended</th><th>note</th></tr></thead>
    <tbody></tbody>
  </table>
  <p id="no-runs" class="note" hidden>No runs yet: submit one below, or with <code>cohort run submit</code>.</p>
  <p id="connected-agencies" class="note"></p>
  <form id="submit-form">
    <h2>Submit a run</h2>
    <label for="run-config">Run config (the JSON of <code>cohort run submit --run</code>)</label>
    <textarea id="run-config" rows="14" spellcheck="false"></textarea>
    <button id="submit" type="submit">Submit</button>
  </form>
</section>
<section id="run-view" hidden>
  <p id="run-status" class="status"></p>
  <p id="run-stage" class="stage"></p>
  <div class="controls">
    <button id="pause" type="button">Pause</button>
    <button id="resume" type="button">Resume</button>
    <button id="stop" type="button" class="danger">Stop</button>
  </div>
  <div id="charts" class="charts"></div>
  <h2>Rounds</h2>
  <table id="rounds"><thead></thead><tbody></tbody></table>
  <h2>Agencies</h2>
  <table id="agencies">
    <thead><tr><th>agency</th><th>connected</th><th>last seen</th><th>joined</th><th>declined</th></tr></thead>
    <tbody></tbody>
  </table>
  <h2>Ledger</h2>
  <p id="ledger"></p>
  <h2>Log</h2>
  <ol id="log" class="log"></ol>
</section>
</main>
<script src="/vendor/uplot.js"></script>
<script src="/app.js"></script>
</body>
</html>
`;

export const SERVICE_CSS = `
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; padding: 16px 24px; max-width: 1200px; color: #222; background: #fafafa; }
h1 { font-size: 20px; margin: 0 0 4px; }
h1 a { color: inherit; text-decoration: none; }
h1 span { font-weight: normal; color: #555; }
h2 { font-size: 16px; margin: 24px 0 8px; }
.status { margin: 0; font-size: 15px; }
.status b, td.status { text-transform: uppercase; letter-spacing: 0.03em; font-weight: 600; }
.running { color: #1a7f37; }
.queued, .paused { color: #b35900; }
.failed, .stopped, .unreachable { color: #b3261e; }
.finished { color: #555; }
.note { color: #555; font-size: 13px; }
[hidden] { display: none !important; }
.stage { margin: 2px 0 0; color: #555; min-height: 1.4em; }
.operator, .controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 12px 0; padding: 10px 12px; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
.controls button, .operator button, form button { padding: 4px 14px; }
button.danger { color: #b3261e; }
button:disabled { opacity: 0.45; }
#message { color: #555; }
form { margin-top: 24px; }
form label { display: block; margin-bottom: 4px; }
textarea { width: 100%; box-sizing: border-box; font-family: ui-monospace, monospace; font-size: 13px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 12px; }
figure { margin: 0; padding: 8px; background: #fff; border: 1px solid #ddd; border-radius: 6px; min-width: 0; overflow: hidden; }
figcaption { font-weight: 600; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; background: #fff; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 3px 8px; text-align: left; white-space: nowrap; }
td:last-child { white-space: normal; }
tr.abandoned td { color: #b3261e; }
#runs tbody tr { cursor: pointer; }
#runs tbody tr:hover { background: #f3f6fa; }
.log { font-family: ui-monospace, monospace; font-size: 12px; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 8px 8px 8px 3em; max-height: 24em; overflow: auto; }
`;
