import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initEngine } from '../../ml/engine.js';
import { buildModel } from '../../ml/models.js';
import { CheckpointError, checkpointHandler, loadCheckpoint, saveCheckpoint } from '../../ml/checkpoint.js';
import { getFlatWeights } from '../../ml/weights.js';
import { patterns, sameBits } from './fixtures.js';

let root: string;
let images: tf.Tensor;

beforeAll(async () => {
  await initEngine('wasm');
  root = await mkdtemp(join(tmpdir(), 'cohort-ckpt-'));
  images = tf.tensor(patterns(4, [28, 28, 1], 10, 9).x, [4, 28, 28, 1]);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('checkpoints', () => {
  it('save a model that tf.loadLayersModel loads back and that predicts identically', async () => {
    const dir = join(root, 'cnn');
    const model = await buildModel({ kind: 'mnist-cnn' }, 3);
    await saveCheckpoint(model, dir);
    const loaded = await tf.loadLayersModel(checkpointHandler(dir));
    expect(sameBits(getFlatWeights(loaded), getFlatWeights(model))).toBe(true);
    expect((loaded.predict(images) as tf.Tensor).dataSync()).toEqual((model.predict(images) as tf.Tensor).dataSync());
  });

  it('write the standard model.json, with weight paths relative to the directory', async () => {
    const dir = join(root, 'nn');
    await saveCheckpoint(await buildModel({ kind: 'mnist-2nn' }, 1), dir);
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    expect(json).toHaveProperty('modelTopology.class_name', 'Sequential');
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest).toHaveLength(1);
    const [path] = json.weightsManifest[0].paths;
    expect(path).toMatch(/^weights\.[0-9a-f]{16}\.bin$/);
    expect(json.weightsManifest[0].weights.map((w: { name: string }) => w.name)).toEqual(
      ['hidden1/kernel', 'hidden1/bias', 'hidden2/kernel', 'hidden2/bias', 'output/kernel', 'output/bias']);
    expect((await readFile(join(dir, path))).byteLength).toBe(199_210 * 4);
  });

  it('load over HTTP with tfjs\'s own loader, as a browser or tfjs-node would', async () => {
    const dir = join(root, 'http');
    const model = await buildModel({ kind: 'mnist-cnn' }, 4);
    await saveCheckpoint(model, dir);
    const server: Server = createServer((req, res) => {
      readFile(join(dir, (req.url ?? '/').slice(1))).then((body) => res.end(body), () => res.writeHead(404).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const loaded = await tf.loadLayersModel(`http://127.0.0.1:${port}/model.json`);
      expect((loaded.predict(images) as tf.Tensor).dataSync()).toEqual((model.predict(images) as tf.Tensor).dataSync());
    } finally {
      server.close();
    }
  });

  it('replace a checkpoint: the new weights load, the old weight file is gone', async () => {
    const dir = join(root, 'replace');
    await saveCheckpoint(await buildModel({ kind: 'mnist-2nn' }, 1), dir);
    const second = await buildModel({ kind: 'mnist-2nn' }, 2);
    await saveCheckpoint(second, dir);
    expect(sameBits(getFlatWeights(await loadCheckpoint(dir)), getFlatWeights(second))).toBe(true);
    expect((await readdir(dir)).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
  });

  it('refuse weight paths that leave the directory, and a missing model.json', async () => {
    const dir = join(root, 'evil');
    await saveCheckpoint(await buildModel({ kind: 'mnist-2nn' }, 1), dir);
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    json.weightsManifest[0].paths = ['../nn/model.json'];
    await writeFile(join(dir, 'model.json'), JSON.stringify(json));
    await expect(loadCheckpoint(dir)).rejects.toThrow(CheckpointError);
    await expect(loadCheckpoint(join(root, 'absent'))).rejects.toThrow(/no readable model.json/);
  });
});
