// The run service's dashboard in a real browser: playwright-core drives Debian's Chromium
// (/usr/bin/chromium; .ci/run installs it) against a real service with three real agency client
// processes. During a real run the page draws its charts from the rounds as they close; an
// operator loads their key file into the page, submits a run with the page's form (signed in the
// browser with WebCrypto Ed25519), sees the runs list update as that run is queued and then
// runs, and stops it with the page's button. The ledger records both actions under the operator's
// identity, with signatures the verifier checks. In CI (CI set) a missing Chromium fails the test.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../audit/verify.js';
import { DEFAULT_MNIST_SPLIT, splitMnist } from '../../client/data/source.js';
import { Enrolment, OPERATORS } from '../../coordinator/enrolment.js';
import { DEFAULT_LIMITS } from '../../coordinator/limits.js';
import { RunService } from '../../coordinator/run-service.js';
import { exited, prepareLocalFederation, spawnAgencyClient } from '../../examples/local-federation.js';
import { writeIdentityFile } from '../../identity/keyfile.js';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { initEngine } from '../../ml/engine.js';
import { ServiceClient } from '../../cli/service-client.js';
import { builtCli, plainConfig, silent } from '../helpers/federation.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const required = !!process.env.CI;
if (!present && !required) console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; in CI it is required)`);

// Without the background-networking flags Chromium reaches for the network at start, which a closed machine refuses.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

let service: RunService | undefined;
let context: BrowserContext | undefined;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  await context?.close().catch(() => {});
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(children.map((child) => exited(child, 5_000)));
  await service?.close().catch(() => {});
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** The number of painted pixels in a chart's canvas: a drawn chart has lines and points on it. */
async function painted(page: Page, chart: string): Promise<number> {
  // Runs in the page: the test's TypeScript has no DOM types, so the page's objects are untyped here.
  return page.evaluate((id) => {
    const canvas = (globalThis as any).document.querySelector(`figure[data-chart="${id}"] canvas`);
    if (!canvas) return 0;
    const pixels: Uint8ClampedArray = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count++;
    return count;
  }, chart);
}

describe.skipIf(!builtCli() || (!present && !required))('the dashboard in Chromium', () => {
  it('draws a real run\'s charts live, and an operator submits and stops a run from the page', async () => {
    expect(present, `Chromium is required here: no ${CHROMIUM} (.ci/run installs it with apt-get install chromium)`).toBe(true);
    await initEngine();
    const dir = await mkdtemp(join(tmpdir(), 'cohort-browser-'));
    dirs.push(dir);
    const purpose = 'digit recognition research';
    const federation = await prepareLocalFederation(dir, plainConfig({ purpose }), { ...DEFAULT_MNIST_SPLIT, agencies: 3 },
      // Rounds in the clear: the agencies allow their own metrics to be seen, so the train loss is drawn.
      (i, policy) => ({ ...policy, maxRoundsPerRun: 100, secagg: { required: false }, metrics: 'per-agency', dataset: { ...(policy.dataset as object), agencyShard: { index: i, count: 10 } } }));
    const keyPath = join(dir, 'bob.key');
    const bob = generateIdentity();
    await writeIdentityFile(keyPath, bob, { name: 'bob' });
    const operators = await Enrolment.open(federation.coordinatorDir, OPERATORS);
    await operators.add('bob', toHex(bob.publicKey));

    service = await RunService.start({
      dataDir: federation.coordinatorDir, identity: federation.coordinatorIdentity, agencies: federation.enrolment, roster: federation.roster, operators,
      host: '127.0.0.1', port: 0, limits: DEFAULT_LIMITS, log: silent, http: { host: '127.0.0.1', port: 0 },
      heldOut: splitMnist({ ...DEFAULT_MNIST_SPLIT, heldOut: 500, agencies: 1 }).test,
    });
    for (const [i, agency] of federation.agencies.entries()) {
      children.push(spawnAgencyClient(federation, agency, service.url, { seed: i + 1, exitWhenDone: false, logLevel: 'warn' }));
    }
    const run = { purpose, model: 'mnist-2nn', train: { epochs: 1, batchSize: 20, learningRate: 0.1 }, selection: { min: 3 }, minCohort: 3, secagg: { enabled: false },
      // The agencies report their training totals (no validation), which their policy lets the coordinator see.
      evaluation: { every: 0, atEnd: false } };
    const client = new ServiceClient(service.apiUrl.replace(/\/$/, ''), { operator: 'bob', identity: bob });
    await client.signed('POST', '/api/runs', Buffer.from(JSON.stringify({ ...run, runId: 'watched', rounds: 3 })));

    context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), { executablePath: CHROMIUM, headless: true, args: FLAGS });
    const page = context.pages()[0] ?? await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(service.apiUrl);

    // The runs list, then the run's page, which follows the rounds as they close.
    await page.locator('#runs tr[data-run="watched"]').click();
    await expect.poll(() => page.locator('#rounds tbody tr').count(), { timeout: 120_000, interval: 250 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('#charts figure').evaluateAll((f) => f.map((e) => (e as any).dataset.chart as string)))
      .toEqual(['accuracy', 'loss', 'trainLoss', 'agencies']);
    for (const chart of ['accuracy', 'loss', 'trainLoss', 'agencies']) expect(await painted(page, chart), chart).toBeGreaterThan(200);
    await expect.poll(() => page.locator('#agencies tbody tr').count()).toBe(3);
    expect(await page.locator('#log li').count()).toBeGreaterThan(3);

    // The operator's key, loaded into the page; a run submitted with the page's form.
    await page.locator('#key-file').setInputFiles(keyPath);
    await expect.poll(() => page.locator('#operator').textContent()).toContain('signing as bob (enrolled)');
    // Kept in the page's memory only: a reload forgets it.
    await page.reload();
    await page.locator('h1 a').click();
    await page.locator('#run-config').fill(JSON.stringify({ ...run, runId: 'from-browser', rounds: 40 }));
    await page.locator('#submit').click();
    await expect.poll(() => page.locator('#message').textContent()).toContain('load your operator key first');
    await page.locator('#key-file').setInputFiles(keyPath);
    await expect.poll(() => page.locator('#operator').textContent()).toContain('signing as bob');
    await page.locator('#submit').click();
    await expect.poll(() => page.locator('#message').textContent()).toMatch(/submitted run from-browser: (queued|running)/);
    const status = (runId: string) => page.locator(`#runs tr[data-run="${runId}"] td.status`).textContent();
    // The list updates from the service's events as the first run ends and the second begins.
    await expect.poll(() => status('watched'), { timeout: 120_000, interval: 250 }).toBe('finished');
    await expect.poll(() => status('from-browser'), { timeout: 60_000, interval: 250 }).toBe('running');

    // Stopped from its page, with the page's button.
    await page.locator('#runs tr[data-run="from-browser"]').click();
    await expect.poll(() => page.locator('#stop').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.locator('#stop').click();
    await expect.poll(() => page.locator('#message').textContent()).toContain('stop recorded in the ledger');
    await page.locator('h1 a').click();
    await expect.poll(() => status('from-browser'), { timeout: 60_000, interval: 250 }).toBe('stopped');
    expect(problems).toEqual([]);

    // The ledger holds the page's two requests, signed by bob, and verifies.
    const ledger = await readFile(service.ledgerPath);
    const report = verifyLedger(ledger, { coordinatorKey: federation.coordinatorIdentity.publicKey, requireFinished: true });
    expect(report.failure).toBeNull();
    const actions = ledger.toString().trim().split('\n').map((l) => JSON.parse(l) as { type: string; body: Record<string, unknown> })
      .filter((e) => e.type === 'operator_action').map((e) => `${e.body.operator} ${e.body.action} ${e.body.runId}`);
    expect(actions).toEqual(['bob submit watched', 'bob submit from-browser', 'bob stop from-browser']);
  }, 240_000);
});
