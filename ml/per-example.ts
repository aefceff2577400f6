// Per-example gradient clipping, the core of DP-SGD (Abadi et al. 2016, "Deep Learning with
// Differential Privacy", Alg. 1): each example's gradient is scaled to L2 norm at most C, then the
// batch's clipped gradients are summed. Two ways to compute that sum:
//
// - fast: a zero "probe" added to the pre-activation of every Dense and Conv2D layer yields, from
//   one backward pass of the summed loss, each example's gradient G_i at that pre-activation.
//   Example i's kernel gradient is A_i^T G_i (A_i: the layer's input rows), so a Dense norm comes
//   without the gradient itself ("ghost norm", Goodfellow 2015; Li et al. 2022, "Large Language
//   Models Can Be Strong Differentially Private Learners", Sec. 4): ||a_i||^2 ||g_i||^2 with one
//   row per example, sum((A_i A_i^T) * (G_i G_i^T)) with several, or the gradient when that is
//   cheaper (Bu et al. 2022, mixed ghost clipping). A Conv2D norm comes from each example's filter
//   gradient (the batch's flops, none of the [B, patches, K] unfolding). Example i's gradient is
//   linear in G_i, so scaling G_i by its clip factor c_i clips it, and the layer's own
//   weight-gradient product over the batch then sums the clipped gradients: no second backward
//   pass (Bu et al. 2023, "Differentially Private Optimization on Large Model at Small Cost",
//   book-keeping).
// - batch-size-1: one backward pass per example; works for any layer. Used for models with a
//   trainable layer the fast path does not cover, and as the fast path's reference in tests.
import * as tf from '@tensorflow/tfjs';
import { exampleLosses, type Fit } from './task.js';
import { NonFiniteError } from './weights.js';

export type PerExampleMethod = 'auto' | 'fast' | 'batch-size-1';

export interface ClippedSum {
  /** Sum of the clipped per-example gradients, one tensor per model.trainableWeights entry; the caller disposes them. */
  readonly sums: tf.Tensor[];
  /** Each example's gradient L2 norm before clipping. */
  readonly norms: Float64Array;
  /** Each example's clipping factor min(1, C' / norm), C' just under C (see CLIP_MARGIN). */
  readonly factors: Float64Array;
  /** Sum of the per-example losses (ml/task.ts exampleLosses). */
  readonly lossSum: number;
}

export class UnsupportedLayerError extends Error {
  static override name = 'UnsupportedLayerError';
  override name = 'UnsupportedLayerError';
}

// The fast norms are sums of float32 products, a little off the exact norm of the float32
// gradient (relative error well below 1e-4 at these sizes). Clipping to C(1 - 1e-3) instead of C
// keeps every clipped gradient's true norm at most C, which is what the noise is calibrated to.
const CLIP_MARGIN = 1e-3;

/** Computes clipped per-example gradient sums for one model; build once per training run. */
export class PerExampleClipper {
  /** Which path clippedSum takes: 'fast' when every trainable layer has one, else 'batch-size-1'. */
  readonly method: 'fast' | 'batch-size-1';
  readonly #model: tf.LayersModel;
  readonly #variables: tf.Variable[];
  readonly #fit: Fit;
  readonly #chain: Link[] | undefined;

  /** `fit` says the task and so the loss (ml/task.ts fitModel). */
  constructor(model: tf.LayersModel, fit: Fit, method: PerExampleMethod = 'auto') {
    if (method !== 'auto' && method !== 'fast' && method !== 'batch-size-1') {
      throw new TypeError(`method must be 'auto', 'fast' or 'batch-size-1', got ${String(method)}`);
    }
    refuseBatchCoupling(model);
    this.#model = model;
    this.#variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    this.#fit = fit;
    const fast = method === 'batch-size-1' ? { chain: undefined, why: 'batch-size-1 was asked for' } : fastChain(model);
    if (method === 'fast' && fast.chain === undefined) throw new UnsupportedLayerError(`no fast per-example path for this model: ${fast.why}`);
    this.#chain = fast.chain;
    this.method = fast.chain ? 'fast' : 'batch-size-1';
  }

  /**
   * Clips each example's gradient to `clipNorm` and sums them. `x` is a batch, `target` its
   * targets as the loss takes them (ml/task.ts gatherTargets).
   */
  clippedSum(x: tf.Tensor, target: tf.Tensor, clipNorm: number): ClippedSum {
    if (!(Number.isFinite(clipNorm) && clipNorm > 0)) throw new RangeError(`clipNorm must be a positive number, got ${clipNorm}`);
    if (x.shape[0] !== target.shape[0] || x.shape[0] === 0) {
      throw new RangeError(`x and target must hold the same, non-zero number of examples, got ${x.shape[0]} and ${target.shape[0]}`);
    }
    return this.#chain ? this.#fast(this.#chain, x, target, clipNorm) : this.#oneByOne(x, target, clipNorm);
  }

  #oneByOne(x: tf.Tensor, target: tf.Tensor, clipNorm: number): ClippedSum {
    const batch = x.shape[0];
    const sums = this.#variables.map((v) => tf.zerosLike(v) as tf.Tensor);
    const norms = new Float64Array(batch);
    const factors = new Float64Array(batch);
    let lossSum = 0;
    for (let i = 0; i < batch; i++) {
      tf.tidy(() => {
        const xi = x.slice(i, 1);
        const yi = target.slice(i, 1);
        const { value, grads } = tf.variableGrads(() => {
          const out = this.#model.apply(xi, { training: true }) as tf.Tensor;
          return exampleLosses(out, yi, this.#fit).sum() as tf.Scalar;
        }, this.#variables);
        const list = this.#variables.map((v) => grads[v.name]);
        norms[i] = Math.sqrt(list.reduce((sum, g) => sum + sumOfSquares(g), 0));
        factors[i] = clipFactor(norms[i], clipNorm, i);
        lossSum += value.dataSync()[0];
        list.forEach((g, k) => {
          const next = tf.keep(sums[k].add(g.mul(factors[i])));
          sums[k].dispose();
          sums[k] = next;
        });
      });
    }
    return { sums, norms, factors, lossSum };
  }

  #fast(chain: Link[], x: tf.Tensor, target: tf.Tensor, clipNorm: number): ClippedSum {
    const batch = x.shape[0];
    const sites = chain.filter((l): l is Site => l.kind !== 'plain');
    const probes = sites.map((s) => tf.zeros([batch, ...s.outShape]));
    const inputs: tf.Tensor[] = [];
    try {
      // One backward pass of the summed loss, to the probes only: gives every site's G.
      const { value, grads } = tf.valueAndGrads((...p: tf.Tensor[]) => {
        let h = x;
        let k = 0;
        for (const link of chain) {
          if (link.kind === 'plain') {
            h = link.layer.apply(h, { training: true }) as tf.Tensor;
            continue;
          }
          inputs.push(h === x ? h : tf.keep(h));
          h = link.activation.apply(preActivation(link, h).add(p[k++])) as tf.Tensor;
        }
        return exampleLosses(h, target, this.#fit).sum();
      })(probes);
      const lossSum = value.dataSync()[0];
      value.dispose();
      try {
        return { ...this.#clipAndSum(sites, inputs, grads, clipNorm, batch), lossSum };
      } finally {
        tf.dispose(grads);
      }
    } finally {
      tf.dispose(probes);
      tf.dispose(inputs.filter((t) => t !== x));
    }
  }

  #clipAndSum(sites: Site[], inputs: tf.Tensor[], grads: tf.Tensor[], clipNorm: number, batch: number) {
    const squares = new Float64Array(batch);
    for (const [j, site] of sites.entries()) {
      const perSite = squaredNorms(site, inputs[j], grads[j]);
      for (let i = 0; i < batch; i++) squares[i] += perSite[i];
    }
    const norms = squares.map(Math.sqrt);
    const factors = norms.map((n, i) => clipFactor(n, clipNorm, i));
    const sums: tf.Tensor[] = new Array(this.#variables.length);
    tf.tidy(() => {
      const c = tf.tensor1d(Float32Array.from(factors));
      for (const [j, site] of sites.entries()) {
        // Example i's gradient is linear in G_i, so scaling G_i by c_i clips it; the layer's own
        // weight-gradient product then sums the clipped gradients over the batch.
        const g = grads[j];
        const cg = g.mul(c.reshape([batch, ...g.shape.slice(1).map(() => 1)]));
        sums[site.kernelIndex] = tf.keep(kernelGradient(site, inputs[j], cg));
        if (site.biasIndex !== undefined) sums[site.biasIndex] = tf.keep(cg.sum(g.shape.slice(0, -1).map((_, k) => k)));
      }
    });
    return { sums, norms, factors };
  }
}

/** ||grad of example i||^2 over the site's kernel and bias, for each example i. */
function squaredNorms(site: Site, input: tf.Tensor, g: tf.Tensor): Float64Array {
  const batch = g.shape[0];
  const units = g.shape[g.rank - 1];
  const out = new Float64Array(batch);
  if (site.kind === 'conv2d') {
    // One filter gradient per example: as many flops as the batch's; no [B, patches, K] copy.
    for (let i = 0; i < batch; i++) {
      out[i] = tf.tidy(() => sumOfSquares(kernelGradient(site, input.slice(i, 1), g.slice(i, 1))));
    }
  } else {
    // Sums of at most a few thousand float32 squares: in-graph rounding stays far below CLIP_MARGIN.
    const t = tf.tidy(() => {
      const a = input.reshape([batch, -1, site.kernelShape[0]]) as tf.Tensor3D;
      const gr = g.reshape([batch, a.shape[1], units]) as tf.Tensor3D;
      const [rows, k] = [a.shape[1], a.shape[2]];
      // One row per example: ||a_i g_i^T||^2 = ||a_i||^2 ||g_i||^2.
      if (rows === 1) return tf.sum(tf.square(a), [1, 2]).mul(tf.sum(tf.square(gr), [1, 2]));
      // Ghost norm: <A_i^T G_i, A_i^T G_i> = sum over row pairs (p, r) of (a_p . a_r)(g_p . g_r).
      if (rows * (k + units) < k * units) return tf.sum(tf.mul(tf.matMul(a, a, false, true), tf.matMul(gr, gr, false, true)), [1, 2]);
      return tf.sum(tf.square(tf.matMul(a, gr, true, false)), [1, 2]);
    });
    out.set(t.dataSync());
    t.dispose();
  }
  if (site.biasIndex !== undefined) {
    const bias = tf.tidy(() => tf.sum(tf.square(g.reshape([batch, -1, units]).sum(1)), 1));
    bias.dataSync().forEach((v, i) => (out[i] += v));
    bias.dispose();
  }
  return out;
}

/**
 * Sum of squares in float64. A float32 reduction over a million values (wasm sums in order) is
 * off by ~1e-4 relative, enough to matter for a bound.
 */
function sumOfSquares(t: tf.Tensor): number {
  const values = t.dataSync();
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return sum;
}

/** The gradient of sum(pre-activation * g) for the site's kernel: what backprop gives it. */
function kernelGradient(site: Site, input: tf.Tensor, g: tf.Tensor): tf.Tensor {
  if (site.kind === 'conv2d') {
    const { strides, padding } = site.conv!;
    const attrs = { strides, pad: padding, dataFormat: 'NHWC', filterShape: site.kernelShape };
    return tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: input, dy: g }, attrs as unknown as tf.NamedAttrMap);
  }
  const k = site.kernelShape[0];
  return tf.matMul(input.reshape([-1, k]), g.reshape([-1, site.kernelShape[1]]), true, false);
}

function clipFactor(norm: number, clipNorm: number, index: number): number {
  if (!Number.isFinite(norm)) {
    throw new NonFiniteError(`example ${index} of the batch has a gradient norm of ${norm}: lower the learning rate or check the data`);
  }
  const bound = clipNorm * (1 - CLIP_MARGIN);
  return norm <= bound ? 1 : bound / norm;
}

// --- the fast path's view of a model: a chain of layers, some of them Dense or Conv2D sites ---

interface Plain {
  readonly kind: 'plain';
  readonly layer: tf.layers.Layer;
}

interface Site {
  readonly kind: 'dense' | 'conv2d';
  readonly layer: tf.layers.Layer;
  readonly kernel: tf.LayerVariable;
  readonly bias: tf.LayerVariable | undefined;
  readonly kernelIndex: number;
  readonly biasIndex: number | undefined;
  readonly kernelShape: number[];
  /** The pre-activation's shape without the batch axis. */
  readonly outShape: number[];
  readonly activation: tf.layers.Layer;
  readonly conv?: { strides: [number, number]; padding: 'same' | 'valid' };
}

type Link = Plain | Site;

/** BatchNormalization mixes examples in training, so per-example gradients do not exist. */
function refuseBatchCoupling(model: tf.LayersModel): void {
  const coupled = model.layers.find((l) => l.getClassName() === 'BatchNormalization');
  if (coupled) {
    throw new UnsupportedLayerError(`layer ${coupled.name} (BatchNormalization) couples the examples of a batch, so DP-SGD cannot clip them one by one; use LayerNormalization or none`);
  }
}

/** The model as a chain of links, or why it has no fast path. */
function fastChain(model: tf.LayersModel): { chain: Link[] | undefined; why: string } {
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  if (model.inputs.length !== 1 || model.outputs.length !== 1) return { chain: undefined, why: 'the model has several inputs or outputs' };
  for (const [i, layer] of layers.entries()) {
    const inbound = layer.inboundNodes.flatMap((n) => n.inboundLayers);
    const previous = i === 0 ? inbound[0]?.getClassName() === 'InputLayer' : inbound[0] === layers[i - 1];
    if (layer.inboundNodes.length !== 1 || inbound.length !== 1 || !previous) {
      return { chain: undefined, why: `layer ${layer.name} is not fed by the one before it alone` };
    }
  }
  if (model.outputs[0].sourceLayer !== layers.at(-1)) return { chain: undefined, why: 'the last layer is not the output' };
  const index = new Map(model.trainableWeights.map((w, k) => [w, k]));
  const chain: Link[] = [];
  for (const layer of layers) {
    if (layer.trainableWeights.length === 0) {
      chain.push({ kind: 'plain', layer });
      continue;
    }
    const site = siteOf(layer, index);
    if (typeof site === 'string') return { chain: undefined, why: site };
    chain.push(site);
  }
  return { chain, why: '' };
}

function siteOf(layer: tf.layers.Layer, index: Map<tf.LayerVariable, number>): Site | string {
  const kind = layer.getClassName() === 'Dense' ? 'dense' : layer.getClassName() === 'Conv2D' ? 'conv2d' : undefined;
  if (kind === undefined) return `layer ${layer.name} (${layer.getClassName()}) has trainable weights and no fast path`;
  const config = layer.getConfig();
  const [kernel, bias] = layer.trainableWeights;
  if (layer.trainableWeights.length !== (config.useBias ? 2 : 1)) return `layer ${layer.name} has an unexpected set of weights`;
  const outShape = (layer.outputShape as (number | null)[]).slice(1);
  if (outShape.some((d) => d === null)) return `layer ${layer.name} has an output shape that is not fully defined`;
  const site: Site = {
    kind, layer, kernel, bias,
    kernelIndex: index.get(kernel)!,
    biasIndex: bias ? index.get(bias) : undefined,
    kernelShape: kernel.shape as number[],
    outShape: outShape as number[],
    activation: tf.layers.activation({ activation: (config.activation ?? 'linear') as 'linear' }),
  };
  if (kind === 'dense') return site;
  if (config.dataFormat !== 'channelsLast') return `layer ${layer.name} is channelsFirst; the fast path takes channelsLast`;
  if (config.padding !== 'same' && config.padding !== 'valid') return `layer ${layer.name} has padding ${String(config.padding)}`;
  // tfjs-core has no gradient for dilated convolutions, on any path.
  if (pair(config.dilationRate).some((d) => d !== 1)) return `layer ${layer.name} is dilated`;
  return { ...site, conv: { strides: pair(config.strides), padding: config.padding } };
}

function pair(value: unknown): [number, number] {
  if (typeof value === 'number') return [value, value];
  const [a, b] = value as number[];
  return [a, b ?? a];
}

/** The layer's output before its activation, as the layer itself computes it. */
function preActivation(site: Site, h: tf.Tensor): tf.Tensor {
  const kernel = site.kernel.read();
  let z: tf.Tensor;
  if (site.kind === 'conv2d') {
    const { strides, padding } = site.conv!;
    z = tf.conv2d(h as tf.Tensor4D, kernel as tf.Tensor4D, strides, padding, 'NHWC');
  } else if (h.rank === 2) {
    z = tf.matMul(h as tf.Tensor2D, kernel as tf.Tensor2D);
  } else {
    // Dense on a higher-rank input acts on the last axis (Keras semantics).
    const flat = tf.matMul(h.reshape([-1, site.kernelShape[0]]), kernel as tf.Tensor2D);
    z = flat.reshape([...h.shape.slice(0, -1), site.kernelShape[1]]);
  }
  return site.bias ? z.add(site.bias.read()) : z;
}
