import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  categorySlot, classNames, featureCount, featureNames, parseSchema, schemaHash,
  type CategoricalColumn, type SchemaInput,
} from '../../ml/schema.js';
import { tabularModelSpec } from '../../ml/models.js';
import { parseRunConfig } from '../../coordinator/run-config.js';

const titanic = JSON.parse(readFileSync(new URL('../../examples/data/titanic.schema.json', import.meta.url), 'utf8')) as SchemaInput;

describe('table schema', () => {
  it('parses the titanic schema: features in declaration order, one-hot categories', () => {
    const schema = parseSchema(titanic);
    expect(featureNames(schema)).toEqual([
      'Pclass=1', 'Pclass=2', 'Pclass=3', 'Sex=male', 'Sex=female', 'Age', 'SibSp', 'Parch', 'Fare', 'Embarked=S', 'Embarked=C', 'Embarked=Q',
    ]);
    expect(featureCount(schema)).toBe(12);
    expect(classNames(schema)).toEqual(['0', '1']);
    expect(schema.missingValues).toEqual(['']);
    expect(tabularModelSpec(schema)).toEqual({ kind: 'tabular-mlp', inputs: 12, task: 'binary', outputs: 1, hidden: [32, 16] });
  });

  const base = (columns: unknown[], task = 'binary'): unknown => ({ task, columns: [{ name: 'y', type: 'label' }, ...columns] });
  it.each([
    ['two labels', base([{ name: 'z', type: 'label' }, { name: 'a', type: 'numeric' }]), /columns: must declare exactly one label column, found 2/],
    ['no label', { task: 'binary', columns: [{ name: 'a', type: 'numeric' }, { name: 'b', type: 'numeric' }] }, /found 0/],
    ['no feature', base([{ name: 'a', type: 'ignore' }]), /at least one numeric or categorical column/],
    ['a name twice', base([{ name: 'a', type: 'numeric' }, { name: 'a', type: 'ignore' }]), /columns\.2\.name: "a" is declared twice/],
    ['a numeric mode', base([{ name: 'a', type: 'numeric', missing: 'mode' }]), /columns\.1\.missing: "a" is numeric: impute its mean/],
    ['a categorical mean', base([{ name: 'c', type: 'categorical', vocabulary: ['x'], missing: 'mean' }]), /"c" is categorical: impute its mode/],
    ['a constant outside the vocabulary', base([{ name: 'c', type: 'categorical', vocabulary: ['x'], missing: { constant: 'w' } }]), /its constant must be one of its categories/],
    ['a text constant for a number', base([{ name: 'a', type: 'numeric', missing: { constant: 'w' } }]), /its constant must be a number/],
    ['a vocabulary and buckets', base([{ name: 'c', type: 'categorical', vocabulary: ['x'], buckets: 4 }]), /a vocabulary or buckets, not both/],
    ['binary with 3 classes', { task: 'binary', columns: [{ name: 'y', type: 'label', classes: ['a', 'b', 'c'] }, { name: 'a', type: 'numeric' }] }, /a binary label has 2 classes/],
    ['regression with classes', { task: 'regression', columns: [{ name: 'y', type: 'label', classes: ['a', 'b'] }, { name: 'a', type: 'numeric' }] }, /has no classes/],
    ['an unknown type', base([{ name: 'a', type: 'text' }]), /columns\.1\.type/],
    ['an unknown task', base([{ name: 'a', type: 'numeric' }], 'ranking'), /task/],
    ['a misspelt field', base([{ name: 'a', type: 'numeric', standardise: true }]), /columns\.1: .*standardise/],
  ])('names the field it refuses: %s', (_name, input, message) => {
    expect(() => parseSchema(input, 'run.json schema')).toThrow(/^run\.json schema is invalid:/);
    expect(() => parseSchema(input)).toThrow(message);
  });

  it('hashes the meaning: defaults written out or not, key order, but not column order', () => {
    const schema = parseSchema(titanic);
    const explicit = {
      missingValues: [''],
      columns: titanic.columns.map((c) => ({ ...(c.type === 'numeric' ? { standardize: true, missing: 'error' } : {}), ...c })),
      task: 'binary',
    };
    expect(schemaHash(parseSchema(explicit))).toBe(schemaHash(schema));
    expect(schemaHash(schema)).toMatch(/^[0-9a-f]{64}$/);
    const swapped = { ...titanic, columns: [titanic.columns[1], titanic.columns[0], ...titanic.columns.slice(2)] };
    expect(schemaHash(parseSchema(swapped))).not.toBe(schemaHash(schema));
    const renamed = { ...titanic, missingValues: ['', 'NA'] };
    expect(schemaHash(parseSchema(renamed))).not.toBe(schemaHash(schema));
  });

  it('buckets unlisted categories by hash: the same at every agency, spread over the slots', () => {
    const schema = parseSchema({ task: 'regression', columns: [{ name: 'y', type: 'label' }, { name: 'city', type: 'categorical', buckets: 8 }] });
    const city = schema.columns[1] as CategoricalColumn;
    expect(featureNames(schema)).toEqual(Array.from({ length: 8 }, (_, b) => `city#${b}`));
    const counts = new Array<number>(8).fill(0);
    for (let i = 0; i < 4000; i++) counts[categorySlot(city, `town-${i}`)!]++;
    for (const c of counts) expect(Math.abs(c - 500)).toBeLessThan(100);
    expect(categorySlot(city, 'Lyon')).toBe(categorySlot({ ...city }, 'Lyon'));
    // The default bucket count is written into the schema, so it is part of the hash.
    const dflt = parseSchema({ task: 'regression', columns: [{ name: 'y', type: 'label' }, { name: 'city', type: 'categorical' }] });
    expect(dflt.columns[1]).toMatchObject({ buckets: 32 });
  });
});

describe('the schema in a run config', () => {
  const run = { runId: 'titanic-1', purpose: 'survival research', model: 'layers-json', modelPath: 'm.json', rounds: 3, train: { epochs: 1, batchSize: 30, learningRate: 0.01 } };

  it('is optional, parsed with its defaults, and named in errors by its path', () => {
    expect(parseRunConfig(run).schema).toBeUndefined();
    const config = parseRunConfig({ ...run, schema: titanic });
    expect(schemaHash(config.schema!)).toBe(schemaHash(parseSchema(titanic)));
    expect(() => parseRunConfig({ ...run, schema: { ...titanic, task: 'ranking' } })).toThrow(/run config is invalid: schema\.task/);
    expect(() => parseRunConfig({ ...run, schema: { task: 'binary', columns: [{ name: 'a', type: 'numeric' }, { name: 'b', type: 'numeric' }] } }))
      .toThrow(/schema\.columns: must declare exactly one label column/);
  });
});
