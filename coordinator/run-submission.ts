// A run config submitted to the run service, checked before anything of it is kept: its size, its
// schema, and a model the service can build whose messages fit the service's limit. Each refusal
// is the HTTP error the operator sees, naming what was wrong.
import { buildModel } from '../ml/models.js';
import { weightCount } from '../ml/weights.js';
import { parseJsonText } from '../storage/json-text.js';
import { HttpError } from './http/errors.js';
import { maxMessageBytesFor, type Limits } from './limits.js';
import { parseRunConfig, type RunConfig } from './run-config.js';
import { modelSpecOf } from './tf-model.js';

/** The largest run config the service takes, in bytes. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** A submitted body as a run config, or a 4xx naming what is wrong. */
export function parseSubmission(body: Uint8Array): RunConfig {
  if (body.length > MAX_CONFIG_BYTES) throw new HttpError(413, 'BODY_TOO_LARGE', `a run config is at most ${MAX_CONFIG_BYTES} bytes`);
  try {
    return parseRunConfig(parseJsonText(Buffer.from(body).toString('utf8'), 'the run config'));
  } catch (err) {
    throw new HttpError(400, 'BAD_RUN_CONFIG', (err as Error).message);
  }
}

/** The model can be built here, and its messages fit the service's limit. */
export async function checkModel(config: RunConfig, limits: Limits): Promise<void> {
  const spec = await modelSpecOf(config).catch((err: Error) => {
    throw new HttpError(400, 'BAD_MODEL', `modelPath ${config.modelPath}: the service cannot read it as a layers model JSON: ${err.message}`);
  });
  const model = await buildModel(spec, config.seed >>> 0).catch((err: Error) => {
    throw new HttpError(400, 'BAD_MODEL', `the run's model cannot be built: ${err.message}`);
  });
  const parameters = weightCount(model);
  model.dispose();
  if (maxMessageBytesFor(parameters) > limits.maxMessageBytes) {
    throw new HttpError(400, 'MODEL_TOO_LARGE', `the model has ${parameters} weights: its messages would pass the service's limit of ` +
      `${limits.maxMessageBytes} bytes (cohort serve --max-message-mb)`);
  }
}
