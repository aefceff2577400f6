// Argument checks shared by the privacy modules: a wrong type is a TypeError, a value out of
// range a RangeError, and both name the argument.

export function assertNumber(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new TypeError(`${name} must be a number, got ${String(value)}`);
  }
}

/** A sampling rate q in [0, 1]. */
export function assertProbability(name: string, value: unknown): asserts value is number {
  assertNumber(name, value);
  if (value < 0 || value > 1) throw new RangeError(`${name} must be in [0, 1], got ${value}`);
}

/** A delta in the open interval (0, 1). */
export function assertDelta(name: string, value: unknown): asserts value is number {
  assertNumber(name, value);
  if (!(value > 0 && value < 1)) throw new RangeError(`${name} must be in (0, 1), got ${value}`);
}

export function assertNonNegative(name: string, value: unknown): asserts value is number {
  assertNumber(name, value);
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

export function assertPositive(name: string, value: unknown): asserts value is number {
  assertNumber(name, value);
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  }
}

/** A whole number >= min (0 unless given). */
export function assertInteger(name: string, value: unknown, min = 0): asserts value is number {
  assertNumber(name, value);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

/** An RDP order: alpha > 1 (Mironov 2017, Def. 3), Infinity allowed. */
export function assertOrder(name: string, value: unknown): asserts value is number {
  assertNumber(name, value);
  if (!(value > 1)) throw new RangeError(`${name} must be > 1, got ${value}`);
}
