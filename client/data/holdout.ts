// A held-out test set, stratified by label so that every class present is evaluated, in
// proportion to how common it is (regression targets: a plain random split).
import { exampleCount, isRegression, subset, type Dataset } from '../../ml/dataset.js';
import { seededRandom, shuffleInPlace } from '../../ml/random.js';

export interface HoldOut {
  readonly train: Dataset;
  readonly test: Dataset;
}

/**
 * Splits off exactly `testCount` examples. Each class contributes in proportion to its size
 * (largest remainders), and at least one example whenever `testCount` allows one per class.
 * Both parts keep the examples' original relative order.
 */
export function holdOut(data: Dataset, testCount: number, seed: number): HoldOut {
  const { train, test } = holdOutIndices(isRegression(data) ? undefined : { labels: data.y, classes: data.numClasses }, exampleCount(data), testCount, seed);
  return { train: subset(data, train), test: subset(data, test) };
}

/**
 * The indices of a stratified split of `total` examples: `testCount` to `test`, each class in
 * proportion (`classes` absent: a plain random split, as for regression targets). Both parts
 * keep the examples' order.
 */
export function holdOutIndices(classes: { labels: ArrayLike<number>; classes: number } | undefined, total: number, testCount: number, seed: number): { train: number[]; test: number[] } {
  if (!Number.isInteger(testCount) || testCount < 1 || testCount >= total) {
    throw new RangeError(`testCount must be an integer in 1..${total - 1}, got ${testCount}`);
  }
  const random = seededRandom(seed);
  const byClass = classes ? byLabel(classes.labels, classes.classes) : [Array.from({ length: total }, (_, i) => i)];
  const quotas = stratifiedQuotas(byClass.map((c) => c.length), testCount);

  const isTest = new Uint8Array(total);
  byClass.forEach((members, label) => {
    for (const i of shuffleInPlace(members, random).slice(0, quotas[label])) isTest[i] = 1;
  });
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < total; i++) (isTest[i] ? test : train).push(i);
  return { train, test };
}

/** Indices of each class's examples, in dataset order; entry c is class c. */
export function indicesByClass(data: Dataset): number[][] {
  return byLabel(data.y, data.numClasses);
}

function byLabel(labels: ArrayLike<number>, classes: number): number[][] {
  const byClass = Array.from({ length: classes }, (): number[] => []);
  for (let i = 0; i < labels.length; i++) byClass[labels[i]].push(i);
  return byClass;
}

/** Per-class shares of `take` proportional to `counts`, summing to exactly `take`. */
function stratifiedQuotas(counts: number[], take: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const exact = counts.map((c) => (c * take) / total);
  const quotas = exact.map(Math.floor);
  const byRemainder = counts.map((_, c) => c).sort((a, b) => exact[b] - quotas[b] - (exact[a] - quotas[a]) || a - b);
  // The shortfall is the sum of the fractional parts, so fewer than one per class: the classes
  // with the largest remainders each get one more, and none exceeds its own count.
  const shortfall = take - quotas.reduce((a, b) => a + b, 0);
  for (const c of byRemainder.slice(0, shortfall)) quotas[c]++;
  // A rare class can round to zero; give it one example from the class with the most to spare.
  const present = counts.filter((c) => c > 0).length;
  if (take >= present) {
    for (let c = 0; c < counts.length; c++) {
      if (counts[c] > 0 && quotas[c] === 0) {
        const donor = quotas.indexOf(Math.max(...quotas));
        quotas[donor]--;
        quotas[c]++;
      }
    }
  }
  return quotas;
}
