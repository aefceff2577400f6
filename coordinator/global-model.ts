// What the run loop needs of the model: its description for the offer, its initial weights,
// and checkpoints. The TF.js implementation is in model-adapter.ts; the loop sees only this.
import type { Task } from '../ml/dataset.js';

export interface GlobalModel {
  /** "mnist-2nn", "mnist-cnn" or "layers-json". */
  readonly architecture: string;
  /** TF.js layers topology JSON, from which clients build the same model. */
  readonly topology: string;
  /** SHA-256 hex of the architecture (topology and weight shapes), what agency policies allow. */
  readonly fingerprint: string;
  readonly parameters: number;
  /**
   * What the model predicts (ml/task.ts), and its classes (binary: 2; regression: 0): the shape
   * of its metric totals, needed when the run asks for metrics.
   */
  readonly task?: Task;
  readonly classes?: number;
  initialWeights(): Float32Array;
  /** Writes a TF.js-format checkpoint (model.json + weights) to `dir`, atomically. */
  save(dir: string, weights: Float32Array): Promise<void>;
  load(dir: string): Promise<Float32Array>;
  /**
   * The coordinator's own held-out evaluation (the demo's comparison; a real coordinator holds no
   * data). `statisticsTotals`: the federation's statistics of a tabular run, for its preprocessing.
   */
  evaluate?(weights: Float32Array, statisticsTotals?: string): Promise<{ loss: number; accuracy?: number } | undefined>;
  /** Frees what the model holds (TF.js tensors) once its run is over: a long-lived service runs many. */
  dispose?(): void;
}
