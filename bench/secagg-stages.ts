// SecAgg+ stage timings in one process, no network: n clients with 100k-parameter updates, on
// the complete graph and on the defaultDegree graph. Prints figures; never passes or fails on time.
// Run: npx tsc -p <tsconfig with identity, secagg, this file> --outDir /tmp/sabuild && node /tmp/sabuild/bench/secagg-stages.js
import { randomBytes } from 'node:crypto';
import { generateIdentity } from '../identity/keys.js';
import { advertise, maskInput, shareKeys, signSurvivorSet, unmask, type ClientState } from '../secagg/client.js';
import { defaultDegree, defaultThreshold, validateParams } from '../secagg/params.js';
import { quantize } from '../secagg/quantize.js';
import { SecAggServer } from '../secagg/server.js';

const PARAMS = 100_000;
const COHORTS = [10, 20, 50, 100];

interface Row {
  n: number;
  k: number;
  t: number;
  client: number[]; // mean ms per client: quantize, advertise, shareKeys, maskInput, sign survivors, unmask
  server: number[]; // ms: advertise, shareKeys, maskInput (sum), consistency, unmask (finish)
}

const now = () => performance.now();

async function measure(n: number, degree: number): Promise<Row> {
  const params = validateParams({ threshold: defaultThreshold(degree), degree, clipRange: 1, bits: 16 }, n);
  const identities = Array.from({ length: n }, () => generateIdentity());
  const ids = identities.map((_, i) => `agency-${String(i).padStart(3, '0')}`);
  const context = {
    runId: 'bench',
    round: 1,
    offerHash: new Uint8Array(randomBytes(32)),
    cohort: ids.map((id, i) => ({ id, identityPublicKey: identities[i].publicKey })),
    params,
    vectorLength: PARAMS + 1, // the update and its one-word example count (proto/update-vector.ts)
  };
  const client = [0, 0, 0, 0, 0, 0];
  const server = [0, 0, 0, 0, 0];
  const update = new Float32Array(PARAMS + 1).map(() => Math.random() * 2 - 1);
  const srv = new SecAggServer(context);

  const states: ClientState[] = [];
  for (const [i, id] of ids.entries()) {
    let t0 = now();
    const { state, advert } = advertise({ ...context, selfId: id, identitySecretKey: identities[i].secretKey });
    client[1] += now() - t0;
    states.push(state);
    t0 = now();
    srv.receiveAdvert(advert);
    server[0] += now() - t0;
  }
  let t0 = now();
  srv.closeAdvertise();
  server[0] += now() - t0;

  for (const [i, id] of ids.entries()) {
    const roster = srv.roster();
    t0 = now();
    const shares = await shareKeys(states[i], roster, { minCohort: 3 });
    client[2] += now() - t0;
    t0 = now();
    srv.receiveShares(id, shares);
    server[1] += now() - t0;
  }
  t0 = now();
  srv.closeShareKeys();
  server[1] += now() - t0;

  for (const [i, id] of ids.entries()) {
    t0 = now();
    const input = quantize(update, params);
    client[0] += now() - t0;
    const received = srv.sharesFor(id);
    t0 = now();
    const masked = maskInput(states[i], received, input);
    client[3] += now() - t0;
    t0 = now();
    srv.receiveMaskedInput(id, masked);
    server[2] += now() - t0;
  }
  t0 = now();
  srv.closeMaskInput();
  server[2] += now() - t0;

  for (const [i] of ids.entries()) {
    const request = srv.consistencyRequest();
    t0 = now();
    const signed = signSurvivorSet(states[i], request);
    client[4] += now() - t0;
    t0 = now();
    srv.receiveConsistency(signed);
    server[3] += now() - t0;
  }
  t0 = now();
  srv.closeConsistency();
  server[3] += now() - t0;

  for (const [i, id] of ids.entries()) {
    const request = srv.unmaskRequestFor(id);
    t0 = now();
    const response = unmask(states[i], request);
    client[5] += now() - t0;
    t0 = now();
    srv.receiveUnmask(response);
    server[4] += now() - t0;
  }
  t0 = now();
  const result = await srv.finish();
  server[4] += now() - t0;
  if (result.status !== 'complete') throw new Error(`bench round ended ${result.status}`);
  return { n, k: degree, t: params.threshold, client: client.map((ms) => ms / n), server };
}

function table(rows: Row[]): string {
  const head = ['n', 'k', 't', 'c:quant', 'c:advert', 'c:share', 'c:mask', 'c:sign', 'c:unmask', 'c:total', 's:advert', 's:share', 's:mask', 's:consist', 's:unmask', 's:total'];
  const fmt = (ms: number) => ms.toFixed(1);
  const lines = rows.map((r) => [
    String(r.n), String(r.k), String(r.t),
    ...r.client.map(fmt), fmt(r.client.reduce((a, b) => a + b, 0)),
    ...r.server.map(fmt), fmt(r.server.reduce((a, b) => a + b, 0)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  return [head, ...lines].map((l) => l.map((c, i) => c.padStart(widths[i])).join('  ')).join('\n');
}

const rows: Row[] = [];
for (const n of COHORTS) {
  rows.push(await measure(n, n - 1));
  if (defaultDegree(n) !== n - 1) rows.push(await measure(n, defaultDegree(n)));
}
console.log(`SecAgg+ stages, ${PARAMS} params + 1 count word, no dropouts; ms (client: mean per client, server: whole stage)`);
console.log(table(rows));
