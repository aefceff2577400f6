// RDP -> (epsilon, delta): Balle, Barthe, Gaboardi, Hsu, Sato 2020, "Hypothesis testing
// interpretations and Renyi differential privacy", Thm. 21 (arXiv:1905.09982), as Opacus's
// get_privacy_spent applies it: at each order alpha,
//   epsilon = rdp - (log(delta) + log(alpha)) / (alpha - 1) + log((alpha - 1) / alpha),
// and the best (smallest) epsilon over the orders is reported with its order.
import { assertDelta, assertOrder } from './args.js';

export interface EpsilonResult {
  /** The smallest epsilon over the orders; Infinity when no order gives a finite one. */
  readonly epsilon: number;
  /** The order that gave it; NaN when epsilon is Infinity. */
  readonly order: number;
}

export function rdpToEpsilon(orders: readonly number[], rdp: readonly number[], delta: number): EpsilonResult {
  if (!Array.isArray(orders) || !Array.isArray(rdp)) throw new TypeError('orders and rdp must be arrays');
  if (orders.length !== rdp.length || orders.length === 0) {
    throw new RangeError(`orders and rdp must be non-empty and of equal length, got ${orders.length} and ${rdp.length}`);
  }
  assertDelta('delta', delta);
  let best: EpsilonResult = { epsilon: Infinity, order: NaN };
  for (let k = 0; k < orders.length; k++) {
    const alpha = orders[k];
    const r = rdp[k];
    assertOrder(`orders[${k}]`, alpha);
    if (!(r >= 0)) throw new RangeError(`rdp[${k}] must be >= 0, got ${r}`);
    const epsilon = epsilonAtOrder(alpha, r, delta);
    if (epsilon < best.epsilon) best = { epsilon, order: alpha };
  }
  return best;
}

function epsilonAtOrder(alpha: number, r: number, delta: number): number {
  if (r === Infinity) return Infinity;
  // RDP at alpha > 1 bounds the KL divergence; total variation <= sqrt(1 - e^{-KL})
  // (Bretagnolle-Huber), so delta >= that bound already gives (0, delta)-DP.
  if (delta * delta + Math.expm1(-r) >= 0) return 0;
  if (alpha === Infinity) return r;
  const epsilon = r - (Math.log(delta) + Math.log(alpha)) / (alpha - 1) + Math.log((alpha - 1) / alpha);
  return Math.max(0, epsilon);
}
