// A Rényi DP accountant over heterogeneous sampled-Gaussian steps. RDP at each order adds up
// under composition (Mironov 2017, Prop. 1), so steps with different q and z simply sum; the
// (epsilon, delta) conversion happens once, at the end (convert.ts).
import { z } from 'zod';
import { assertInteger, assertNonNegative, assertProbability } from './args.js';
import { rdpToEpsilon, type EpsilonResult } from './convert.js';
import { DEFAULT_ORDERS, computeRdp } from './rdp.js';

/** `count` rounds of the sampled Gaussian mechanism with sampling rate q and multiplier z. */
export interface SgmStep {
  readonly samplingRate: number;
  readonly noiseMultiplier: number;
  readonly count: number;
}

/** What the accountant persists: the steps themselves, so anyone can recompute the RDP. */
export interface AccountantState {
  readonly version: 1;
  readonly orders: readonly number[];
  readonly steps: readonly SgmStep[];
}

const stepSchema = z.object({
  samplingRate: z.number().min(0).max(1),
  noiseMultiplier: z.number().min(0),
  count: z.number().int().min(0),
});

const stateSchema = z.object({
  version: z.literal(1),
  orders: z.array(z.number().gt(1)).min(1),
  steps: z.array(stepSchema),
});

export function assertStep(name: string, step: unknown): asserts step is SgmStep {
  if (typeof step !== 'object' || step === null) throw new TypeError(`${name} must be an object`);
  const s = step as Record<string, unknown>;
  assertProbability(`${name}.samplingRate`, s.samplingRate);
  assertNonNegative(`${name}.noiseMultiplier`, s.noiseMultiplier);
  assertInteger(`${name}.count`, s.count);
}

export class RdpAccountant {
  readonly orders: readonly number[];
  readonly #steps: SgmStep[] = [];
  readonly #rdp: number[];
  // RDP of one round of the latest (q, z): rounds usually repeat it, and this spares the series.
  #unit: { samplingRate: number; noiseMultiplier: number; rdp: number[] } | undefined;

  constructor(orders: readonly number[] = DEFAULT_ORDERS) {
    this.orders = Object.freeze([...orders]);
    this.#rdp = computeRdp(0, 0, 0, this.orders);
  }

  /** Adds `step.count` rounds; consecutive identical steps are merged in the state. */
  compose(step: SgmStep): this {
    assertStep('step', step);
    const unit = this.#unitRdp(step.samplingRate, step.noiseMultiplier);
    if (step.count > 0) for (let k = 0; k < unit.length; k++) this.#rdp[k] += step.count * unit[k];
    const last = this.#steps.at(-1);
    if (last && last.samplingRate === step.samplingRate && last.noiseMultiplier === step.noiseMultiplier) {
      this.#steps[this.#steps.length - 1] = { ...last, count: last.count + step.count };
    } else {
      this.#steps.push({ samplingRate: step.samplingRate, noiseMultiplier: step.noiseMultiplier, count: step.count });
    }
    return this;
  }

  #unitRdp(samplingRate: number, noiseMultiplier: number): number[] {
    const u = this.#unit;
    if (u && u.samplingRate === samplingRate && u.noiseMultiplier === noiseMultiplier) return u.rdp;
    const rdp = computeRdp(samplingRate, noiseMultiplier, 1, this.orders);
    this.#unit = { samplingRate, noiseMultiplier, rdp };
    return rdp;
  }

  /** Total RDP at each order. */
  rdp(): number[] {
    return [...this.#rdp];
  }

  /** The best epsilon at `delta` and the order giving it. */
  epsilon(delta: number): EpsilonResult {
    return rdpToEpsilon(this.orders, this.#rdp, delta);
  }

  state(): AccountantState {
    return { version: 1, orders: [...this.orders], steps: this.#steps.map((s) => ({ ...s })) };
  }

  /** Rebuilds an accountant from `state()`'s output (e.g. parsed JSON); throws on a bad shape. */
  static fromState(state: unknown): RdpAccountant {
    const parsed = stateSchema.safeParse(state);
    if (!parsed.success) throw new TypeError(`invalid accountant state: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    const accountant = new RdpAccountant(parsed.data.orders);
    for (const step of parsed.data.steps) accountant.compose(step);
    return accountant;
  }
}

/**
 * Epsilon at `delta` after `step.count` rounds of one sampled Gaussian mechanism, from a fresh
 * accountant at the default orders: what a run's ledger must record after its n-th aggregated
 * round, and what an auditor recomputes (docs/LEDGER.md, "Privacy spent").
 */
export function epsilonAfter(step: SgmStep, delta: number): number {
  return new RdpAccountant().compose(step).epsilon(delta).epsilon;
}
