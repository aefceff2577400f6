// The order of one round's entries in the ledger (docs/LEDGER.md, section 6), defined once: the
// coordinator's round writer follows it and the auditor's verifier checks it, so the two cannot
// drift apart. A round moves through steps; each entry type may come only at certain steps and
// moves the round to the next:
//
//   round_opened -> (commitment | dropout)* -> unmasking [SecAgg] -> aggregate -> model_updated
//                -> privacy_spent [DP] -> round_closed ok
//
// `round_closed` with status `abandoned` may come at any step. Notes, refusals and agencies
// joining may come between any two entries: they are not part of a round's order.

/** Where a round is: taking inputs, or past the named entry. */
export type RoundStep = 'inputs' | 'unmasking' | 'aggregate' | 'model_updated' | 'privacy_spent';

/** The entry types that belong to an open round, in the order they come. */
export const ROUND_ENTRY_TYPES = ['commitment', 'dropout', 'unmasking', 'aggregate', 'model_updated', 'privacy_spent', 'round_closed'] as const;
export type RoundEntryType = (typeof ROUND_ENTRY_TYPES)[number];

/** What decides a round's order: whether it aggregates securely, and whether the run spends privacy. */
export interface RoundKind {
  readonly secure: boolean;
  readonly private: boolean;
}

export type OrderCheck = { readonly ok: true; readonly step: RoundStep } | { readonly ok: false; readonly problem: string };

/** The step a round of `kind` reaches once it has closed `ok`: the last entry before round_closed. */
export function finalStep(kind: RoundKind): RoundStep {
  return kind.private ? 'privacy_spent' : 'model_updated';
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
  switch (type) {
    case 'commitment':
    case 'dropout':
      return ['inputs'];
    case 'unmasking':
      return kind.secure ? ['inputs'] : null;
    case 'aggregate':
      return [kind.secure ? 'unmasking' : 'inputs'];
    case 'model_updated':
      return ['aggregate'];
    case 'privacy_spent':
      return kind.private ? ['model_updated'] : null;
    case 'round_closed':
      return status === 'abandoned' ? ['inputs', 'unmasking', 'aggregate', 'model_updated', 'privacy_spent'] : [finalStep(kind)];
  }
}

function orderOf(kind: RoundKind): string {
  return [
    'round_opened', 'commitments and dropouts', ...(kind.secure ? ['unmasking'] : []), 'aggregate', 'model_updated',
    ...(kind.private ? ['privacy_spent'] : []), 'round_closed',
  ].join(' -> ');
}

function describeKind(kind: RoundKind): string {
  return `${kind.secure ? 'with' : 'without'} secure aggregation and ${kind.private ? 'with' : 'without'} differential privacy`;
}
