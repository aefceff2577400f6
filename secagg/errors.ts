// One way to fail: every protocol rejection by a SecAgg party is a SecAggRefusal with a stable
// code. Messages stay vague where a precise one would help an attacker probe cryptography
// ("invalid share received"); the code says exactly what failed, for logs and the ledger.

export const REFUSAL_CODES = Object.freeze([
  /** The cohort, roster or answering neighbourhood is smaller than the client's policy minimum. */
  'COHORT_BELOW_POLICY',
  /** Fewer than t parties are left to hold shares, so the round cannot end safely. */
  'BELOW_THRESHOLD',
  /** An advert's signature does not verify against the cohort's identity key for its id. */
  'BAD_ADVERT_SIGNATURE',
  /** A peer's advert or consistency signature was made for another offer than this client holds. */
  'OFFER_MISMATCH',
  /** A peer's consistency signature names another neighbour graph (another view of who advertised). */
  'GRAPH_MISMATCH',
  /** The round leaves out this client's own advert or input, or changes its keys. */
  'SELF_MISSING',
  /** The unmask request names another survivor set than the one this client signed (Bonawitz §4, Round 4). */
  'SURVIVORS_CHANGED',
  /** A relayed consistency signature does not verify over this offer, graph and survivor set. */
  'BAD_CONSISTENCY_SIGNATURE',
  /** Fewer survivors signed the survivor set than this client requires before revealing any share. */
  'CONSISTENCY_QUORUM',
  /** A revealed share does not rebuild the secret its owner committed to (its seed commitment, its advertised key). */
  'BAD_REVEALED_SHARE',
  /** An advert, share or request names a party that is not a neighbour (or not in the cohort). */
  'UNKNOWN_PEER',
  /** The same party appears twice where it may appear once. */
  'DUPLICATE_PEER',
  /** A stage was called before its predecessor, or again after it was answered. */
  'STAGE_OUT_OF_ORDER',
  /** A share ciphertext failed authentication or held malformed plaintext. */
  'BAD_SHARE',
  /** A share decrypted but names another sender, recipient, run or round. */
  'SHARE_MISBOUND',
  /** A public key is malformed or of low order (the X25519 result would be all zeros). */
  'BAD_KEY',
  /** A message is structurally wrong: wrong length, wrong type, wrong round. */
  'MALFORMED_MESSAGE',
] as const);

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export class SecAggRefusal extends Error {
  static override readonly name = 'SecAggRefusal';
  override readonly name = 'SecAggRefusal';
  readonly code: RefusalCode;

  constructor(code: RefusalCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function refuse(code: RefusalCode, message: string): never {
  throw new SecAggRefusal(code, message);
}
