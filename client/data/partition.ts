// Splits of one dataset's example indices among N agencies, for simulated federations.
// Every split is a pure function of the data and the seed, so the coordinator and each
// agency derive the same assignment independently. Agency k receives parts[k].
import { exampleCount, type Dataset } from '../../ml/dataset.js';
import { indicesByClass } from './holdout.js';
import { randomBelow, seededRandom, shuffleInPlace, shuffledIndices } from '../../ml/random.js';
import { sampleDirichlet } from './random.js';

/** IID: a seeded shuffle dealt into `agencies` parts whose sizes differ by at most one. */
export function iid(data: Dataset, agencies: number, seed: number): number[][] {
  checkAgencies(agencies, exampleCount(data));
  return splitEvenly(shuffledIndices(exampleCount(data), seededRandom(seed)), agencies);
}

/**
 * Pathological non-IID (McMahan et al. 2017): sort by label, cut into
 * agencies * shardsPerAgency contiguous shards, and deal each agency shardsPerAgency shards
 * at random, so that each agency sees only a few labels.
 */
export function shards(data: Dataset, agencies: number, shardsPerAgency: number, seed: number): number[][] {
  const total = exampleCount(data);
  checkAgencies(agencies, total);
  if (!Number.isInteger(shardsPerAgency) || shardsPerAgency < 1) {
    throw new RangeError(`shardsPerAgency must be a positive integer, got ${shardsPerAgency}`);
  }
  if (agencies * shardsPerAgency > total) {
    throw new RangeError(
      `agencies * shardsPerAgency (${agencies * shardsPerAgency}) exceeds the ${total} examples: some shards would be empty`,
    );
  }
  const byLabel = indicesByClass(data).flat();
  const cut = splitEvenly(byLabel, agencies * shardsPerAgency);
  const dealt = shuffleInPlace(cut, seededRandom(seed));
  return Array.from({ length: agencies }, (_, a) =>
    dealt.slice(a * shardsPerAgency, (a + 1) * shardsPerAgency).flat(),
  );
}

/**
 * Label skew (Hsu et al. 2019): each class's examples are split among the agencies by
 * proportions drawn from a symmetric Dirichlet(alpha). Small alpha concentrates each class
 * on few agencies; large alpha tends to IID. An agency left empty takes one example from
 * the largest agency, since an agency with no data cannot train.
 */
export function dirichlet(data: Dataset, agencies: number, alpha: number, seed: number): number[][] {
  checkAgencies(agencies, exampleCount(data));
  if (typeof alpha !== 'number' || !(alpha > 0) || !Number.isFinite(alpha)) {
    throw new RangeError(`alpha must be a positive finite number, got ${alpha}`);
  }
  const random = seededRandom(seed);
  const parts = Array.from({ length: agencies }, (): number[] => []);
  for (const members of indicesByClass(data)) {
    shuffleInPlace(members, random);
    const proportions = sampleDirichlet(random, alpha, agencies);
    let cumulative = 0;
    let start = 0;
    proportions.forEach((p, a) => {
      cumulative += p;
      // The last cut is the class size itself, so rounding never drops or repeats an example.
      const end = a === agencies - 1 ? members.length : Math.round(cumulative * members.length);
      for (let i = start; i < end; i++) parts[a].push(members[i]);
      start = end;
    });
  }
  for (const empty of parts.filter((p) => p.length === 0)) {
    const largest = parts.reduce((a, b) => (b.length > a.length ? b : a));
    empty.push(largest.splice(randomBelow(random, largest.length), 1)[0]);
  }
  return parts;
}

/** One line per agency, e.g. "agency-1   600 examples  labels 0:300 7:300". */
export function describePartition(data: Dataset, parts: readonly (readonly number[])[]): string {
  const width = String(Math.max(0, ...parts.map((p) => p.length))).length;
  const nameWidth = `agency-${parts.length}`.length;
  return parts
    .map((part, a) => {
      const histogram = new Array<number>(data.numClasses).fill(0);
      for (const i of part) histogram[data.y[i]]++;
      const labels = histogram.flatMap((count, label) => (count > 0 ? [`${label}:${count}`] : []));
      return `${`agency-${a + 1}`.padEnd(nameWidth)}  ${String(part.length).padStart(width)} examples  labels ${labels.join(' ')}`;
    })
    .join('\n');
}

function checkAgencies(agencies: number, examples: number): void {
  if (!Number.isInteger(agencies) || agencies < 1) {
    throw new RangeError(`agencies must be a positive integer, got ${agencies}`);
  }
  if (agencies > examples) {
    throw new RangeError(`agencies (${agencies}) exceeds the ${examples} examples: some agency would be empty`);
  }
}

/** `items` cut into `parts` contiguous runs whose lengths differ by at most one. */
function splitEvenly<T>(items: T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, k) =>
    items.slice(Math.floor((k * items.length) / parts), Math.floor(((k + 1) * items.length) / parts)),
  );
}
