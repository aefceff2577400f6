// The round's decisions on what agencies send: offers answered, updates checked. Whatever a
// client puts in a message must either be refused with a reason or be something the ledger takes.
import { describe, expect, it } from 'vitest';
import { bodySchemas } from '../../ledger/entries.js';
import { checkedDelta, offerRound, type RoundPlan } from '../../coordinator/round.js';
import { StageRouter, type Rejected } from '../../coordinator/stage-router.js';
import type { AgencySession } from '../../coordinator/transport.js';
import { encodeFloat32LE } from '../../ml/codec.js';
import { Stage } from '../../proto/stages.js';
import { ProtocolError } from '../../proto/errors.js';
import { decodeMessage, encodeMessage, type MessageInit } from '../../proto/framing.js';

const plan: RoundPlan = {
  runId: 'r', round: 1, purpose: 'p', architecture: 'mnist-2nn', modelFingerprint: 'f', topology: '{}',
  weights: new Float32Array(4), train: { epochs: 1, batchSize: 1, learningRate: 0.1 }, weightCap: 100, minCohort: 1,
  deadlines: { answerMs: 10_000, uploadMs: 10_000, exchangeMs: 10_000 },
};
const dataset = { sha256: 'ab'.repeat(32), schema: '{}', rows: 10, license: 'MIT' };
const session = (agency: string) => ({ agency, identityKey: new Uint8Array(32), send: () => {} }) as unknown as AgencySession;

async function answers(replies: Record<string, MessageInit['roundAnswer']>) {
  const rejected: Rejected[] = [];
  const router = new StageRouter((r) => rejected.push(r));
  router.beginRound(1);
  const pending = offerRound({ router, sessions: new Map() }, plan, Object.keys(replies).map(session));
  const errors: Record<string, string> = {};
  for (const [agency, roundAnswer] of Object.entries(replies)) {
    try {
      router.route(agency, { message: decodeMessage(encodeMessage({ roundAnswer })), round: 1, stage: Stage.STAGE_OFFER });
    } catch (err) {
      errors[agency] = `${(err as ProtocolError).code}: ${(err as Error).message}`;
    }
  }
  return { ...(await pending), errors, rejected };
}

describe('offerRound', () => {
  it('accepts an answer with examples and a dataset fingerprint, and records declines', async () => {
    const result = await answers({
      a: { accept: true, examples: 10, dataset },
      b: { accept: false, code: 'MIN_COHORT', reason: 'cohort too small' },
    });
    expect(result.accepted.get('a')?.examples).toBe(10);
    expect(result.declined.get('b')).toEqual({ code: 'MIN_COHORT', reason: 'cohort too small' });
    expect(result.errors).toEqual({});
  });

  it('refuses an acceptance the ledger could not record: no examples, no fingerprint, a malformed one', async () => {
    const result = await answers({
      a: { accept: true, examples: 0, dataset },
      b: { accept: true, examples: 10 },
      c: { accept: true, examples: 10, dataset: { ...dataset, sha256: 'not hex' } },
      d: { accept: true, examples: 10, dataset: { ...dataset, schema: 'x'.repeat(5000) } },
    });
    expect(result.accepted.size).toBe(0);
    expect(result.errors.a).toBe('BAD_UPDATE: a accepted with no training examples');
    expect(result.errors.b).toBe('BAD_UPDATE: b accepted without a valid dataset fingerprint (none given)');
    expect(result.errors.c).toMatch(/^BAD_UPDATE: c accepted without a valid dataset fingerprint \(sha256: /);
    expect(result.errors.d).toMatch(/^BAD_UPDATE: d accepted without a valid dataset fingerprint \(schema: /);
    expect(result.rejected.map((r) => r.agency)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('turns a decline\'s code and reason into what a refusal entry can hold', async () => {
    const result = await answers({
      a: { accept: false, code: 'not a code', reason: 'r'.repeat(10_000) },
      b: { accept: false },
    });
    for (const [agency, why] of result.declined) {
      expect(bodySchemas.refusal.safeParse({ runId: 'r', round: 1, agency, ...why }).success).toBe(true);
    }
    expect(result.declined.get('a')!.code).toBe('DECLINED');
    expect(result.declined.get('b')).toEqual({ code: 'DECLINED', reason: 'no reason given' });
  });
});

describe('checkedDelta', () => {
  it('returns the float32 update', () => {
    expect(Array.from(checkedDelta('a', encodeFloat32LE(Float32Array.from([1, -2, 0.5])), 3))).toEqual([1, -2, 0.5]);
  });

  it.each([
    [undefined, 'a sent no update; the model has 3'],
    [encodeFloat32LE(new Float32Array(2)), 'a sent an update of 2 values; the model has 3'],
    [new Uint8Array(11), 'a sent an update of 11 bytes, not whole float32 values; the model has 3'],
    [encodeFloat32LE(Float32Array.from([0, Number.NaN, 0])), "a's update: value at index 1 of 3 is NaN"],
    [encodeFloat32LE(Float32Array.from([0, 0, Number.NEGATIVE_INFINITY])), "a's update: value at index 2 of 3 is -Infinity"],
  ])('refuses %# with BAD_UPDATE naming the agency and the reason', (bytes, message) => {
    let error: unknown;
    try {
      checkedDelta('a', bytes, 3);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe('BAD_UPDATE');
    expect((error as Error).message).toBe(message);
  });
});
