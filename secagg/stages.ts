// The stages of a SecAgg+ round (Bonawitz et al. 2017 §4 and Fig. 4, rounds 0-4 of the
// malicious-server variant; Bell et al. 2020 §3): one vocabulary for the protocol code here, the
// wire (proto/stages.ts maps each to its envelope stage), the ledger (a dropout entry names the
// stage it happened at) and the tests. `consistency` is Bonawitz et al.'s ConsistencyCheck: the
// survivors sign the one survivor set before anyone reveals a share.
export const SECAGG_STAGES = ['advertise_keys', 'share_keys', 'masked_input', 'consistency', 'unmasking'] as const;
export type SecAggStage = (typeof SECAGG_STAGES)[number];

/** The stage after `stage`, or undefined after the last. */
export function stageAfter(stage: SecAggStage): SecAggStage | undefined {
  return SECAGG_STAGES[SECAGG_STAGES.indexOf(stage) + 1];
}
