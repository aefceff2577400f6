// The titanic federation end to end (issue #16): real agency client processes read the raw CSV
// by the run's schema, a fourth agency's table has a malformed row, a new category and a missing
// label and declines with the counts while the others go on; the statistics pass reaches the
// coordinator only as masked inputs (a relay decodes everything the agencies send), and its
// totals give the pooled means and variances within 1e-6; the model trains with SecAgg and the
// metrics come from the agencies alone (the coordinator holds no data here).
// Needs dist/ (npx tsc -p tsconfig.json): the clients run from there.
import { readFileSync } from 'node:fs';
import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../bytes/canonical-json.js';
import { verifyLedger } from '../../audit/verify.js';
import { loadAgencySource } from '../../client/data/source.js';
import { loadPolicy } from '../../client/policy.js';
import { RunDataSource } from '../../client/run-data.js';
import { DEFAULT_LIMITS } from '../../coordinator/limits.js';
import { parseRunConfig } from '../../coordinator/run-config.js';
import { startCoordinator, type Coordinator } from '../../coordinator/service.js';
import { tfGlobalModel } from '../../coordinator/tf-model.js';
import { exited, spawnAgencyClient, type LocalFederation } from '../../examples/local-federation.js';
import { prepareTitanicFederation, splitTitanic, TITANIC_RUN } from '../../examples/titanic/federation.js';
import { receiptsIn } from '../helpers/receipts.js';
import { initEngine } from '../../ml/engine.js';
import { tabularModelSpec } from '../../ml/models.js';
import { featureColumns } from '../../ml/schema.js';
import { addStatistics, moments, statisticsFromVectors, emptyStatistics, type NumericStatistics, type TableStatistics } from '../../ml/statistics.js';
import { builtCli, silent } from '../helpers/federation.js';
import { recordingRelay, type Relay } from '../helpers/recording-relay.js';

let dir: string | undefined;
let coordinator: Coordinator | undefined;
let relay: Relay | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await relay?.close();
  await coordinator?.close().catch(() => {});
  if (dir && !process.env.COHORT_KEEP_TEST_DIRS) await rm(dir, { recursive: true, force: true });
  [dir, coordinator, relay] = [undefined, undefined, undefined];
});

/** Forty passengers with a row two fields short, two unknown ports and a missing label. */
function badTable(): string {
  const lines = readFileSync(new URL('../../examples/data/titanic.csv', import.meta.url), 'utf8').trimEnd().split('\n').slice(0, 41);
  lines[4] = lines[4].split(',').slice(0, -2).join(',');
  lines[8] = lines[8].replace(/,[SCQ]$/, ',X');
  lines[10] = lines[10].replace(/,[SCQ]$/, ',X');
  lines[13] = lines[13].replace(/^(\d+),\d,/, '$1,,');
  return lines.join('\n') + '\n';
}

/** Each good agency's share of the statistics, as its client computes it from its own file and policy. */
async function agencyStatistics(federation: LocalFederation, offer: object, names: string[]): Promise<TableStatistics[]> {
  const out: TableStatistics[] = [];
  for (const agency of federation.agencies.filter((a) => names.includes(a.name))) {
    const policy = await loadPolicy(agency.policyPath);
    const prepared = new RunDataSource(await loadAgencySource(policy.dataset) as { table: never; fingerprint: never }, policy).forOffer(offer);
    if (!prepared.ok) throw new Error(prepared.reason);
    out.push(prepared.data.statistics!);
  }
  return out;
}

describe.skipIf(!builtCli())('titanic, three agencies split by port, from the raw CSV', () => {
  it('a table that does not fit declines with counts, the others go on; the statistics pass is masked and equals the pooled statistics', async () => {
    await initEngine('wasm');
    const file = JSON.parse(readFileSync(TITANIC_RUN, 'utf8')) as Record<string, unknown>;
    const config = parseRunConfig({
      ...file, rounds: 2, selection: { min: 4 }, minCohort: 3, waitForAgenciesMs: 60_000,
      deadlines: { answerMs: 30_000, uploadMs: 60_000, exchangeMs: 30_000 },
    });
    const split = splitTitanic(config.seed);
    dir = await mkdtemp(join(tmpdir(), 'cohort-titanic-'));
    const federation = await prepareTitanicFederation(dir, config, { ...split, agencies: [...split.agencies, { agency: 'agency-4', name: 'bad table', text: badTable(), passengers: 40 }] });
    coordinator = await startCoordinator({
      dataDir: federation.coordinatorDir, identity: federation.coordinatorIdentity, admission: federation.enrolment, roster: federation.roster, host: '127.0.0.1', port: 0,
      limits: DEFAULT_LIMITS, log: silent,
    });
    relay = await recordingRelay(coordinator.url);
    for (const [i, agency] of federation.agencies.entries()) children.push(spawnAgencyClient(federation, agency, relay.url, { seed: i + 1 }));
    const until = Date.now() + 90_000;
    while (coordinator.transport.sessions.size < 4 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));

    const model = await tfGlobalModel(tabularModelSpec(config.schema!), config.seed);
    const result = await coordinator.run(config, model);
    expect(result.state.status).toBe('finished');
    expect(result.state.history.map((r) => [r.round, r.kind ?? 'train', r.status, r.contributors, r.declined])).toEqual([
      [1, 'statistics', 'ok', 3, 1], [2, 'train', 'ok', 3, 1], [3, 'train', 'ok', 3, 1], [4, 'evaluation', 'ok', 3, 1],
    ]);

    // The bad table's agency declined every round, with each problem counted; it sent nothing else.
    const ledger = (await readFile(coordinator.ledgerPath, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; body: Record<string, unknown> });
    const refusals = ledger.filter((e) => e.type === 'refusal');
    expect(refusals.map((e) => [e.body.agency, e.body.round, e.body.code])).toEqual([1, 2, 3, 4].map((round) => ['agency-4', round, 'DATA_SCHEMA']));
    expect(refusals[0].body.reason).toMatch(/1 row with a different number of fields.*2 rows with an unknown "Embarked".*1 row with a missing label "Survived"/);
    expect(new Set(relay.received.filter((r) => r.agency === 'agency-4').map((r) => r.kind))).toEqual(new Set(['roundAnswer']));

    // The statistics pass: from each agency, its answer and SecAgg+ messages, its statistics only masked.
    const pass = relay.received.filter((r) => r.round === 1 && r.agency !== 'agency-4');
    expect(new Set(pass.map((r) => r.kind))).toEqual(new Set(['consistencySignature', 'roundAnswer', 'shareBundle', 'maskedInput', 'unmaskResponse']));
    for (const m of pass.filter((r) => r.kind === 'maskedInput')) expect(m.message.maskedInput!.agencyMetrics).toBeNull();
    expect(relay.received.some((r) => r.kind === 'plainUpdate')).toBe(false);

    // Its totals, kept under the hash the ledger records, give the pooled means and variances.
    const entry = ledger.find((e) => e.type === 'statistics')!.body as { totalsSha256: string; rows: number };
    const totals = JSON.parse(await readFile(join(federation.coordinatorDir, 'runs', config.runId, 'statistics', `${entry.totalsSha256}.json`), 'utf8'));
    const federated = statisticsFromVectors(emptyStatistics(featureColumns(config.schema!)), totals);
    const offer = { runId: config.runId, kind: 'statistics', tableSchema: canonicalJson(config.schema), evaluation: { validationFraction: config.evaluation!.validationFraction } };
    const pooled = (await agencyStatistics(federation, offer, ['agency-1', 'agency-2', 'agency-3'])).reduce(addStatistics);
    expect(entry.rows).toBe(pooled.rows);
    federated.columns.forEach((c, k) => {
      if (c.type === 'categorical') return expect(c.counts).toEqual((pooled.columns[k] as typeof c).counts);
      const [f, p] = [moments(c), moments(pooled.columns[k] as NumericStatistics)];
      expect(Math.abs(f.mean - p.mean), c.name).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(f.variance - p.variance), c.name).toBeLessThanOrEqual(1e-6 * Math.max(1, p.variance));
    });

    // The metrics come from the agencies: every later round validates a model on their splits.
    const metrics = ledger.filter((e) => e.type === 'metrics').map((e) => e.body as { round: number; agencies: number; validation: { examples: number } });
    expect(metrics.map((m) => [m.round, m.agencies])).toEqual([[2, 3], [3, 3], [4, 3]]);
    expect(result.state.history[3].validation!.accuracy).toBeGreaterThan(0.6);

    await coordinator.close();
    coordinator = undefined;
    await Promise.all(children.map((child) => exited(child, 30_000)));
    const receipts = await receiptsIn(federation.agencies.map((a) => a.stateDir));
    const report = verifyLedger(await readFile(join(federation.coordinatorDir, 'ledger.jsonl')), { coordinatorKey: federation.coordinatorIdentity.publicKey, receipts, requireFinished: true });
    expect(report.failure).toBeNull();
  }, 180_000);
});
