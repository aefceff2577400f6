// The coordinator under a federation roster (identity/roster.ts): it admits only agencies that are
// both enrolled and on the roster with the same key, refuses to start (or run) while its
// enrolment lists anyone the roster does not, and sends the roster with every offer so that each
// agency checks its cohort against the roster itself. The agencies' check is the protection; this
// one keeps an honest coordinator from offering rounds they would all refuse.
import { toHex } from '../identity/keys.js';
import { RosterError, checkRosterSignature, rosterKey, type Roster } from '../identity/roster.js';
import type { Admission } from './transport.js';

/** An admission that can also list whom it admits (the Enrolment). */
export interface ListedAdmission extends Admission {
  list?(): readonly { readonly id: string; readonly publicKey: string }[];
}

/** Enrolled and on the roster with the same key; throws (ROSTER_MEMBER) when the enrolment lists someone the roster does not. */
export function rosterAdmission(enrolment: ListedAdmission, roster: Roster): Admission {
  checkRosterSignature(roster);
  checkEnrolmentOnRoster(enrolment, roster);
  return { isEnrolled: (agency, key) => enrolment.isEnrolled(agency, key) && rosterKey(roster, agency) === toHex(key) };
}

export function checkEnrolmentOnRoster(enrolment: ListedAdmission, roster: Roster): void {
  const strangers = (enrolment.list?.() ?? []).filter((e) => rosterKey(roster, e.id) !== e.publicKey).map((e) => e.id);
  if (strangers.length > 0) {
    throw new RosterError('ROSTER_MEMBER', `enrolled agencies ${strangers.join(', ')} are not on the roster of ${roster.federation} (serial ${roster.serial}) with the key they enrolled with: add them to the roster and have it signed again, or remove them from the enrolment`);
  }
}
