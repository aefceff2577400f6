// A table's declared schema: what each column is (numeric, categorical, ignored, or the label),
// what to do where a value is missing, and the task. The run declares it once; every agency
// reads its own CSV against it, so all agencies build the same features in the same order, and
// its hash goes into the ledger beside each agency's data fingerprint.
import { z } from 'zod';
import { canonicalJson } from '../bytes/canonical-json.js';
import { sha256Hex } from '../bytes/digest.js';
import { TASKS, type Task } from './dataset.js';

export const DEFAULT_BUCKETS = 32;
const BINARY_CLASSES = ['0', '1'];

const name = z.string().trim().min(1, { error: 'must not be empty' }).max(200);
const category = z.string().trim().min(1, { error: 'categories must not be empty' }).max(200);

/**
 * Where a value is missing: `drop` the row, impute the federation's `mean` (numeric) or `mode`
 * (categorical), use a `constant`, or count the row as an `error` (the data does not fit).
 */
const missingRule = z.union([
  z.enum(['drop', 'mean', 'mode', 'error']),
  z.object({ constant: z.union([z.number().finite(), category]) }).strict(),
]);

const numeric = z.object({
  name,
  type: z.literal('numeric'),
  missing: missingRule.default('error'),
  /** Subtract the federation's mean and divide by its standard deviation. */
  standardize: z.boolean().default(true),
}).strict();

const categorical = z.object({
  name,
  type: z.literal('categorical'),
  /** The categories, one-hot encoded in this order. */
  vocabulary: z.array(category).min(1).max(10_000).optional(),
  /**
   * Without a vocabulary, categories are hashed into this many one-hot slots (the hashing
   * trick): no agency has to reveal its category names, and the statistics pass learns how
   * often each slot occurs across the federation (for the mode) from counts alone.
   */
  buckets: z.number().int().min(2).max(10_000).optional(),
  missing: missingRule.default('error'),
}).strict();

const ignore = z.object({ name, type: z.literal('ignore') }).strict();

const label = z.object({
  name,
  type: z.literal('label'),
  /**
   * The class names as they appear in the column (binary: the negative class, then the
   * positive one; default "0", "1"). Absent for multiclass: the column holds class indices.
   */
  classes: z.array(category).min(2).max(10_000).optional(),
  missing: z.enum(['drop', 'error']).default('error'),
}).strict();

const column = z.discriminatedUnion('type', [numeric, categorical, ignore, label]);

const schemaObject = z.object({
  task: z.enum(TASKS as [Task, ...Task[]]),
  /** In feature order: numeric columns give one feature, categorical ones a slot per category. */
  columns: z.array(column).min(2).max(10_000),
  /** Cell texts (after trimming) that mean "missing". */
  missingValues: z.array(z.string()).max(100).default(['']),
}).strict().superRefine((s, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const names = new Set<string>();
  s.columns.forEach((c, i) => {
    if (names.has(c.name)) issue(['columns', i, 'name'], `"${c.name}" is declared twice`);
    names.add(c.name);
  });
  const labels = s.columns.flatMap((c, i) => (c.type === 'label' ? [i] : []));
  if (labels.length !== 1) issue(['columns'], `must declare exactly one label column, found ${labels.length}`);
  if (!s.columns.some((c) => c.type === 'numeric' || c.type === 'categorical')) issue(['columns'], 'must declare at least one numeric or categorical column');
  s.columns.forEach((c, i) => {
    const at = ['columns', i];
    if (c.type === 'numeric') {
      if (c.missing === 'mode') issue([...at, 'missing'], `"${c.name}" is numeric: impute its mean, not a mode`);
      if (typeof c.missing === 'object' && typeof c.missing.constant !== 'number') issue([...at, 'missing'], `"${c.name}" is numeric: its constant must be a number`);
    }
    if (c.type === 'categorical') {
      if (c.missing === 'mean') issue([...at, 'missing'], `"${c.name}" is categorical: impute its mode, not a mean`);
      if (c.vocabulary && c.buckets !== undefined) issue(at, `"${c.name}": give a vocabulary or buckets, not both`);
      if (c.vocabulary && new Set(c.vocabulary).size !== c.vocabulary.length) issue([...at, 'vocabulary'], `"${c.name}" lists a category twice`);
      if (typeof c.missing === 'object' && (typeof c.missing.constant !== 'string' || (c.vocabulary && !c.vocabulary.includes(c.missing.constant)))) {
        issue([...at, 'missing'], `"${c.name}": its constant must be one of its categories`);
      }
    }
    if (c.type === 'label') {
      if (c.classes && new Set(c.classes).size !== c.classes.length) issue([...at, 'classes'], `"${c.name}" lists a class twice`);
      if (s.task === 'binary' && c.classes && c.classes.length !== 2) issue([...at, 'classes'], `a binary label has 2 classes, "${c.name}" lists ${c.classes.length}`);
      if (s.task === 'regression' && c.classes) issue([...at, 'classes'], 'a regression label is a number: it has no classes');
    }
  });
}).transform((s) => ({
  // Defaults that decide features are written out, so that they are part of the schema's hash.
  ...s,
  columns: s.columns.map((c) => {
    if (c.type === 'categorical' && !c.vocabulary) return { ...c, buckets: c.buckets ?? DEFAULT_BUCKETS };
    if (c.type === 'label' && s.task === 'binary') return { ...c, classes: c.classes ?? BINARY_CLASSES };
    return c;
  }),
}));

export type SchemaInput = z.input<typeof schemaObject>;
export type Schema = z.output<typeof schemaObject>;
export type SchemaColumn = Schema['columns'][number];
export type NumericColumn = Extract<SchemaColumn, { type: 'numeric' }>;
export type CategoricalColumn = Extract<SchemaColumn, { type: 'categorical' }>;
export type LabelColumn = Extract<SchemaColumn, { type: 'label' }>;
export type FeatureColumn = NumericColumn | CategoricalColumn;
export type MissingRule = NumericColumn['missing'];

/** For run configs and policies that embed a schema. */
export const SchemaDeclaration = schemaObject;


/** Validates a declared schema and fills its defaults; RangeError naming every bad field. */
export function parseSchema(input: unknown, source = 'schema'): Schema {
  const parsed = schemaObject.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(top level)'}: ${i.message}`);
    throw new RangeError(`${source} is invalid:\n  ${issues.join('\n  ')}`);
  }
  return parsed.data;
}

// Versioned so the construction can change without old ledger entries being misread.
const HASH_DOMAIN = 'cohort/table-schema/v1';

/**
 * Hex SHA-256 of the schema in canonical JSON (bytes/canonical-json.ts), defaults filled in, so two
 * declarations that mean the same give the same hash. Column order is part of it: it is the
 * feature order.
 */
export function schemaHash(schema: Schema): string {
  return sha256Hex(`${HASH_DOMAIN}\n${canonicalJson(parseSchema(schema))}`);
}

export function labelColumn(schema: Schema): LabelColumn {
  return schema.columns.find((c): c is LabelColumn => c.type === 'label')!;
}

/** The columns that become features, in feature order. */
export function featureColumns(schema: Schema): FeatureColumn[] {
  return schema.columns.filter((c): c is FeatureColumn => c.type === 'numeric' || c.type === 'categorical');
}

/** One-hot slots of a categorical column: its vocabulary, or its hash buckets. */
export function slotCount(c: CategoricalColumn): number {
  return c.vocabulary?.length ?? c.buckets ?? DEFAULT_BUCKETS; // parseSchema fills buckets in
}

/** The classes of a classification label (binary defaults to "0", "1"); undefined for class indices or regression. */
export function classNames(schema: Schema): readonly string[] | undefined {
  return schema.task === 'regression' ? undefined : labelColumn(schema).classes;
}

/** Names of the model's inputs, in order: "Age", "Sex=male", "Cabin#7" (a hash bucket). */
export function featureNames(schema: Schema): string[] {
  return featureColumns(schema).flatMap((c) => {
    if (c.type === 'numeric') return [c.name];
    if (c.vocabulary) return c.vocabulary.map((v) => `${c.name}=${v}`);
    return Array.from({ length: slotCount(c) }, (_, b) => `${c.name}#${b}`);
  });
}

export function featureCount(schema: Schema): number {
  return featureColumns(schema).reduce((n, c) => n + (c.type === 'numeric' ? 1 : slotCount(c)), 0);
}

/**
 * The one-hot slot of a category, or undefined for a category outside the vocabulary. Hash
 * buckets come from SHA-256 of the column and category, so every agency buckets alike.
 */
export function categorySlot(c: CategoricalColumn, value: string): number | undefined {
  if (c.vocabulary) {
    const slot = c.vocabulary.indexOf(value);
    return slot < 0 ? undefined : slot;
  }
  const digest = sha256Hex(`${HASH_DOMAIN}/bucket\n${c.name}\n${value}`);
  return Number(BigInt(`0x${digest.slice(0, 12)}`) % BigInt(slotCount(c)));
}
