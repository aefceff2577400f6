// Rebuilding a secret from revealed shares when some may be bad (the coordinator's side of the
// seed commitment, keys.ts). The owner committed to its secret before dealing (the seed commitment,
// or the advertised s^PK), so a rebuilt secret is checked, never trusted. On the honest path the
// first t shares open the commitment and nothing else is done. Otherwise t-subsets are tried
// until one opens it, and every other share is tested against that subset: Lagrange
// interpolation at 0 is linear in each share with a nonzero coefficient, so t - 1 good shares
// and one altered share never give the committed secret, and an altered share is always named.
import { randomInt } from 'node:crypto';
import { SECRET_BYTES, reconstructSecret } from './shamir.js';

export interface HeldShare {
  /** The client that revealed it. */
  readonly holder: string;
  /** 33 bytes: 32 evaluations, then the x-coordinate. */
  readonly share: Uint8Array;
}

export interface Recovered {
  /** The committed secret; undefined when no t of the shares open the commitment. */
  readonly secret: Uint8Array | undefined;
  /** Holders whose share does not fit the committed secret. */
  readonly bad: readonly string[];
}

/** Subsets tried beyond leaving out each of the first t + 1 in turn: bounded work on a bad path. */
const RANDOM_SUBSETS = 256;

export async function recoverSecret(shares: readonly HeldShare[], threshold: number, opens: (secret: Uint8Array) => boolean): Promise<Recovered> {
  const usable = shares.filter((s) => s.share[SECRET_BYTES] !== 0);
  const first = distinctX(usable).slice(0, threshold);
  if (first.length === threshold) {
    const secret = await reconstructSecret(first.map((s) => s.share), threshold);
    if (opens(secret)) return { secret, bad: [] };
  }
  const good = await findOpeningSubset(distinctX(usable), threshold, opens);
  if (good === undefined) return { secret: undefined, bad: [] };
  const base = good.subset.slice(1).map((s) => s.share);
  const bad: string[] = shares.filter((s) => s.share[SECRET_BYTES] === 0).map((s) => s.holder);
  for (const candidate of usable) {
    if (good.subset.includes(candidate)) continue;
    const sameX = base.some((share) => share[SECRET_BYTES] === candidate.share[SECRET_BYTES]);
    const rebuilt = sameX ? undefined : await reconstructSecret([...base, candidate.share], threshold);
    const fits = sameX ? good.subset.some((s) => s.share.every((byte, i) => byte === candidate.share[i])) : equal(rebuilt!, good.secret);
    if (!fits) bad.push(candidate.holder);
  }
  return { secret: good.secret, bad: [...new Set(bad)].sort() };
}

async function findOpeningSubset(candidates: readonly HeldShare[], threshold: number, opens: (secret: Uint8Array) => boolean):
  Promise<{ subset: HeldShare[]; secret: Uint8Array } | undefined> {
  if (candidates.length < threshold) return undefined;
  const head = candidates.slice(0, threshold + 1);
  const subsets: HeldShare[][] = head.length > threshold ? head.map((_, skip) => head.filter((__, i) => i !== skip)) : [];
  // Which subset opens it first does not change the outcome: the committed secret is unique.
  for (let i = 0; i < RANDOM_SUBSETS; i++) {
    const pool = [...candidates];
    for (let j = pool.length - 1; j > 0; j--) {
      const k = randomInt(j + 1);
      [pool[j], pool[k]] = [pool[k], pool[j]];
    }
    subsets.push(pool.slice(0, threshold));
  }
  for (const subset of subsets) {
    const secret = await reconstructSecret(subset.map((s) => s.share), threshold);
    if (opens(secret)) return { subset, secret };
  }
  return undefined;
}

/** The first share for each x-coordinate. */
function distinctX(shares: readonly HeldShare[]): HeldShare[] {
  const seen = new Set<number>();
  return shares.filter((s) => {
    const x = s.share[SECRET_BYTES];
    if (seen.has(x)) return false;
    seen.add(x);
    return true;
  });
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
