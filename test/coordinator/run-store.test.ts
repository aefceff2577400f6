// The run's files: a resumed run must go on exactly where it stopped, optimizer state included.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunStore } from '../../coordinator/run-store.js';
import { createStrategy } from '../../coordinator/strategy/index.js';

let dir: string | undefined;
afterEach(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

describe('RunStore', () => {
  it('keeps the strategy state beside the checkpoint, so FedAdam and FedAvgM resume as if never stopped', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cohort-run-store-'));
    const store = new RunStore(dir, 'run-1');
    const d1 = Float32Array.from([0.3, -1e-3, 2.5]);
    const d2 = Float32Array.from([-0.1, 4e-3, 1.5]);
    for (const name of ['fedadam', 'fedyogi', 'fedavgm'] as const) {
      const uninterrupted = createStrategy(name, { serverLearningRate: 0.1 });
      const x1 = uninterrupted.apply(new Float32Array(3), d1);
      const want = uninterrupted.apply(x1, d2);

      const before = createStrategy(name, { serverLearningRate: 0.1 });
      before.apply(new Float32Array(3), d1);
      await store.writeStrategyState(1, before.state());
      const resumed = createStrategy(name, { serverLearningRate: 0.1 });
      resumed.restore(await store.readStrategyState(1));
      expect(Array.from(resumed.apply(x1, d2)), name).toEqual(Array.from(want));

      // Without the saved state the step differs: the test can tell.
      const fresh = createStrategy(name, { serverLearningRate: 0.1 });
      expect(Array.from(fresh.apply(x1, d2)), name).not.toEqual(Array.from(want));
    }
    expect(await store.readStrategyState(7)).toEqual({});
  });
});
