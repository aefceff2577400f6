// SecAgg+ for Cohort: the client's four stages, the coordinator's round, and the pieces they
// share. Messages are plain objects of strings, uint32s and bytes (see round.ts, keys.ts, encrypt.ts).
export { advertise, shareKeys, maskInput, signSurvivorSet, unmask } from './client.js';
export type { ClientContext, ClientPolicy, ClientRandomness, ClientProgress, ClientState } from './client.js';
export { SecAggServer } from './server.js';
export type { AggregateResult, Agreement, BadShare, StageOutcome } from './server.js';
export { SECAGG_STAGES, stageAfter } from './stages.js';
export type { SecAggStage } from './stages.js';
export type { CohortMember, ConsistencyRequest, RoundContext, UnmaskRequest, UnmaskResponse, RevealedShare } from './round.js';
export { consistencyQuorum, consistencyTranscript } from './consistency.js';
export type { ConsistencySignature, SurvivorStatement } from './consistency.js';
export type { SignedAdvert, KeyAdvert, RoundBinding } from './keys.js';
export { verifyAdvert } from './keys.js';
export type { EncryptedShare } from './encrypt.js';
export { SecAggRefusal, REFUSAL_CODES } from './errors.js';
export type { RefusalCode } from './errors.js';
export { defaultDegree, defaultThreshold, defaultParams, validateParams } from './params.js';
export type { SecAggParams } from './params.js';
export { buildGraph, fitDegree, publicCoin } from './graph.js';
export type { NeighbourGraph } from './graph.js';
export { quantize, dequantizeSum, quantizationStep } from './quantize.js';
export type { RandomWords } from './quantize.js';
