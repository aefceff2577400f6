// The order of one round's entries in the ledger (docs/LEDGER.md, section 6), defined once: the
// coordinator's round writer follows it and the auditor's verifier checks it, so the two cannot
// drift apart. A round moves through steps; each entry type may come only at certain steps and
// moves the round to the next:
//
//   training:   round_opened -> (commitment | dropout)* -> unmasking [SecAgg] -> aggregate
//               -> metrics [when reported] -> model_updated -> privacy_spent [DP] -> round_closed ok
//   evaluation: round_opened -> (commitment | dropout)* -> unmasking [SecAgg] -> aggregate -> metrics -> round_closed ok
//   statistics: round_opened -> (commitment | dropout)* -> unmasking [SecAgg] -> aggregate -> statistics -> round_closed ok
//
// `round_closed` with status `abandoned` may come at any step. Notes, refusals and agencies
// joining may come between any two entries: they are not part of a round's order.

/** Where a round is: taking inputs, or past the named entry. */
export type RoundStep = 'inputs' | 'unmasking' | 'aggregate' | 'metrics' | 'statistics' | 'model_updated' | 'privacy_spent';

/** The entry types that belong to an open round, in the order they come. */
export const ROUND_ENTRY_TYPES = ['commitment', 'dropout', 'unmasking', 'aggregate', 'metrics', 'statistics', 'model_updated', 'privacy_spent', 'round_closed'] as const;
export type RoundEntryType = (typeof ROUND_ENTRY_TYPES)[number];

/** What a round does: train the model (the default), evaluate it only, or the statistics pass of a tabular run. */
export type RoundPurpose = 'train' | 'evaluation' | 'statistics';

/** What decides a round's order: what it does, whether it aggregates securely, and whether the run spends privacy. */
export interface RoundKind {
  readonly secure: boolean;
  readonly private: boolean;
  /** Absent: 'train'. */
  readonly purpose?: RoundPurpose;
}

export type OrderCheck = { readonly ok: true; readonly step: RoundStep } | { readonly ok: false; readonly problem: string };

function purposeOf(kind: RoundKind): RoundPurpose {
  return kind.purpose ?? 'train';
}

/**
 * Whether a round of `kind` spends privacy: only a training round's aggregate is the noised
 * update sum the accountant counts; evaluation and statistics totals are not noised.
 */
export function spendsPrivacy(kind: RoundKind): boolean {
  return kind.private && purposeOf(kind) === 'train';
}

/** The step a round of `kind` must have reached to close `ok`: its last entry before round_closed. */
function finalSteps(kind: RoundKind): readonly RoundStep[] {
  switch (purposeOf(kind)) {
    case 'evaluation': return ['metrics'];
    case 'statistics': return ['statistics'];
    case 'train': return [spendsPrivacy(kind) ? 'privacy_spent' : 'model_updated'];
  }
}

/** Whether an entry of `type` may come next in a round of `kind` at `step`, and the step it leads to. */
export function nextStep(kind: RoundKind, step: RoundStep, type: RoundEntryType, status?: 'ok' | 'abandoned'): OrderCheck {
  const from = allowedFrom(kind, type, status);
  if (from === null) return { ok: false, problem: `a round ${describeKind(kind)} has no ${type} entry` };
  if (!from.includes(step)) {
    return { ok: false, problem: `${type}${status ? ` ${status}` : ''} cannot follow ${step === 'inputs' ? 'the round opening and its inputs' : step}: the order is ${orderOf(kind)}` };
  }
  const to: RoundStep = type === 'commitment' || type === 'dropout' || type === 'round_closed' ? step : type;
  return { ok: true, step: to };
}

/** The steps an entry may follow; null when the round has no such entry. */
function allowedFrom(kind: RoundKind, type: RoundEntryType, status?: 'ok' | 'abandoned'): readonly RoundStep[] | null {
  const purpose = purposeOf(kind);
  switch (type) {
    case 'commitment':
    case 'dropout':
      return ['inputs'];
    case 'unmasking':
      return kind.secure ? ['inputs'] : null;
    case 'aggregate':
      return [kind.secure ? 'unmasking' : 'inputs'];
    case 'metrics':
      return purpose === 'statistics' ? null : ['aggregate'];
    case 'statistics':
      return purpose === 'statistics' ? ['aggregate'] : null;
    case 'model_updated':
      return purpose === 'train' ? ['aggregate', 'metrics'] : null;
    case 'privacy_spent':
      return spendsPrivacy(kind) ? ['model_updated'] : null;
    case 'round_closed':
      return status === 'abandoned' ? ['inputs', 'unmasking', 'aggregate', 'metrics', 'statistics', 'model_updated', 'privacy_spent'] : finalSteps(kind);
  }
}

function orderOf(kind: RoundKind): string {
  const purpose = purposeOf(kind);
  const after = purpose === 'train'
    ? ['metrics (when reported)', 'model_updated', ...(spendsPrivacy(kind) ? ['privacy_spent'] : [])]
    : [purpose === 'evaluation' ? 'metrics' : 'statistics'];
  return ['round_opened', 'commitments and dropouts', ...(kind.secure ? ['unmasking'] : []), 'aggregate', ...after, 'round_closed'].join(' -> ');
}

function describeKind(kind: RoundKind): string {
  const purpose = purposeOf(kind);
  const what = purpose === 'train' ? '' : `of ${purpose} `;
  return `${what}${kind.secure ? 'with' : 'without'} secure aggregation and ${kind.private ? 'with' : 'without'} differential privacy`;
}
