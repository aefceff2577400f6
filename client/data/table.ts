// Pieces shared by the tabular loaders (CSV, JSON rows): reading the input, checking single
// feature and label values, and assembling the checked rows into a Dataset. A check returns the value or the
// reason it is unusable; the loader adds where it was found.
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../ml/dataset.js';

/** In-memory text (named by `source` in errors), or a file to read. */
export type TableInput = { readonly text: string; readonly source?: string } | { readonly path: string };

export type Checked<T> = { readonly value: T } | { readonly reason: string };

// Plain decimal notation only: Number() would also accept "", " ", "0x1F" and "0b101".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

export function checkFeatureText(text: string): Checked<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { reason: 'missing value' };
  if (NON_FINITE.test(trimmed)) return { reason: `"${trimmed}" is not a finite number` };
  if (!DECIMAL.test(trimmed)) return { reason: `"${trimmed}" is not a number` };
  return checkFeatureNumber(Number(trimmed));
}

export function checkFeatureNumber(value: number): Checked<number> {
  // Features are stored as float32: a double like 1e39 is finite but becomes Infinity there.
  if (!Number.isFinite(value) || !Number.isFinite(Math.fround(value))) {
    return { reason: `${value} is not a finite 32-bit float` };
  }
  return { value };
}

/**
 * Labels are class indices (non-negative integers, written as such) unless `classNames` is
 * given, in which case a text label must be one of the names and maps to its position.
 */
export function checkLabel(raw: string | number, classNames: readonly string[] | undefined): Checked<number> {
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 0) return { reason: `label ${raw} is not a non-negative integer` };
    if (classNames && raw >= classNames.length) {
      return { reason: `label ${raw} is outside the ${classNames.length} class names` };
    }
    return { value: raw };
  }
  const text = raw.trim();
  if (text === '') return { reason: 'missing label' };
  if (classNames) {
    const index = classNames.indexOf(text);
    return index >= 0 ? { value: index } : { reason: `label "${text}" is not one of the class names (${classNames.join(', ')})` };
  }
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    return { reason: `label "${text}" is not a class index (a non-negative integer); pass classNames to map text labels` };
  }
  return { value: Number(text) };
}

/** Checks a classNames option: non-empty, distinct names. */
export function checkClassNames(classNames: readonly string[] | undefined): void {
  if (classNames === undefined) return;
  if (!Array.isArray(classNames) || classNames.length === 0 || !classNames.every((n) => typeof n === 'string' && n.trim() === n && n !== '')) {
    throw new TypeError('classNames must be a non-empty array of non-empty strings without surrounding spaces');
  }
  if (new Set(classNames).size !== classNames.length) throw new RangeError('classNames lists a name twice');
}

/** A Dataset of shape [featureCount]; numClasses is classNames.length, else the largest label + 1. */
export function tabularDataset(
  features: number[],
  labels: number[],
  featureCount: number,
  classNames: readonly string[] | undefined,
): Dataset {
  const numClasses = classNames ? classNames.length : labels.reduce((a, b) => Math.max(a, b), -1) + 1;
  return { x: Float32Array.from(features), y: Int32Array.from(labels), exampleShape: [featureCount], numClasses };
}

export function readInput(input: TableInput): { text: string; source: string } {
  if ('path' in input) return { text: readFileSync(input.path, 'utf8'), source: input.path };
  if (typeof input.text !== 'string') throw new TypeError('input.text must be a string');
  return { text: input.text, source: input.source ?? '<text>' };
}
