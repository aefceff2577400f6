// `cohort model export` writes a model that TF.js loads by the standard format alone: the test
// reads model.json and the weight files it names itself, not through Cohort's own handler.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { modelCommand } from '../../cli/commands/model.js';
import { RunStore } from '../../coordinator/run-store.js';
import { tfGlobalModel } from '../../coordinator/tf-model.js';
import { toHex } from '../../identity/keys.js';
import { LedgerWriter } from '../../ledger/writer.js';
import { encodeFloat32LE } from '../../ml/codec.js';
import { sha256Hex } from '../../bytes/digest.js';
import { initEngine } from '../../ml/engine.js';
import { clients, coordinator, MAIN_RUN } from '../audit/fixture.js';

async function run(args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  let out = '';
  let err = '';
  const program = new Command('cohort').exitOverride().configureOutput({ writeOut: (s) => { out += s; }, writeErr: (s) => { err += s; } });
  program.addCommand(modelCommand());
  try {
    await program.parseAsync(['model', ...args], { from: 'user' });
    return { out, err, exitCode: 0 };
  } catch (e) {
    return { out, err, exitCode: (e as { exitCode?: number }).exitCode ?? -1 };
  }
}

describe('cohort model export', () => {
  it('exports the checkpoint of the round the ledger last closed ok as a TF.js layers model that loads from its files', async () => {
    await initEngine();
    const dataDir = await mkdtemp(join(tmpdir(), 'cohort-export-'));
    const model = await tfGlobalModel({ kind: 'mnist-2nn' }, 5);
    const store = new RunStore(dataDir, 'r1');
    const trained = model.initialWeights().map((w, i) => w + (i % 7) * 1e-3);
    await model.save(store.checkpointDir(4), trained);
    // A later checkpoint the ledger never named (a crash before model_updated) is not the run's model.
    await model.save(store.checkpointDir(5), trained.map((w) => w + 1));
    const ledger = await LedgerWriter.open(store.ledgerPath, coordinator);
    const runId = 'r1';
    const member = { agency: 'a', identityKey: toHex(clients['agency-nord'].publicKey) };
    await ledger.append('run_created', { ...MAIN_RUN, runId, secagg: null, dp: null, minCohort: 1, rounds: 5 });
    await ledger.append('agency_joined', { runId, ...member, dataset: { sha256: 'ab'.repeat(32), schema: 'x', rows: 1, license: 'l' } });
    await ledger.append('round_opened', { runId, round: 4, cohort: [member], minCohort: 1, offerSha256: 'ab'.repeat(32) });
    await ledger.append('model_updated', { runId, round: 4, modelSha256: sha256Hex(encodeFloat32LE(trained)) });
    await ledger.append('round_closed', { runId, round: 4, status: 'ok' });
    await ledger.append('round_opened', { runId, round: 5, cohort: [member], minCohort: 1, offerSha256: 'ab'.repeat(32) });
    await ledger.close();

    const outDir = join(dataDir, 'exported');
    const result = await run(['export', '--run-id', 'r1', '--data-dir', dataDir, '--out', outDir]);
    expect(result.exitCode).toBe(0);
    expect(result.out).toContain('round 4');

    const json = JSON.parse(await readFile(join(outDir, 'model.json'), 'utf8')) as {
      modelTopology: object; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
    };
    const buffers = await Promise.all(json.weightsManifest.flatMap((g) => g.paths).map((p) => readFile(join(outDir, p))));
    const data = Buffer.concat(buffers);
    const loaded = await tf.loadLayersModel(tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
    }));
    const flat = new Float32Array(loaded.getWeights().flatMap((w) => [...w.dataSync()]));
    expect(Buffer.from(flat.buffer).equals(Buffer.from(trained.buffer))).toBe(true);
    loaded.dispose();
  });

  it('refuses a run with no aggregated round (its model is the untrained one), unless --round 0 asks for it', async () => {
    await initEngine();
    const dataDir = await mkdtemp(join(tmpdir(), 'cohort-export-'));
    const model = await tfGlobalModel({ kind: 'mnist-2nn' }, 5);
    const store = new RunStore(dataDir, 'declined');
    await model.save(store.checkpointDir(0), model.initialWeights());
    // The ledger of a run whose first round three agencies declined (it stopped there).
    const ledger = await LedgerWriter.open(store.ledgerPath, coordinator);
    await ledger.append('run_created', { ...MAIN_RUN, runId: 'declined', secagg: null, dp: null, rounds: 5 });
    for (const agency of ['a', 'b', 'c']) await ledger.append('refusal', { runId: 'declined', round: 1, agency, code: 'POLICY_PURPOSE', reason: 'not our purpose' });
    await ledger.append('note', { text: 'run declined round 1 not opened: only 0 agencies accepted; the minimum is 3' });
    await ledger.close();
    const outDir = join(dataDir, 'exported');
    const refused = await run(['export', '--run-id', 'declined', '--data-dir', dataDir, '--out', outDir]);
    expect(refused.exitCode).toBe(1);
    expect(refused.err).toContain('error: run declined has no aggregated round (not finished; 0 rounds opened, 3 refusals), so its model is the untrained initial one: nothing exported');
    await expect(readFile(join(outDir, 'model.json'))).rejects.toThrow();
    expect((await run(['export', '--run-id', 'declined', '--data-dir', dataDir, '--out', outDir, '--round', '0'])).exitCode).toBe(0);
  });

  it('names the run that does not exist, with exit code 1', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cohort-export-'));
    const result = await run(['export', '--run-id', 'nope', '--data-dir', dataDir, '--out', join(dataDir, 'x')]);
    expect(result.exitCode).toBe(1);
    expect(result.err).toMatch(/no run "nope" in the ledger/);
  });
});
