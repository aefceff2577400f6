// The dashboard page and its style, served at / and /app.css. Kept as TypeScript strings so tsc
// puts them in dist/ with the rest; the page's script is in page-script.ts. No inline script
// or style: the server's Content-Security-Policy (default-src 'self') allows neither.

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cohort run</title>
<link rel="stylesheet" href="/vendor/uplot.css">
<link rel="stylesheet" href="/app.css">
</head>
<body>
<header>
  <h1>Cohort <span id="run-id"></span></h1>
  <p id="status" class="status">connecting…</p>
  <p id="stage" class="stage"></p>
</header>
<section class="controls" aria-label="run control">
  <label for="token">Control token</label>
  <input id="token" type="password" autocomplete="off" spellcheck="false" placeholder="paste the contents of <data-dir>/http-token">
  <button id="pause" type="button">Pause</button>
  <button id="resume" type="button">Resume</button>
  <button id="stop" type="button" class="danger">Stop</button>
  <span id="message" role="status"></span>
</section>
<main class="charts">
  <figure><figcaption>Accuracy (%): held-out, and the agencies' federated validation of the same model</figcaption><div id="chart-accuracy"></div></figure>
  <figure><figcaption>Loss</figcaption><div id="chart-loss"></div></figure>
  <figure><figcaption>Agencies per round</figcaption><div id="chart-agencies"></div></figure>
  <figure id="figure-epsilon" hidden><figcaption>Privacy spent (epsilon)</figcaption><div id="chart-epsilon"></div></figure>
</main>
<section>
  <h2>Rounds</h2>
  <table id="rounds">
    <thead><tr><th>round</th><th>status</th><th>agencies</th><th>dropped</th><th>declined</th><th>train loss</th><th>federated validation</th><th>held-out loss</th><th>held-out accuracy</th><th>epsilon</th><th>seconds</th><th>note</th></tr></thead>
    <tbody></tbody>
  </table>
  <p id="train-loss-note" class="note" hidden>No train loss: agencies report it only when the run asks for metrics (--evaluate-every), as totals inside the masked sum under secure aggregation, and in rounds without it only where their policy allows per-agency metrics.</p>
</section>
<script src="/vendor/uplot.js"></script>
<script src="/app.js"></script>
</body>
</html>
`;

export const PAGE_CSS = `
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; padding: 16px 24px; max-width: 1200px; color: #222; background: #fafafa; }
h1 { font-size: 20px; margin: 0 0 4px; }
h1 span { font-weight: normal; color: #555; }
h2 { font-size: 16px; margin: 24px 0 8px; }
.status { margin: 0; font-size: 15px; }
.status b { text-transform: uppercase; letter-spacing: 0.03em; }
.status .running b { color: #1a7f37; }
.status .pausing b, .status .paused b { color: #b35900; }
.status .stopping b, .status .stopped b, .status .failed b, .status .unreachable b { color: #b3261e; }
.status .finished b { color: #555; }
.note { color: #555; font-size: 13px; }
.note[hidden] { display: none; }
.stage { margin: 2px 0 0; color: #555; min-height: 1.4em; }
.controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 12px 0; padding: 10px 12px; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
.controls input { width: 28em; max-width: 100%; font-family: ui-monospace, monospace; padding: 4px 6px; }
.controls button { padding: 4px 14px; }
.controls button.danger { color: #b3261e; }
#message { color: #555; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 12px; }
figure { margin: 0; padding: 8px; background: #fff; border: 1px solid #ddd; border-radius: 6px; min-width: 0; }
figure[hidden] { display: none; }
figcaption { font-weight: 600; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; background: #fff; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 3px 8px; text-align: right; white-space: nowrap; }
th:last-child, td:last-child { text-align: left; white-space: normal; }
tr.abandoned td { color: #b3261e; }
`;
