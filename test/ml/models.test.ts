import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initEngine } from '../../ml/engine.js';
import { buildModel, modelFingerprint, ModelSpecError } from '../../ml/models.js';
import { assertFinite, getFlatWeights, NonFiniteError, setFlatWeights, weightCount } from '../../ml/weights.js';
import { sameBits } from './fixtures.js';

// A Keras-style topology as `model.to_json()` writes it, with unseeded random initializers.
const kerasTopology = {
  class_name: 'Sequential',
  config: {
    name: 'tabular',
    layers: [
      { class_name: 'Dense', config: { name: 'd1', batch_input_shape: [null, 13], units: 8, activation: 'relu', use_bias: true,
        kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } }, bias_initializer: { class_name: 'Zeros', config: {} } } },
      { class_name: 'Dense', config: { name: 'd2', units: 3, activation: 'softmax', use_bias: true,
        kernel_initializer: { class_name: 'RandomNormal', config: { mean: 0, stddev: 0.05, seed: null } }, bias_initializer: { class_name: 'Zeros', config: {} } } },
    ],
  },
};

beforeAll(async () => {
  await initEngine('wasm');
});

describe('buildModel', () => {
  it('builds the 2NN and CNN of McMahan et al. with their parameter counts', async () => {
    const nn = await buildModel({ kind: 'mnist-2nn' }, 1);
    const cnn = await buildModel({ kind: 'mnist-cnn' }, 1);
    expect(nn.countParams()).toBe(199_210);
    expect(cnn.countParams()).toBe(1_663_370);
    expect(weightCount(cnn)).toBe(1_663_370);
    expect(cnn.predict(tf.zeros([2, 28, 28, 1]))).toHaveProperty('shape', [2, 10]);
    nn.dispose();
    cnn.dispose();
  });

  it('gives equal weights for equal seeds, different for different seeds', async () => {
    for (const spec of [{ kind: 'mnist-2nn' } as const, { kind: 'layers-json', topology: kerasTopology } as const]) {
      const [a, b, c] = [await buildModel(spec, 7), await buildModel(spec, 7), await buildModel(spec, 8)];
      expect(sameBits(getFlatWeights(a), getFlatWeights(b))).toBe(true);
      expect(sameBits(getFlatWeights(a), getFlatWeights(c))).toBe(false);
      for (const m of [a, b, c]) m.dispose();
    }
  });

  it('fingerprints architecture, not seed or build order', async () => {
    const a = await buildModel({ kind: 'mnist-cnn' }, 1);
    const b = await buildModel({ kind: 'mnist-cnn' }, 2);
    const c = await buildModel({ kind: 'mnist-2nn' }, 1);
    expect(modelFingerprint(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(modelFingerprint(a)).toBe(modelFingerprint(b));
    expect(modelFingerprint(a)).not.toBe(modelFingerprint(c));
    const wider = structuredClone(kerasTopology);
    wider.config.layers[0].config.units = 9;
    const [k1, k2] = [await buildModel({ kind: 'layers-json', topology: kerasTopology }), await buildModel({ kind: 'layers-json', topology: wider })];
    expect(modelFingerprint(k1)).not.toBe(modelFingerprint(k2));
  });

  it('accepts a whole model.json and does not touch the caller\'s topology', async () => {
    const before = JSON.stringify(kerasTopology);
    const model = await buildModel({ kind: 'layers-json', topology: { modelTopology: kerasTopology } }, 3);
    expect(model.countParams()).toBe(13 * 8 + 8 + 8 * 3 + 3);
    expect(JSON.stringify(kerasTopology)).toBe(before);
  });

  it('rejects bad specs by name', async () => {
    await expect(buildModel({ kind: 'resnet' } as never)).rejects.toThrow(TypeError);
    await expect(buildModel({ kind: 'mnist-2nn' }, -1)).rejects.toThrow(RangeError);
    await expect(buildModel({ kind: 'layers-json', topology: { class_name: 'Nonsense', config: {} } })).rejects.toThrow(ModelSpecError);
  });
});

describe('flat weights', () => {
  it('round-trip through get and set, in model.weights order', async () => {
    const model = await buildModel({ kind: 'layers-json', topology: kerasTopology }, 1);
    const flat = Float32Array.from({ length: weightCount(model) }, (_, i) => i / 7);
    setFlatWeights(model, flat);
    expect(getFlatWeights(model)).toEqual(flat);
    expect(model.weights[0].read().dataSync()[1]).toBeCloseTo(1 / 7, 6);
    flat[0] = 99; // the model keeps its own copy
    expect(getFlatWeights(model)[0]).toBe(0);
  });

  it('do not leak tensors', async () => {
    const model = await buildModel({ kind: 'mnist-2nn' }, 1);
    const before = tf.memory().numTensors;
    setFlatWeights(model, getFlatWeights(model));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuse a vector of the wrong length, naming both lengths', async () => {
    const model = await buildModel({ kind: 'layers-json', topology: kerasTopology }, 1);
    expect(() => setFlatWeights(model, new Float32Array(5))).toThrow(/expected 139 .*got 5/);
    expect(() => setFlatWeights(model, new Float32Array(5))).toThrow(RangeError);
  });

  it('assertFinite names the first bad index', () => {
    expect(() => assertFinite(new Float32Array([1, 2, 3]), 'update')).not.toThrow();
    expect(() => assertFinite(new Float32Array([1, Infinity, NaN]), 'update')).toThrow(/update: value at index 1 of 3 is Infinity/);
    expect(() => assertFinite(new Float32Array([NaN]), 'x')).toThrow(NonFiniteError);
  });
});
