// A SecAgg+ round as the coordinator runs it: the thin shell around secagg/server.ts that moves
// its messages over the wire and closes each stage at its deadline. The coordinator ends with
// the sum of the surviving agencies' quantized updates and nothing else.
import { randomBytes } from 'node:crypto';
import { SecAggServer, SecAggRefusal, defaultDegree, defaultThreshold, dequantizeSum, validateParams, type SecAggParams } from '../secagg/index.js';
import type { StageName } from '../secagg/index.js';
import { decodeUint32LE } from '../bytes/encoding.js';
import { sha256Hex } from '../bytes/digest.js';
import { Stage } from '../proto/channel.js';
import { ProtocolError } from '../proto/errors.js';
import type { cohort } from '../proto/messages.js';
import { checkedCommitment, type Answer, type AggregateResult, type Commitment, type DropStage, type RoundContext, type RoundPlan } from './round.js';
import type { RunConfig } from './run-config.js';
import type { AgencySession } from './transport.js';

/** The round's SecAgg+ parameters for a cohort of `n`: the run's choices, made sound for n. */
export function secAggConfigFor(config: RunConfig, n: number): cohort.v1.ISecAggConfig {
  return { ...secAggParams(config, n), graphSeed: new Uint8Array(randomBytes(32)) };
}

export function secAggParams(config: RunConfig, n: number): SecAggParams {
  let degree = Math.min(config.secagg.degree ?? defaultDegree(n), n - 1);
  if ((n * degree) % 2 !== 0) degree -= 1; // a k-regular graph on n nodes needs n*k even
  const threshold = Math.min(degree, Math.max(config.secagg.threshold ?? 0, defaultThreshold(degree)));
  return validateParams({ threshold, degree, clipRange: config.secagg.clipRange, bits: config.secagg.bits }, n);
}

const STAGE_NAMES: Record<StageName, DropStage> = {
  advertise: 'advertise_keys', shareKeys: 'share_keys', maskInput: 'masked_input', unmask: 'unmasking',
};

export async function secureAggregate(ctx: RoundContext, plan: RoundPlan, offered: AgencySession[],
  answers: Map<string, Answer>): Promise<AggregateResult> {
  const config = plan.secagg!;
  const params = validateParams({ threshold: config.threshold!, degree: config.degree!, clipRange: config.clipRange!, bits: config.bits! }, offered.length);
  const server = new SecAggServer({
    runId: plan.runId,
    round: plan.round,
    seed: config.graphSeed!,
    cohort: offered.map((s) => ({ id: s.agency, identityPublicKey: s.identityKey })),
    params,
    vectorLength: plan.weights.length + 1,
  });
  const dropped = new Map<string, string>();
  const refused = (agency: string, err: unknown): never => {
    const reason = err instanceof SecAggRefusal ? `${err.code}: ${err.message}` : (err as Error).message;
    throw new ProtocolError('BAD_UPDATE', `${agency}: ${reason}`);
  };
  const send = (agency: string, message: Parameters<AgencySession['send']>[0], stage: Stage) => ctx.sessions.get(agency)?.send(message, plan.round, stage);
  const noteMissing = (missing: Map<string, string>) => { for (const [a, why] of missing) dropped.set(a, why); };

  // Stage 1: adverts came with the answers.
  for (const [agency, answer] of answers) {
    const advert = answer.keyAdvert!;
    try {
      server.receiveAdvert({ id: agency, cPk: advert.cPk!, sPk: advert.sPk!, signature: advert.signature! });
    } catch (err) {
      dropped.set(agency, err instanceof SecAggRefusal ? `${err.code}: ${err.message}` : (err as Error).message);
    }
  }
  let outcome = server.closeAdvertise();
  // Stage 2: each survivor gets its neighbours' adverts and returns one ciphertext per neighbour.
  if (!outcome.abandoned) {
    for (const agency of outcome.survivors) {
      send(agency, { keyRoster: { adverts: server.rosterFor(agency).map((a) => ({ agency: a.id, cPk: a.cPk, sPk: a.sPk, signature: a.signature })) } }, Stage.STAGE_SHARE);
    }
    const shares = await ctx.router.collect(outcome.survivors, Stage.STAGE_SHARE, 'shareBundle', plan.deadlines.exchangeMs, (agency, message) => {
      try {
        server.receiveShares(agency, (message.shareBundle!.shares ?? []).map((s) => ({ from: s.from!, to: s.to!, nonce: s.nonce!, ciphertext: s.ciphertext! })));
      } catch (err) { refused(agency, err); }
      return true;
    }, ctx.signal);
    noteMissing(shares.missing);
    outcome = server.closeShareKeys();
  }
  // Stage 3: each survivor gets the ciphertexts addressed to it and returns its masked input.
  const commitments = new Map<string, Commitment>();
  if (!outcome.abandoned) {
    for (const agency of outcome.survivors) {
      send(agency, { shareDelivery: { shares: server.sharesFor(agency).map((s) => ({ from: s.from, to: s.to, nonce: s.nonce, ciphertext: s.ciphertext })) } }, Stage.STAGE_UPLOAD);
    }
    let done = 0;
    const inputs = await ctx.router.collect(outcome.survivors, Stage.STAGE_UPLOAD, 'maskedInput', plan.deadlines.uploadMs, (agency, message) => {
      const bytes = message.maskedInput!.vector ?? new Uint8Array();
      const words = (plan.weights.length + 1);
      if (bytes.length !== words * 4) throw new ProtocolError('BAD_UPDATE', `${agency} sent a masked input of ${bytes.length / 4} words; expected ${words}`);
      const commitment = checkedCommitment(ctx, plan, agency, bytes, message.maskedInput!.commitment);
      try {
        server.receiveMaskedInput(agency, decodeUint32LE(bytes));
      } catch (err) { return refused(agency, err); }
      commitments.set(agency, commitment);
      ctx.onStage?.('upload', ++done, outcome.survivors.length);
      return true;
    }, ctx.signal);
    noteMissing(inputs.missing);
    outcome = server.closeMaskInput();
  }
  // Stage 4: survivors reveal, per neighbour, the one share that removes its masks.
  let sharesFrom: string[] = [];
  if (!outcome.abandoned) {
    for (const agency of outcome.survivors) {
      const request = server.unmaskRequestFor(agency);
      send(agency, { unmaskRequest: { survivors: [...request.survivors], dropped: [...request.dropped] } }, Stage.STAGE_UNMASK);
    }
    const responses = await ctx.router.collect(outcome.survivors, Stage.STAGE_UNMASK, 'unmaskResponse', plan.deadlines.exchangeMs, (agency, message) => {
      try {
        server.receiveUnmask({
          from: agency,
          shares: (message.unmaskResponse!.shares ?? []).map((s) => ({ owner: s.owner!, kind: s.kind === 'key' ? 'key' as const : 'seed' as const, share: s.share! })),
        });
      } catch (err) { refused(agency, err); }
      return true;
    }, ctx.signal);
    noteMissing(responses.missing);
    sharesFrom = [...responses.received.keys()].sort();
  }
  const result = outcome.abandoned ? server.result() : await server.finish();
  const dropStage = new Map(Object.entries(result.droppedAt).map(([a, s]) => [a, STAGE_NAMES[s]]));
  for (const agency of dropStage.keys()) if (!dropped.has(agency)) dropped.set(agency, `dropped at ${dropStage.get(agency)}`);
  // Agencies that declined were never in the protocol: they are refusals, not dropouts.
  for (const agency of offered.map((s) => s.agency)) {
    if (!answers.has(agency)) {
      dropped.delete(agency);
      dropStage.delete(agency);
    }
  }
  if (result.status === 'abandoned') {
    return { contributors: [], commitments, dropped, dropStage, reason: `secure aggregation abandoned at ${result.stage}: ${result.reason}` };
  }
  const contributors = [...result.contributors];
  const sum = dequantizeSum(result.sum, contributors.length, params);
  const totalWeight = sum[sum.length - 1];
  return {
    contributors,
    commitments,
    dropped,
    dropStage,
    unmasking: { survivors: contributors, dropped: [...dropStage.keys()].sort(), sharesFrom },
    sum: { weighted: sum.subarray(0, sum.length - 1), totalWeight },
    aggregateSha256: sha256Hex(new Uint8Array(result.sum.buffer, result.sum.byteOffset, result.sum.byteLength)),
    reason: totalWeight > 0 ? undefined : 'the aggregate weight is zero',
  };
}
