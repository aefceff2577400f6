import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { checkOffer, explainPolicy, loadPolicy, parsePolicy, PolicyError, type Offer, type Policy } from '../../client/policy.js';

const coordinator = generateIdentity().publicKey;
const FINGERPRINT = 'ab'.repeat(32);

function policyJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    coordinatorKey: toHex(coordinator),
    minCohort: 5,
    purposes: ['digit-recognition'],
    models: ['mnist-cnn', `sha256:${FINGERPRINT.toUpperCase()}`],
    maxRoundsPerRun: 10,
    privacy: { epsilon: 8, delta: 1e-5 },
    dataset: { kind: 'mnist', license: 'CC BY-SA 3.0', agencyShard: { index: 1, count: 4 } },
    ...overrides,
  };
}

function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    coordinatorKey: coordinator.slice(),
    runId: 'run-1',
    purpose: 'digit-recognition',
    modelFingerprint: 'cd'.repeat(32),
    architecture: 'mnist-cnn',
    cohortSize: 5,
    round: 3,
    roundsJoinedInRun: 2,
    secagg: true,
    ...overrides,
  };
}

function issues(value: unknown): string[] {
  try {
    parsePolicy(value);
  } catch (err) {
    expect(err).toBeInstanceOf(PolicyError);
    expect((err as PolicyError).code).toBe('POLICY_INVALID');
    return [...(err as PolicyError).issues];
  }
  throw new Error('policy was accepted');
}

describe('policy validation', () => {
  it('accepts a complete policy and defaults secagg.required to true', () => {
    const policy = parsePolicy(policyJson());
    expect(policy.secagg.required).toBe(true);
    expect(parsePolicy(policyJson({ secagg: {} })).secagg.required).toBe(true);
    expect(parsePolicy(policyJson({ secagg: { required: false } })).secagg.required).toBe(false);
    expect(Object.isFrozen(policy.privacy)).toBe(true);
  });

  it.each([
    ['coordinatorKey', { coordinatorKey: 'abc' }, /^coordinatorKey: .*64 hex/],
    ['coordinatorKey missing', { coordinatorKey: undefined }, /^coordinatorKey: is required/],
    ['minCohort below 2', { minCohort: 1 }, /^minCohort: must be at least 2/],
    ['minCohort fractional', { minCohort: 2.5 }, /^minCohort: must be a whole number/],
    ['purposes empty', { purposes: [] }, /^purposes: must list at least one/],
    ['a model that is neither', { models: ['mnist cnn!'] }, /^models\.0: must be an architecture name/],
    ['maxRoundsPerRun', { maxRoundsPerRun: 0 }, /^maxRoundsPerRun: must be at least 1/],
    ['privacy.epsilon', { privacy: { epsilon: 0, delta: 1e-5 } }, /^privacy\.epsilon: must be greater than 0/],
    ['privacy.delta', { privacy: { epsilon: 1, delta: 1 } }, /^privacy\.delta: must be less than 1/],
    ['dataset.kind', { dataset: { kind: 'parquet', license: 'x' } }, /^dataset\.kind: must be one of/],
    ['dataset.license', { dataset: { kind: 'mnist' } }, /^dataset\.license:/],
    ['csv without labelColumn', { dataset: { kind: 'csv', path: 'a.csv', license: 'x' } }, /^dataset\.labelColumn: is required for a csv/],
    ['json without path', { dataset: { kind: 'json', license: 'x' } }, /^dataset\.path: is required for a json/],
    ['agencyShard out of range', { dataset: { kind: 'mnist', license: 'x', agencyShard: { index: 4, count: 4 } } }, /^dataset\.agencyShard\.index: index must be less than count/],
    ['secagg.required', { secagg: { required: 'yes' } }, /^secagg\.required: must be true or false/],
    ['a misspelt field', { minCohrt: 3 }, /^minCohrt: is not a field here/],
  ])('names the field: %s', (_name, overrides, expected) => {
    const found = issues(policyJson(overrides));
    expect(found.some((i) => expected.test(i)), found.join('\n')).toBe(true);
  });
});

describe('loadPolicy', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cohort-policy-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file and resolves dataset.path from its folder', async () => {
    const path = join(dir, 'policy.json');
    await writeFile(path, JSON.stringify(policyJson({ dataset: { kind: 'csv', path: 'data/x.csv', labelColumn: 'y', license: 'internal' } })));
    const policy = await loadPolicy(path);
    expect(policy.dataset.path).toBe(join(dir, 'data/x.csv'));
  });

  it('names the file in its errors', async () => {
    const path = join(dir, 'policy.json');
    await writeFile(path, JSON.stringify(policyJson({ minCohort: 1 })));
    await expect(loadPolicy(path)).rejects.toThrow(`${path} is not a valid policy`);
    await writeFile(path, '{');
    await expect(loadPolicy(path)).rejects.toMatchObject({ code: 'POLICY_INVALID' });
    await expect(loadPolicy(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'POLICY_FILE_UNREADABLE' });
  });
});

describe('checkOffer', () => {
  const policy: Policy = parsePolicy(policyJson());
  // What this client's own build of mnist-cnn fingerprints to (client/model-pins.ts): the name pins it.
  const pins = new Map([['mnist-cnn', 'cd'.repeat(32)]]);
  const check = (p: Policy, o: Offer) => checkOffer(p, o, pins);

  it('accepts an offer within the policy', () => {
    expect(check(policy, offer())).toEqual({ ok: true });
    expect(check(policy, offer({ architecture: 'other', modelFingerprint: `sha256:${FINGERPRINT}` }))).toEqual({ ok: true });
    expect(check(policy, offer({ epsilonAfter: 8 }))).toEqual({ ok: true });
  });

  it('a model label alone never satisfies the policy: only the fingerprint of the topology offered', () => {
    // A 784-50-50-10 network the coordinator labels "mnist-cnn" has another fingerprint.
    expect(check(policy, offer({ architecture: 'mnist-cnn', modelFingerprint: 'ef'.repeat(32) }))).toMatchObject({ ok: false, code: 'POLICY_MODEL' });
    // Without the client's own build of the named architecture, the name matches nothing.
    expect(checkOffer(policy, offer())).toMatchObject({ ok: false, code: 'POLICY_MODEL' });
  });

  it.each<[string, Partial<Offer>, string]>([
    ['another coordinator', { coordinatorKey: generateIdentity().publicKey }, 'POLICY_COORDINATOR_KEY'],
    ['a truncated coordinator key', { coordinatorKey: coordinator.subarray(0, 31) }, 'POLICY_COORDINATOR_KEY'],
    ['no secure aggregation', { secagg: false }, 'POLICY_SECAGG_REQUIRED'],
    ['another purpose', { purpose: 'marketing' }, 'POLICY_PURPOSE'],
    ['another model', { modelFingerprint: 'ef'.repeat(32) }, 'POLICY_MODEL'],
    ['a small cohort', { cohortSize: 4 }, 'POLICY_MIN_COHORT'],
    ['too many rounds', { roundsJoinedInRun: 10 }, 'POLICY_MAX_ROUNDS'],
    ['a spent budget', { epsilonAfter: 8.01 }, 'POLICY_PRIVACY_BUDGET'],
    ['an unbounded epsilon', { epsilonAfter: Infinity }, 'POLICY_PRIVACY_BUDGET'],
    ['a NaN cohort size', { cohortSize: NaN }, 'POLICY_OFFER_INVALID'],
    ['an empty purpose', { purpose: '' }, 'POLICY_OFFER_INVALID'],
    ['a NaN epsilon', { epsilonAfter: NaN }, 'POLICY_OFFER_INVALID'],
  ])('refuses %s', (_name, overrides, code) => {
    const decision = check(policy, offer(overrides));
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.code).toBe(code);
    expect(decision.reason.length).toBeGreaterThan(20);
  });

  it('explains refusals in operator terms', () => {
    const decision = check(policy, offer({ cohortSize: 3 }));
    expect(decision).toMatchObject({ ok: false, reason: expect.stringContaining('the round has 3 agencies; the policy requires at least 5') });
  });

  it('allows rounds without secure aggregation only when the policy says so', () => {
    const lax = parsePolicy(policyJson({ secagg: { required: false } }));
    expect(check(lax, offer({ secagg: false }))).toEqual({ ok: true });
  });
});

describe('explainPolicy', () => {
  it('says whom it trusts, what it joins and what it refuses', () => {
    const text = explainPolicy(parsePolicy(policyJson()));
    expect(text).toContain(toHex(coordinator));
    expect(text).toContain('"digit-recognition"');
    expect(text).toContain('"mnist-cnn"');
    expect(text).toContain(FINGERPRINT);
    expect(text).toContain('fewer than 5 agencies');
    expect(text).toContain('At most 10 round(s)');
    expect(text).toContain('epsilon 8, delta 0.00001');
    expect(text).toContain('without secure aggregation');
    expect(text).toContain('MNIST, shard 2 of 4, used under: CC BY-SA 3.0');
    expect(text.split('\n').length).toBeGreaterThan(8);
  });
});
