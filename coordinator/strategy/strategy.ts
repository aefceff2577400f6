// A strategy turns the cohort's mean update into the next global model. Secure aggregation
// yields only the (weighted) sum, so every strategy here consumes the mean and nothing per client.

export interface Strategy {
  readonly name: string;
  /** The next global weights; `meanDelta` is sum(w_k * delta_k) / sum(w_k). */
  apply(global: Float32Array, meanDelta: Float32Array): Float32Array;
  /** Optimizer state to checkpoint (momentum, moments); empty for stateless strategies. */
  state(): Record<string, Float32Array>;
  restore(state: Record<string, Float32Array>): void;
}

export interface StrategyOptions {
  /** Server learning rate (FedAvgM, FedOpt). */
  serverLearningRate?: number;
  /** FedAvgM momentum. */
  momentum?: number;
  /** FedOpt betas and adaptivity (Reddi et al. 2021, "Adaptive Federated Optimization"). */
  beta1?: number;
  beta2?: number;
  tau?: number;
}
