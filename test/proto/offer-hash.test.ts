// The offer hash (proto/offer-hash.ts) is what every commitment, advert and consistency signature
// of a round is bound to: the coordinator hashes the offer object it sends and each client the
// offer it decoded from the wire, and the two must agree byte for byte; any change to the offer
// must change it.
import { describe, expect, it } from 'vitest';
import { roundOffer, type RoundPlan } from '../../coordinator/round.js';
import { generateIdentity } from '../../identity/keys.js';
import { decodeMessage, encodeMessage } from '../../proto/framing.js';
import type { cohort } from '../../proto/messages.js';
import { offerSha256 } from '../../proto/offer-hash.js';
import { roundContextOf } from '../../proto/secagg-codec.js';

const members = ['agency-1', 'agency-2', 'agency-3'].map((agency) => ({ agency, identityKey: generateIdentity().publicKey }));

function plan(overrides: Partial<RoundPlan> = {}): RoundPlan {
  return {
    runId: 'run', round: 4, purpose: 'p', architecture: 'mnist-2nn', modelFingerprint: 'ab'.repeat(32), topology: '{"t":1}',
    weights: Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) / 7),
    train: { epochs: 2, batchSize: 10, learningRate: 0.1, optimizer: 'sgd', proximalMu: 0 },
    dp: { mode: 'distributed', clipNorm: 1.3, noiseMultiplier: 1.1, samplingRate: 1, delta: 1e-5, minSurvivors: 3 },
    secagg: { params: { threshold: 2, degree: 2, clipRange: 1, bits: 20 } }, weightCap: 60000, minCohort: 3,
    deadlines: { answerMs: 1000, uploadMs: 2000, exchangeMs: 3000 }, roster: new TextEncoder().encode('{"roster":1}'),
    recordDp: { clipNorm: 1, noiseMultiplier: 8.07, expectedLotSize: 2331, localSteps: 1, delta: 1e-5 }, ...overrides,
  };
}

const offered = (p: RoundPlan) => roundOffer(p, members as never);
/** The offer as a client holds it: decoded from the coordinator's message on the wire. */
const received = (offer: cohort.v1.IRoundOffer) => decodeMessage(encodeMessage({ roundOffer: offer })).roundOffer!;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('the offer hash', () => {
  it('is the same for the offer the coordinator sends and the one a client decodes (floats, defaults and all)', () => {
    const offer = offered(plan());
    expect(hex(offerSha256(received(offer)))).toBe(hex(offerSha256(offer)));
    expect(hex(roundContextOf(received(offer)).offerHash)).toBe(hex(offerSha256(offer)));
    const plain = offered(plan({ secagg: undefined, dp: undefined, roster: undefined, recordDp: undefined }));
    expect(hex(offerSha256(received(plain)))).toBe(hex(offerSha256(plain)));
  });

  it('changes with any part of the offer: one weight, the roster, the cohort, a DP or record-level DP term, the round', () => {
    const base = hex(offerSha256(offered(plan())));
    const weights = plan().weights.slice();
    weights[999] += 1e-3;
    const variants = [
      plan({ weights }), plan({ roster: new TextEncoder().encode('{"roster":2}') }), plan({ round: 5 }),
      plan({ dp: { ...plan().dp!, minSurvivors: 4 } }), plan({ train: { ...plan().train, learningRate: 0.2 } }),
      plan({ recordDp: { ...plan().recordDp!, noiseMultiplier: 4 } }), plan({ recordDp: { ...plan().recordDp!, expectedLotSize: 100 } }),
      plan({ recordDp: { ...plan().recordDp!, localSteps: 2 } }), plan({ recordDp: undefined }),
    ].map((p) => hex(offerSha256(offered(p))));
    expect(new Set([base, ...variants]).size).toBe(10);
    const fewer = roundOffer(plan(), members.slice(0, 2) as never);
    expect(hex(offerSha256(fewer))).not.toBe(base);
  });
});
