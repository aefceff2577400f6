// Small synthetic datasets: each class is a fixed random pattern plus noise, so that a model can
// learn them in a few steps and a test stays fast.
import type { Dataset } from '../../ml/dataset.js';
import { seededRandom } from '../../ml/random.js';

export function patterns(n: number, exampleShape: number[], numClasses: number, seed: number, noise = 0.3): Dataset {
  const random = seededRandom(seed);
  const size = exampleShape.reduce((a, b) => a * b, 1);
  const prototypes = Float32Array.from({ length: numClasses * size }, () => random());
  const x = new Float32Array(n * size);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % numClasses;
    for (let j = 0; j < size; j++) x[i * size + j] = prototypes[y[i] * size + j] + noise * (random() - 0.5);
  }
  return { x, y, exampleShape, numClasses };
}

/** Bitwise equality of two float vectors; much faster than toEqual on a million elements. */
export function sameBits(a: Float32Array, b: Float32Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
