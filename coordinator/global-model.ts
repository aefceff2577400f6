// What the run loop needs of the model: its description for the offer, its initial weights,
// and checkpoints. The TF.js implementation is in model-adapter.ts; the loop sees only this.

export interface GlobalModel {
  /** "mnist-2nn", "mnist-cnn" or "layers-json". */
  readonly architecture: string;
  /** TF.js layers topology JSON, from which clients build the same model. */
  readonly topology: string;
  /** SHA-256 hex of the architecture (topology and weight shapes), what agency policies allow. */
  readonly fingerprint: string;
  readonly parameters: number;
  initialWeights(): Float32Array;
  /** Writes a TF.js-format checkpoint (model.json + weights) to `dir`, atomically. */
  save(dir: string, weights: Float32Array): Promise<void>;
  load(dir: string): Promise<Float32Array>;
  evaluate?(weights: Float32Array): Promise<{ loss: number; accuracy: number }>;
  /** Frees what the model holds (TF.js tensors) once its run is over: a long-lived service runs many. */
  dispose?(): void;
}
