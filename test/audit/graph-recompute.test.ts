// docs/LEDGER.md, "Recomputing a round's neighbour graph", followed by hand (node:crypto only,
// nothing from secagg/): from what the ledger records (the cohort, the advertise_keys dropouts,
// the degree, the unmasking entry's graphSeed) an auditor rebuilds the graph every agency used.
import { createCipheriv, createHash, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validateParams } from '../../secagg/params.js';
import { makeContext, offerHashOf, runRound, seededRandom } from '../secagg/harness.js';

/** T(...): each field preceded by its length as a 4-byte big-endian integer (numbers as 4 bytes). */
function T(...fields: (string | Uint8Array)[]): Buffer {
  return Buffer.concat(fields.flatMap((f) => {
    const bytes = typeof f === 'string' ? Buffer.from(f, 'utf8') : Buffer.from(f);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length);
    return [len, bytes];
  }));
}

function graphFromLedger(cohort: string[], advertiseDropouts: string[], degree: number, graphSeedHex: string): Map<string, string[]> {
  const ids = cohort.filter((a) => !advertiseDropouts.includes(a)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const m = ids.length;
  let k = Math.min(degree, m - 1);
  if ((m * k) % 2 === 1) k -= 1;
  const d = createHash('sha256').update(T('cohort/secagg/v1', 'graph-cohort', ...ids)).digest();
  const okm = Buffer.from(hkdfSync('sha256', Buffer.from(graphSeedHex, 'hex'), 'cohort/secagg/v1', T('cohort/secagg/v1', 'graph', d), 32));
  const aes = createCipheriv('aes-128-ctr', okm.subarray(0, 16), okm.subarray(16, 32));
  let stream = Buffer.alloc(0);
  const word = () => {
    if (stream.length === 0) stream = aes.update(Buffer.alloc(4096));
    const w = stream.readUInt32LE(0);
    stream = stream.subarray(4);
    return w;
  };
  const order = ids.map((_, i) => i);
  for (let i = m - 1; i > 0; i--) {
    const limit = 2 ** 32 - (2 ** 32 % (i + 1));
    let w = word();
    while (w >= limit) w = word();
    const j = w % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const offsets = Array.from({ length: Math.floor(k / 2) }, (_, j) => [j + 1, m - j - 1]).flat();
  if (k % 2 === 1) offsets.push(m / 2);
  return new Map(order.map((index, p) => [ids[index], offsets.map((o) => ids[order[(p + o) % m]]).sort()]));
}

describe('an auditor recomputes a round\'s neighbour graph from the ledger alone', () => {
  it.each([
    [9, 4, ['agency-003']],
    [12, 6, []],
    [8, 7, ['agency-000', 'agency-005']],
    [20, 7, ['agency-011']],
  ])('n=%i, k=%i, dropped at advertise_keys %j', async (n, degree, dropped) => {
    const params = validateParams({ threshold: Math.floor((degree + 1) / 2) + 1, degree: degree % 2 === 1 && n % 2 === 1 ? degree + 1 : degree, clipRange: 1, bits: 16 }, n);
    const { context, ids, keys } = makeContext(n, params, 4, offerHashOf(`graph ${n}`));
    const rand = seededRandom(n);
    const inputs = new Map(ids.map((id) => [id, new Uint32Array(4).map(() => Math.floor(rand() * 2 ** 16))]));
    const { server, result, states } = await runRound(context, ids, keys, inputs, new Map(dropped.map((id) => [id, 'advertise_keys' as const])));
    expect(result.status).toBe('complete');
    const graphSeed = Buffer.from(server.graphSeed).toString('hex');
    // What the coordinator recorded: its unmasking entry's seed, signed by the survivors.
    if (result.status === 'complete') expect(Buffer.from(result.agreement.graphSeed).toString('hex')).toBe(graphSeed);
    const audited = graphFromLedger(ids, dropped, params.degree, graphSeed);
    // The graph each agency drew for itself from the adverts' coin, and shared its secrets along.
    for (const id of ids.filter((a) => !dropped.includes(a))) {
      expect(audited.get(id), id).toEqual([...states.get(id)!.graph!.neighbours(id)]);
      expect([...states.get(id)!.received.keys()].sort(), id).toEqual(audited.get(id));
    }
  });
});
