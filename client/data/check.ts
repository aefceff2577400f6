// Does an agency's data fit a model? Checked when the client starts (against the models its
// policy allows) and when it reads an offer (against the offered model), so that a mismatch is
// a clear decline with a code before any training, not a failure mid-round that the
// coordinator can only see as an agency gone silent.
import { exampleCount, featureSize, isRegression, type Dataset, type Task } from '../../ml/dataset.js';
import { ARCHITECTURE_IO } from '../../ml/models.js';
import type { DataErrorCode } from './errors.js';

export interface ModelExpectation {
  /** Features per example the model takes. */
  readonly inputSize: number;
  /** Units of its output layer. */
  readonly outputs: number;
  readonly task: Task;
}

export type DataFit = { readonly ok: true } | { readonly ok: false; readonly code: DataErrorCode; readonly message: string };

/**
 * Whether `data` fits a model taking `inputSize` features and giving `outputs` for `task`. Pure.
 * For an offered model: {...modelIO(model), task: the run schema's task ?? modelTask(modelIO(model))}.
 */
export function checkDataForModel(data: Dataset, model: ModelExpectation, modelName = 'the model'): DataFit {
  const refuse = (code: DataErrorCode, message: string): DataFit => ({ ok: false, code, message });
  const features = featureSize(data);
  if (features !== model.inputSize) {
    return refuse('DATA_SHAPE', `the data has ${features} features per example; ${modelName} takes ${model.inputSize}: give a dataset with ${model.inputSize} feature columns, or allow a model that fits the data`);
  }
  if (exampleCount(data) === 0) return refuse('DATA_SHAPE', 'the data holds no examples');
  if (model.task === 'regression') {
    if (!isRegression(data)) return refuse('DATA_LABELS', `the data's labels are classes; ${modelName} predicts a number (regression)`);
    if (model.outputs !== 1) return refuse('DATA_SHAPE', `${modelName} has ${model.outputs} outputs; a regression model has 1`);
    return { ok: true };
  }
  if (isRegression(data)) return refuse('DATA_LABELS', `the data's labels are numbers (regression); ${modelName} predicts a class (${model.task})`);
  if (model.task === 'binary' && model.outputs !== 1) return refuse('DATA_SHAPE', `${modelName} has ${model.outputs} outputs; a binary model has 1`);
  const classes = model.task === 'binary' ? 2 : model.outputs;
  let outside = 0;
  let first = -1;
  for (let i = 0; i < data.y.length; i++) {
    if (data.y[i] < 0 || data.y[i] >= classes) {
      outside++;
      if (first < 0) first = i;
    }
  }
  if (outside > 0) {
    const label = data.y[first];
    return refuse('DATA_LABELS', `${outside} example${outside === 1 ? ' has a label' : 's have labels'} outside 0..${classes - 1}, the ${classes} classes ${modelName} predicts (the first: example ${first + 1}, label ${label}): fix the labels, or allow a model with more classes`);
  }
  return { ok: true };
}

/**
 * At start-up, before any offer: when every model the policy allows is a built-in architecture,
 * the data must fit at least one of them. Models named by fingerprint or by another name are
 * checked when offered.
 */
export function checkDataForPolicyModels(data: Dataset, models: readonly string[]): DataFit {
  const known = models.map((m) => m.toLowerCase()).filter((m): m is keyof typeof ARCHITECTURE_IO => Object.hasOwn(ARCHITECTURE_IO, m));
  if (known.length === 0 || known.length !== models.length) return { ok: true };
  let failed: DataFit = { ok: true };
  for (const name of known) {
    const fit = checkDataForModel(data, ARCHITECTURE_IO[name], `${name} (policy.models)`);
    if (fit.ok) return fit;
    if (failed.ok) failed = fit;
  }
  return failed;
}
