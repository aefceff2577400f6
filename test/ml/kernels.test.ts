// Each composite wasm kernel must agree with the pure-JS CPU backend's reference implementation.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initEngine } from '../../ml/engine.js';
import { compositeKernelConfigs } from '../../ml/kernels/register.js';
import { seededRandom } from '../../ml/random.js';

function random(seed: number): () => number {
  const uniform = seededRandom(seed);
  return () => uniform() - 0.5;
}

function values(shape: number[], rnd: () => number): Float32Array {
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, rnd);
}

/** Runs one kernel through the engine on `backend`, from host data, and returns its output. */
async function run(backend: string, kernel: string, inputs: Record<string, [Float32Array, number[]]>, attrs: object) {
  await tf.setBackend(backend);
  const tensors = Object.fromEntries(Object.entries(inputs).map(([k, [v, s]]) => [k, tf.tensor(v, s)]));
  const out = tf.engine().runKernel(kernel, tensors, attrs as tf.NamedAttrMap) as tf.Tensor;
  const result = { shape: out.shape as number[], data: Float32Array.from(out.dataSync()) };
  tf.dispose([out, ...Object.values(tensors)]);
  return result;
}

/** Float32 sums of a few hundred terms: allow a small error relative to the result's scale. */
function expectClose(got: { shape: number[]; data: Float32Array }, want: { shape: number[]; data: Float32Array }) {
  expect(got.shape).toEqual(want.shape);
  let scale = 1;
  for (const v of want.data) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < want.data.length; i++) worst = Math.max(worst, Math.abs(got.data[i] - want.data[i]));
  expect(worst).toBeLessThanOrEqual(2e-4 * scale);
}

interface ConvCase { n: number; h: number; w: number; c: number; o: number; fh: number; fw: number; stride: number; pad: 'valid' | 'same' }

const convCases: ConvCase[] = [];
for (const pad of ['valid', 'same'] as const) {
  for (const stride of [1, 2]) {
    convCases.push({ n: 3, h: 9, w: 8, c: 2, o: 3, fh: 3, fw: 3, stride, pad });
    convCases.push({ n: 2, h: 7, w: 10, c: 3, o: 4, fh: 5, fw: 2, stride, pad });
    convCases.push({ n: 2, h: 6, w: 6, c: 1, o: 2, fh: 2, fw: 4, stride, pad });
  }
}

const label = (k: ConvCase) => `${k.pad} stride ${k.stride} x[${k.n},${k.h},${k.w},${k.c}] f[${k.fh},${k.fw},${k.c},${k.o}]`;

function outSize(k: ConvCase, len: number, f: number): number {
  return k.pad === 'same' ? Math.ceil(len / k.stride) : Math.floor((len - f) / k.stride) + 1;
}

beforeAll(async () => {
  expect((await initEngine('wasm')).name).toBe('wasm');
});

describe('composite wasm kernels', () => {
  it('are the ones registered', () => {
    const installed = compositeKernelConfigs();
    expect(installed.map((c) => c.kernelName).sort()).toEqual(['BatchMatMul', 'Conv2DBackpropFilter', 'Conv2DBackpropInput']);
    for (const config of installed) expect(tf.getKernel(config.kernelName, 'wasm')).toBe(config);
  });

  it.each(convCases.map((k, i) => [label(k), k, i] as const))('Conv2DBackpropFilter %s', async (_, k, i) => {
    const rnd = random(100 + i);
    const dyShape = [k.n, outSize(k, k.h, k.fh), outSize(k, k.w, k.fw), k.o];
    const inputs = { x: [values([k.n, k.h, k.w, k.c], rnd), [k.n, k.h, k.w, k.c]], dy: [values(dyShape, rnd), dyShape] } as Record<string, [Float32Array, number[]]>;
    const attrs = { strides: k.stride, pad: k.pad, dataFormat: 'NHWC', filterShape: [k.fh, k.fw, k.c, k.o] };
    expectClose(await run('wasm', 'Conv2DBackpropFilter', inputs, attrs), await run('cpu', 'Conv2DBackpropFilter', inputs, attrs));
  });

  it.each(convCases.map((k, i) => [label(k), k, i] as const))('Conv2DBackpropInput %s', async (_, k, i) => {
    const rnd = random(200 + i);
    const dyShape = [k.n, outSize(k, k.h, k.fh), outSize(k, k.w, k.fw), k.o];
    const fShape = [k.fh, k.fw, k.c, k.o];
    const inputs = { dy: [values(dyShape, rnd), dyShape], filter: [values(fShape, rnd), fShape] } as Record<string, [Float32Array, number[]]>;
    const attrs = { strides: k.stride, pad: k.pad, dataFormat: 'NHWC', inputShape: [k.n, k.h, k.w, k.c] };
    expectClose(await run('wasm', 'Conv2DBackpropInput', inputs, attrs), await run('cpu', 'Conv2DBackpropInput', inputs, attrs));
  });

  const matCases = [
    { a: [7, 5], b: [5, 3] },
    { a: [4, 7, 5], b: [4, 5, 3] },
    { a: [2, 1, 6, 4], b: [3, 4, 5] },
    { a: [40, 3], b: [3, 200] }, // large b: the swapped form wins for transposeB
    { a: [300, 2], b: [2, 5] }, // large a: the swapped form wins for transposeA
  ];
  const matRuns = matCases.flatMap((m, i) =>
    [[false, false], [true, false], [false, true], [true, true]].map(([ta, tb]) => [`a${JSON.stringify(m.a)} b${JSON.stringify(m.b)} tA=${ta} tB=${tb}`, m, ta, tb, i] as const));

  it.each(matRuns)('BatchMatMul %s', async (_, m, ta, tb, i) => {
    const rnd = random(300 + i);
    const swapLast = (s: number[], t: boolean) => (t ? [...s.slice(0, -2), s[s.length - 1], s[s.length - 2]] : s);
    const aShape = swapLast(m.a, ta);
    const bShape = swapLast(m.b, tb);
    const inputs = { a: [values(aShape, rnd), aShape], b: [values(bShape, rnd), bShape] } as Record<string, [Float32Array, number[]]>;
    const attrs = { transposeA: ta, transposeB: tb };
    expectClose(await run('wasm', 'BatchMatMul', inputs, attrs), await run('cpu', 'BatchMatMul', inputs, attrs));
  });

  it('free every intermediate', async () => {
    await tf.setBackend('wasm');
    const x = tf.randomNormal([2, 8, 8, 3]);
    const f = tf.randomNormal([3, 3, 3, 4]);
    const w = tf.randomNormal([20, 6]);
    const before = tf.engine().backend.numDataIds();
    const grads = tf.grads((xx: tf.Tensor, ff: tf.Tensor, ww: tf.Tensor) =>
      tf.conv2d(xx as tf.Tensor4D, ff as tf.Tensor4D, 2, 'same').reshape([2, -1]).slice([0, 0], [2, 20]).matMul(ww as tf.Tensor2D).sum());
    const out = grads([x, f, w]);
    tf.dispose(out);
    expect(tf.engine().backend.numDataIds()).toBe(before);
    tf.dispose([x, f, w]);
  });

  it('match the CPU backend on a whole CNN gradient', async () => {
    const rnd = random(7);
    const xv = values([3, 12, 12, 1], rnd);
    const fv = values([5, 5, 1, 4], rnd);
    const gv = values([3, 3, 4, 2], rnd);
    const grad = async (backend: string) => {
      await tf.setBackend(backend);
      const [x, f, g] = [tf.tensor4d(xv, [3, 12, 12, 1]), tf.tensor4d(fv, [5, 5, 1, 4]), tf.tensor4d(gv, [3, 3, 4, 2])];
      const gs = tf.grads((xx: tf.Tensor, ff: tf.Tensor, gg: tf.Tensor) =>
        tf.conv2d(tf.conv2d(xx as tf.Tensor4D, ff as tf.Tensor4D, 1, 'same').relu() as tf.Tensor4D, gg as tf.Tensor4D, 2, 'valid').square().sum())([x, f, g]);
      const data = gs.map((t) => ({ shape: t.shape as number[], data: Float32Array.from(t.dataSync()) }));
      tf.dispose([x, f, g, ...gs]);
      return data;
    };
    const [wasm, cpu] = [await grad('wasm'), await grad('cpu')];
    for (let i = 0; i < 3; i++) expectClose(wasm[i], cpu[i]);
  });
});

describe('limits', () => {
  it('refuse NCHW by name', async () => {
    await tf.setBackend('wasm');
    const x = tf.zeros([1, 2, 4, 4]);
    const dy = tf.zeros([1, 2, 2, 2]);
    expect(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy },
      { strides: 1, pad: 'valid', dataFormat: 'NCHW', filterShape: [3, 3, 2, 2] } as unknown as tf.NamedAttrMap))
      .toThrow(/UnsupportedConvolution|dataFormat NCHW/);
    tf.dispose([x, dy]);
  });
});
