// The running weighted sum of plaintext updates: memory is one vector however large the cohort.

export class UpdateSum {
  readonly sum: Float64Array;
  totalWeight = 0;
  count = 0;

  constructor(readonly length: number) {
    this.sum = new Float64Array(length);
  }

  add(delta: Float32Array, weight: number): void {
    if (delta.length !== this.length) throw new RangeError(`update has ${delta.length} values, expected ${this.length}`);
    if (!(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`update weight must be a positive number, got ${weight}`);
    for (let i = 0; i < delta.length; i++) this.sum[i] += weight * delta[i];
    this.totalWeight += weight;
    this.count++;
  }

  /** The weighted mean update: sum of w_k * delta_k over sum of w_k (McMahan et al. 2017, FedAvg). */
  mean(): Float32Array {
    return weightedMean(this.sum, this.totalWeight);
  }
}

export function weightedMean(weightedSum: ArrayLike<number>, totalWeight: number): Float32Array {
  if (!(totalWeight > 0)) throw new RangeError(`total weight must be positive, got ${totalWeight}`);
  const out = new Float32Array(weightedSum.length);
  for (let i = 0; i < out.length; i++) out[i] = weightedSum[i] / totalWeight;
  return out;
}
