// The trust and fuzz tests' federation: the shared harness (test/helpers/federation.ts) with its
// coordinator already started, a plaintext run with deadlines generous for a busy machine, and
// clients spawned against the coordinator or a relay in front of it.
import type { ChildProcess } from 'node:child_process';
import type { Limits } from '../../coordinator/limits.js';
import type { RunConfig, RunConfigInput } from '../../coordinator/run-config.js';
import type { Coordinator } from '../../coordinator/service.js';
import { harness, plainConfig, type Harness } from '../helpers/federation.js';

export { builtCli } from '../helpers/federation.js';

export function smallRun(overrides: Partial<RunConfigInput> = {}): RunConfig {
  return plainConfig({ runId: 'trust', deadlines: { answerMs: 20_000, uploadMs: 30_000, exchangeMs: 10_000 }, ...overrides });
}

export type TestFederation = Omit<Harness, 'spawn'> & {
  coordinator: Coordinator;
  /** Starts `cohort client` for `agency`, against the coordinator or the relay at `url`. */
  spawn(agency: string, url?: string): ChildProcess;
};

export async function testFederation(name: string, config: RunConfig, agencies: number, options: {
  override?: (index: number, policy: Record<string, unknown>) => Record<string, unknown>;
  limits?: Partial<Limits>;
  roster?: boolean;
} = {}): Promise<TestFederation> {
  const h = await harness(name, config, agencies, options.override, options.limits, { roster: options.roster });
  const coordinator = await h.start();
  return { ...h, coordinator, spawn: (agency, url) => h.spawn(agency, undefined, url) };
}
