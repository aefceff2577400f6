// A federation's roster: its member agencies and their identity keys, signed by a governance key
// that is not the coordinator's (the "public agency directory" of Bonawitz et al. 2017 §6, the
// PKI their active-adversary protocol assumes). The coordinator enrols whom it likes; an agency
// whose policy pins the governance key takes part only in cohorts whose every member is on a
// roster that key signed, so a coordinator cannot pad a cohort with identities of its own
// (Sybils) and make a sum over "five agencies" a sum over one agency and four of its keys.
//
// The document, as a file (pretty JSON) and in offers (canonical JSON bytes):
//   {"version":1,"federation":"…","serial":3,"members":[{"agency":"…","identityKey":"<hex>"}…],
//    "governanceKey":"<hex>","signature":"<hex>"}
// signature = Ed25519(governance key, "cohort-roster-v1" || 0x00 || canonical(document without signature)).
// Every change (cohort roster add/remove) raises `serial` and drops the signature; a client
// remembers the highest serial it accepted and refuses an older roster (a revoked member's).
import { z } from 'zod';
import { canonicalJson } from '../bytes/canonical-json.js';
import { fromHex, sign, toHex, verify, type Identity } from './keys.js';

export const ROSTER_DOMAIN = 'cohort-roster-v1';
const AGENCY_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/i;
const HEX32 = /^[0-9a-f]{64}$/;
const HEX64 = /^[0-9a-f]{128}$/;

export type RosterErrorCode = 'ROSTER_INVALID' | 'ROSTER_UNSIGNED' | 'ROSTER_SIGNATURE' | 'ROSTER_MEMBER';

export class RosterError extends Error {
  override readonly name = 'RosterError';
  constructor(readonly code: RosterErrorCode, message: string) {
    super(message);
  }
}

const memberSchema = z.strictObject({
  agency: z.string().regex(AGENCY_ID, { error: 'must be an agency id: 1 to 64 letters, digits, . _ -' }),
  identityKey: z.string().regex(HEX32, { error: 'must be the agency’s public key, 64 lowercase hex characters' }),
});

const rosterSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1' }),
  federation: z.string().trim().min(1, { error: 'must name the federation' }).max(200),
  serial: z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be 1 or more' }),
  members: z.array(memberSchema, { error: 'must be a list of {agency, identityKey}' }),
  governanceKey: z.string().regex(HEX32, { error: 'must be the governance public key, 64 lowercase hex characters' }).optional(),
  signature: z.string().regex(HEX64, { error: 'must be 128 lowercase hex characters' }).optional(),
});

export type Roster = z.infer<typeof rosterSchema>;
export type RosterMember = z.infer<typeof memberSchema>;

/** A roster from JSON text or bytes: the schema, and no agency id (ignoring case) or key listed twice. */
export function parseRoster(input: string | Uint8Array, source = 'roster'): Roster {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof input === 'string' ? input : new TextDecoder().decode(input));
  } catch (err) {
    throw new RosterError('ROSTER_INVALID', `${source} is not JSON: ${(err as Error).message}`);
  }
  const parsed = rosterSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
    throw new RosterError('ROSTER_INVALID', `${source} is not a valid roster: ${issues}`);
  }
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const m of parsed.data.members) {
    if (ids.has(m.agency.toLowerCase()) || keys.has(m.identityKey)) {
      throw new RosterError('ROSTER_INVALID', `${source} lists agency ${m.agency}, or its key, twice: one key, one member`);
    }
    ids.add(m.agency.toLowerCase());
    keys.add(m.identityKey);
  }
  return parsed.data;
}

/** The bytes the governance key signs: everything but the signature, in canonical form. */
export function rosterSigningBytes(roster: Roster): Uint8Array {
  const { signature: _signature, ...signed } = roster;
  return new TextEncoder().encode(`${ROSTER_DOMAIN}\u0000${canonicalJson(signed)}`);
}

export function signRoster(roster: Roster, governance: Identity): Roster {
  const unsigned: Roster = { ...withoutSignature(roster), governanceKey: toHex(governance.publicKey) };
  return { ...unsigned, signature: toHex(sign(rosterSigningBytes(unsigned), governance.secretKey)) };
}

/** The roster unsigned: what every change starts from. */
export function withoutSignature(roster: Roster): Roster {
  const { signature: _signature, governanceKey: _key, ...rest } = roster;
  return rest;
}

/**
 * Throws unless the roster is signed, and (when `pinned` is given) signed by that key: the
 * agency's policy pins the governance key, never the key the document names.
 */
export function checkRosterSignature(roster: Roster, pinned?: Uint8Array): void {
  if (roster.signature === undefined || roster.governanceKey === undefined) {
    throw new RosterError('ROSTER_UNSIGNED', `the roster of ${roster.federation} (serial ${roster.serial}) is not signed: sign it with cohort roster sign`);
  }
  const key = fromHex(roster.governanceKey, 32, 'governanceKey');
  if (pinned !== undefined && toHex(pinned) !== roster.governanceKey) {
    throw new RosterError('ROSTER_SIGNATURE', `the roster is signed by ${roster.governanceKey}, not by the pinned governance key ${toHex(pinned)}`);
  }
  if (!verify(rosterSigningBytes(roster), fromHex(roster.signature, 64, 'signature'), key)) {
    throw new RosterError('ROSTER_SIGNATURE', `the roster's signature does not verify with governance key ${roster.governanceKey}`);
  }
}

/** The key the roster lists for `agency`, or undefined. */
export function rosterKey(roster: Roster, agency: string): string | undefined {
  return roster.members.find((m) => m.agency === agency)?.identityKey;
}

/** The roster as it travels in an offer: canonical JSON, UTF-8. */
export function encodeRoster(roster: Roster): Uint8Array {
  return new TextEncoder().encode(canonicalJson(roster));
}

/** The roster as an operator keeps it: pretty JSON. */
export function formatRoster(roster: Roster): string {
  return `${JSON.stringify(roster, null, 2)}\n`;
}
