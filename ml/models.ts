// The models a run can train: the two MNIST models of McMahan et al. 2017 ("Communication-
// Efficient Learning of Deep Networks from Decentralized Data", section 3), an MLP for a table's
// schema, and any Keras-style model given as a TF.js layers topology. Initial weights are a function of a seed, so that the
// coordinator, its clients and the tests all start from the same model.
import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { TASKS, type Task } from './dataset.js';
import { classNames, featureCount, type Schema } from './schema.js';

export interface TabularMlpSpec {
  readonly kind: 'tabular-mlp';
  /** Features per example: featureCount(schema). */
  readonly inputs: number;
  readonly task: Task;
  /** Output units: 1 for binary (sigmoid) and regression (linear), the class count for multiclass (softmax). */
  readonly outputs: number;
  /** Units of each hidden ReLU layer. */
  readonly hidden: readonly number[];
}

export type ModelSpec =
  | { readonly kind: 'mnist-2nn' }
  | { readonly kind: 'mnist-cnn' }
  | TabularMlpSpec
  | { readonly kind: 'layers-json'; readonly topology: object };

/** What the built-in architectures take and give, known without building them. */
export const ARCHITECTURE_IO: Readonly<Record<'mnist-2nn' | 'mnist-cnn', { inputSize: number; outputs: number; task: Task }>> = Object.freeze({
  'mnist-2nn': { inputSize: 784, outputs: 10, task: 'multiclass' },
  'mnist-cnn': { inputSize: 784, outputs: 10, task: 'multiclass' },
});

export const DEFAULT_TABULAR_HIDDEN: readonly number[] = [32, 16];

export class ModelSpecError extends Error {
  static override name = 'ModelSpecError';
  override name = 'ModelSpecError';
}

const MNIST_CLASSES = 10;

// Keras/TF.js initializers that draw random numbers, and so take a seed.
const RANDOM_INITIALIZERS = new Set([
  'RandomUniform', 'RandomNormal', 'TruncatedNormal', 'VarianceScaling', 'GlorotUniform', 'GlorotNormal',
  'HeUniform', 'HeNormal', 'LeCunUniform', 'LeCunNormal', 'Orthogonal',
]);

/**
 * A fresh model for `spec`. With a `seed` (an unsigned 32-bit integer) every random initializer
 * is seeded from it, so equal seeds give bit-identical weights; without one, weights are random.
 */
export async function buildModel(spec: ModelSpec, seed?: number): Promise<tf.LayersModel> {
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
    throw new RangeError(`seed must be an unsigned 32-bit integer, got ${seed}`);
  }
  if (typeof spec !== 'object' || spec === null) throw new TypeError('spec must be a ModelSpec object');
  switch (spec.kind) {
    case 'mnist-2nn':
      return mnist2nn(seed);
    case 'mnist-cnn':
      return mnistCnn(seed);
    case 'tabular-mlp':
      return tabularMlp(spec, seed);
    case 'layers-json':
      return fromTopology(spec.topology, seed);
    default:
      throw new TypeError(`spec.kind must be mnist-2nn, mnist-cnn, tabular-mlp or layers-json, got ${String((spec as { kind: unknown }).kind)}`);
  }
}

/**
 * sha256 (hex) of the model's architecture: its topology JSON and its weight shapes. Seeds are
 * left out, since they say how weights started, not what the model is.
 */
export function modelFingerprint(model: tf.LayersModel): string {
  const json = model.toJSON(null, false) as { class_name: unknown; config: unknown };
  const topology = withoutSeeds({ class_name: json.class_name, config: json.config });
  const shapes = model.weights.map((w) => w.shape);
  return createHash('sha256').update(JSON.stringify({ topology, shapes })).digest('hex');
}

/** 2NN: 784-200-200-10, ReLU; 199,210 parameters. Takes the 784 pixels flat. */
function mnist2nn(seed: number | undefined): tf.LayersModel {
  const init = initializers(seed);
  return tf.sequential({
    name: 'mnist_2nn',
    layers: [
      tf.layers.dense({ name: 'hidden1', inputShape: [784], units: 200, activation: 'relu', kernelInitializer: init(1) }),
      tf.layers.dense({ name: 'hidden2', units: 200, activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.dense({ name: 'output', units: MNIST_CLASSES, activation: 'softmax', kernelInitializer: init(3) }),
    ],
  });
}

/**
 * CNN: 5x5 conv 32, 2x2 max pool, 5x5 conv 64, 2x2 max pool, dense 512 ReLU, softmax 10;
 * 'same' padding; 1,663,370 parameters. Takes 28x28x1 images.
 */
function mnistCnn(seed: number | undefined): tf.LayersModel {
  const init = initializers(seed);
  return tf.sequential({
    name: 'mnist_cnn',
    layers: [
      tf.layers.conv2d({ name: 'conv1', inputShape: [28, 28, 1], filters: 32, kernelSize: 5, padding: 'same', activation: 'relu', kernelInitializer: init(1) }),
      tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }),
      tf.layers.conv2d({ name: 'conv2', filters: 64, kernelSize: 5, padding: 'same', activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.maxPooling2d({ name: 'pool2', poolSize: 2 }),
      tf.layers.flatten({ name: 'flatten' }),
      tf.layers.dense({ name: 'hidden', units: 512, activation: 'relu', kernelInitializer: init(3) }),
      tf.layers.dense({ name: 'output', units: MNIST_CLASSES, activation: 'softmax', kernelInitializer: init(4) }),
    ],
  });
}

/**
 * The MLP for a table's schema: one input per feature, ReLU hidden layers, and the task's output.
 * A multiclass label declared as class indices (no class names) needs `classes`.
 */
export function tabularModelSpec(schema: Schema, options: { hidden?: readonly number[]; classes?: number } = {}): TabularMlpSpec {
  const names = classNames(schema);
  const classes = names?.length ?? options.classes;
  if (schema.task === 'multiclass' && classes === undefined) {
    throw new RangeError('the schema\'s label lists no classes: give the class count (options.classes)');
  }
  return {
    kind: 'tabular-mlp', inputs: featureCount(schema), task: schema.task,
    outputs: schema.task === 'multiclass' ? classes! : 1,
    hidden: options.hidden ?? DEFAULT_TABULAR_HIDDEN,
  };
}

function tabularMlp(spec: TabularMlpSpec, seed: number | undefined): tf.LayersModel {
  const { inputs, task, outputs, hidden } = spec;
  if (!Number.isInteger(inputs) || inputs < 1) throw new RangeError(`spec.inputs must be a positive whole number, got ${inputs}`);
  if (!TASKS.includes(task)) throw new TypeError(`spec.task must be one of ${TASKS.join(', ')}, got ${String(task)}`);
  const expected = task === 'multiclass' ? 'at least 2' : '1';
  if (!Number.isInteger(outputs) || (task === 'multiclass' ? outputs < 2 : outputs !== 1)) {
    throw new RangeError(`spec.outputs must be ${expected} for a ${task} model, got ${outputs}`);
  }
  if (!Array.isArray(hidden) || !hidden.every((u) => Number.isInteger(u) && u >= 1)) throw new RangeError('spec.hidden must list positive whole numbers of units');
  const init = initializers(seed);
  const activation = task === 'binary' ? 'sigmoid' : task === 'multiclass' ? 'softmax' : 'linear';
  return tf.sequential({
    name: 'tabular_mlp',
    layers: [
      ...hidden.map((units, i) => tf.layers.dense({
        name: `hidden${i + 1}`, units, activation: 'relu', kernelInitializer: init(i + 1), ...(i === 0 ? { inputShape: [inputs] } : {}),
      })),
      tf.layers.dense({ name: 'output', units: outputs, activation, kernelInitializer: init(hidden.length + 1), ...(hidden.length === 0 ? { inputShape: [inputs] } : {}) }),
    ],
  });
}

/** Glorot-uniform (the Keras default) seeded per layer; unseeded when no seed was given. */
type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

function initializers(seed: number | undefined): (layer: number) => Initializer {
  return (layer) => tf.initializers.glorotUniform(seed === undefined ? {} : { seed: layerSeed(seed, layer) });
}

function layerSeed(seed: number, index: number): number {
  return seed * 1024 + index; // distinct per layer, exact in a double for any 32-bit seed
}

async function fromTopology(topology: object, seed: number | undefined): Promise<tf.LayersModel> {
  if (typeof topology !== 'object' || topology === null) throw new TypeError('spec.topology must be an object');
  // Accept a whole model.json too: its architecture sits under modelTopology.
  const raw = 'modelTopology' in topology ? (topology as { modelTopology: unknown }).modelTopology : topology;
  const copy = structuredClone(raw) as tf.serialization.ConfigDict;
  if (seed !== undefined) seedInitializers(copy, seed, { next: 1 });
  let model: tf.LayersModel;
  try {
    model = await tf.models.modelFromJSON(copy);
  } catch (err) {
    throw new ModelSpecError(`spec.topology is not a TF.js layers topology: ${(err as Error).message}`, { cause: err });
  }
  if (model.weights.length === 0) {
    model.dispose();
    throw new ModelSpecError('spec.topology built a model without weights: give the first layer an input shape');
  }
  return model;
}

/** Writes a derived seed into each random initializer's config, in document order. */
function seedInitializers(node: unknown, seed: number, counter: { next: number }): void {
  if (Array.isArray(node)) {
    for (const item of node) seedInitializers(item, seed, counter);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (typeof record.class_name === 'string' && RANDOM_INITIALIZERS.has(record.class_name)) {
    const config = (record.config ??= {}) as Record<string, unknown>;
    config.seed = layerSeed(seed, counter.next++);
    return;
  }
  for (const value of Object.values(record)) seedInitializers(value, seed, counter);
}

function withoutSeeds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutSeeds);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === 'seed' ? null : withoutSeeds(v)]));
}
