// Loads the published vectors in ./vectors and gives the tolerance checks their sources state.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export type OrderSpec = number | string | { range: [number, number]; step?: number; scaled?: number };

export function loadVectors<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./vectors/${name}`, import.meta.url), 'utf8')) as T;
}

/** JSON has no Infinity: the vectors spell it "Infinity". */
export function num(x: number | string): number {
  if (x === 'Infinity') return Infinity;
  if (typeof x !== 'number') throw new TypeError(`not a number in vector: ${String(x)}`);
  return x;
}

/** Expands an order list: numbers, "Infinity", {range: [a, b]} (inclusive), or {scaled, range}. */
export function orders(spec: OrderSpec | OrderSpec[]): number[] {
  const items = Array.isArray(spec) ? spec : [spec];
  const out: number[] = [];
  for (const item of items) {
    if (typeof item === 'object') {
      const [from, to] = item.range;
      for (let i = from; i <= to; i += item.step ?? 1) out.push(item.scaled === undefined ? i : item.scaled * i);
    } else {
      out.push(num(item));
    }
  }
  return out;
}

export type Tolerance = { exact: true } | { places: number } | { rtol: number } | { abs: number };

/** Asserts `actual` matches `expected` as the source test does. */
export function expectClose(actual: number, expected: number, tol: Tolerance): void {
  if (expected === Infinity || 'exact' in tol) {
    expect(actual).toBe(expected);
  } else if ('places' in tol) {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.5 * 10 ** -tol.places);
  } else if ('rtol' in tol) {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol.rtol * Math.abs(expected));
  } else {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol.abs);
  }
}
