// The round terms an active coordinator could bend, as the agency's policy checks them
// (client/policy.ts checkRoundTerms): who the peers are (the signed roster), how sparse the graph
// and how low the threshold, and what the DP declarations would let the accountant assume.
import { describe, expect, it } from 'vitest';
import { checkRoundTerms, explainPolicy, parsePolicy, type RoundTerms } from '../../client/policy.js';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { encodeRoster, parseRoster, signRoster, type Roster } from '../../identity/roster.js';

const governance = generateIdentity();
const members = ['agency-1', 'agency-2', 'agency-3', 'agency-4', 'agency-5'].map((agency) => ({ agency, identityKey: toHex(generateIdentity().publicKey) }));
const roster = (serial = 2, list = members): Roster => signRoster(parseRoster(JSON.stringify({ version: 1, federation: 'test', serial, members: list })), governance);

const base = {
  coordinatorKey: toHex(generateIdentity().publicKey), minCohort: 3, purposes: ['p'], models: ['mnist-2nn'], maxRoundsPerRun: 5,
  dataset: { kind: 'mnist', license: 'x' },
};
const pinned = parsePolicy({ ...base, federation: { governanceKey: toHex(governance.publicKey) } });
const unpinned = parsePolicy(base);

function terms(overrides: Partial<RoundTerms> = {}): RoundTerms {
  return {
    agency: members[0].agency, identityKey: members[0].identityKey, cohort: members, roster: encodeRoster(roster()), rosterSerialSeen: 1,
    secagg: { threshold: 3, degree: 4 }, dp: { samplingRate: 1, minSurvivors: 3 }, ...overrides,
  };
}

describe('round terms', () => {
  it('accepts a roster-signed cohort with a sound graph and honest DP declarations, and says which roster it accepted', () => {
    expect(checkRoundTerms(pinned, terms())).toEqual({ ok: true, roster: { governanceKey: toHex(governance.publicKey), serial: 2 } });
    expect(checkRoundTerms(unpinned, terms({ roster: new Uint8Array() }))).toEqual({ ok: true });
  });

  it.each<[string, Partial<RoundTerms>, string]>([
    ['no roster', { roster: new Uint8Array() }, 'ROSTER_MISSING'],
    ['a roster signed by another key', { roster: encodeRoster(signRoster(roster(), generateIdentity())) }, 'ROSTER_SIGNATURE'],
    ['a roster edited after signing', { roster: encodeRoster({ ...roster(), serial: 9 }) }, 'ROSTER_SIGNATURE'],
    ['an older roster than one accepted before', { rosterSerialSeen: 3 }, 'ROSTER_STALE'],
    ['a roster that leaves this agency out', { roster: encodeRoster(roster(2, members.slice(1))) }, 'ROSTER_NOT_LISTED'],
    ['a cohort member not on the roster (a Sybil)', { cohort: [...members.slice(0, 4), { agency: 'agency-9', identityKey: toHex(generateIdentity().publicKey) }] }, 'ROSTER_UNKNOWN_MEMBER'],
    ['a roster member under another key', { cohort: [...members.slice(0, 4), { agency: 'agency-5', identityKey: toHex(generateIdentity().publicKey) }] }, 'ROSTER_UNKNOWN_MEMBER'],
    ['a declared sampling rate below 1', { dp: { samplingRate: 0.01, minSurvivors: 3 } }, 'POLICY_SAMPLING_RATE'],
    ['minSurvivors beyond the cohort', { dp: { samplingRate: 1, minSurvivors: 2 ** 32 - 1 } }, 'POLICY_MIN_SURVIVORS'],
    ['a sparse graph (k = 2 over 5)', { secagg: { threshold: 2, degree: 2 } }, 'POLICY_SECAGG_DEGREE'],
    ['a threshold of half the holders', { secagg: { threshold: 2, degree: 4 } }, 'POLICY_SECAGG_THRESHOLD'],
    ['a threshold above the degree', { secagg: { threshold: 5, degree: 4 } }, 'POLICY_SECAGG_THRESHOLD'],
    ['one key under two ids', { cohort: [...members.slice(0, 4), { agency: 'agency-9', identityKey: members[1].identityKey }] }, 'POLICY_OFFER_INVALID'],
    ['a cohort without this agency', { cohort: members.slice(1) }, 'POLICY_OFFER_INVALID'],
  ])('refuses %s', (_name, overrides, code) => {
    const decision = checkRoundTerms(pinned, terms(overrides));
    expect(decision).toMatchObject({ ok: false, code });
    if (!decision.ok) expect(decision.reason.length).toBeGreaterThan(30);
  });

  it('lets an agency accept a sparser graph or demand a higher threshold in its policy', () => {
    const lax = parsePolicy({ ...base, secagg: { minDegree: 2 } });
    expect(checkRoundTerms(lax, terms({ roster: new Uint8Array(), secagg: { threshold: 2, degree: 2 } }))).toEqual({ ok: true });
    const strict = parsePolicy({ ...base, secagg: { minThresholdFraction: 0.7 } });
    expect(checkRoundTerms(strict, terms({ roster: new Uint8Array() }))).toMatchObject({ ok: false, code: 'POLICY_SECAGG_THRESHOLD' });
    expect(() => parsePolicy({ ...base, secagg: { minThresholdFraction: 0.4 } })).toThrow(/minThresholdFraction: must be at least 0.5/);
    expect(() => parsePolicy({ ...base, models: ['my-model'] })).toThrow(/models\.0: must be an architecture name Cohort builds itself/);
  });

  it('--explain-policy says what the agency refuses of an active coordinator', () => {
    const text = explainPolicy(pinned);
    expect(text).toContain(`roster signed by governance key ${toHex(governance.publicKey)}`);
    expect(text).toContain('sampling rate other than 1');
    expect(text).toContain('already answered');
    expect(text).toContain('never by the name an offer gives');
    expect(explainPolicy(unpinned)).toContain('trusts the coordinator’s enrolment');
  });
});
