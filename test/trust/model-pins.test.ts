// The policy name `tabular-mlp` pins the MLP this client builds itself for the run's table schema:
// the coordinator chooses only the hidden widths. A topology that differs anywhere else (another
// input width, another output activation, an extra layer kind) has another fingerprint.
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { pinsForOffer } from '../../client/model-pins.js';
import { buildModel, modelFingerprint, tabularModelSpec } from '../../ml/models.js';
import { initEngine } from '../../ml/engine.js';
import { parseSchema } from '../../ml/schema.js';
import type { cohort } from '../../proto/messages.js';

const schemaJson = readFileSync(new URL('../../examples/data/titanic.schema.json', import.meta.url), 'utf8');
const schema = parseSchema(JSON.parse(schemaJson), 'titanic schema');
const offer = (tableSchema: string) => ({ tableSchema }) as cohort.v1.RoundOffer;

async function pinOf(model: tf.LayersModel, models = ['tabular-mlp'], tableSchema = schemaJson): Promise<string | undefined> {
  return (await pinsForOffer(models, new Map(), offer(tableSchema), model)).get('tabular-mlp');
}

describe('the tabular-mlp pin', () => {
  it('matches the client\'s own build for the schema, whatever hidden widths the run chose', async () => {
    await initEngine('wasm');
    for (const hidden of [[], [8], [32, 16]]) {
      const offered = await buildModel(tabularModelSpec(schema, { hidden }), 3);
      expect(await pinOf(offered)).toBe(modelFingerprint(offered));
      offered.dispose();
    }
  });

  it('does not match a topology that differs elsewhere, and pins nothing without a schema or the name', async () => {
    await initEngine('wasm');
    const spec = tabularModelSpec(schema, { hidden: [8] });
    const wider = tf.sequential({ layers: [
      tf.layers.dense({ units: 8, activation: 'relu', inputShape: [spec.inputs + 1] }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ] });
    const linearOut = tf.sequential({ layers: [
      tf.layers.dense({ units: 8, activation: 'relu', inputShape: [spec.inputs] }),
      tf.layers.dense({ units: 1, activation: 'linear' }),
    ] });
    for (const model of [wider, linearOut]) {
      const pin = await pinOf(model);
      expect(pin).toBeDefined();
      expect(pin).not.toBe(modelFingerprint(model));
    }
    expect(await pinOf(wider, ['mnist-2nn'])).toBeUndefined();
    expect(await pinOf(wider, ['tabular-mlp'], '')).toBeUndefined();
    expect(await pinOf(wider, ['tabular-mlp'], '{"not": "a schema"}')).toBeUndefined();
    wider.dispose();
    linearOut.dispose();
  });
});
