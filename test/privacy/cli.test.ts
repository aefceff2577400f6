// `cohort privacy` through commander, with exits and output captured.
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { privacyCommand } from '../../cli/commands/privacy.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const command = privacyCommand();
  let out = '';
  let err = '';
  const output = { writeOut: (s: string) => void (out += s), writeErr: (s: string) => void (err += s) };
  for (const c of [command, ...command.commands]) c.exitOverride().configureOutput(output);
  try {
    await command.parseAsync(args, { from: 'user' });
    return { code: 0, out, err };
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return { code: e.exitCode, out, err };
  }
}

describe('cohort privacy epsilon', () => {
  const args = ['epsilon', '--sampling-rate', '0.04', '--noise-multiplier', '1.5', '--steps', '2250', '--delta', '1e-5'];

  it('prints epsilon and the best order (Opacus test_rdp_accountant parameters)', async () => {
    const { code, out } = await run(args);
    expect(code).toBe(0);
    expect(out).toMatch(/^epsilon 7\.3291111714\d* at delta 0\.00001 \(best RDP order 3\.9\)\n$/);
    const json = JSON.parse((await run([...args, '--json'])).out);
    expect(json.epsilon).toBeCloseTo(7.32911117143, 7);
    expect(json.order).toBe(3.9);
  });

  it('exits non-zero naming a missing or bad option', async () => {
    const missing = await run(args.slice(0, -2));
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/--delta/);
    const bad = await run(['epsilon', '--sampling-rate', '2', '--noise-multiplier', '1', '--steps', '10', '--delta', '1e-5']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/--sampling-rate.*expected a sampling rate in \(0, 1\]/);
    const steps = await run(['epsilon', '--sampling-rate', '0.1', '--noise-multiplier', '1', '--steps', '1.5', '--delta', '1e-5']);
    expect(steps.err).toMatch(/--steps/);
    expect((await run(['epsilon', '--sampling-rate', 'abc', '--noise-multiplier', '1', '--steps', '1', '--delta', '1e-5'])).err).toMatch(/--sampling-rate/);
  });
});

describe('cohort privacy noise', () => {
  it('prints the noise multiplier meeting the target', async () => {
    const { code, out } = await run(['noise', '--epsilon', '8', '--delta', '1e-5', '--sampling-rate', '0.04', '--steps', '2250', '--json']);
    expect(code).toBe(0);
    // Opacus test_get_noise_multiplier publishes 1.425307617 to within its 0.01 search precision.
    expect(Math.abs(JSON.parse(out).noiseMultiplier - 1.425307617)).toBeLessThanOrEqual(0.01);
    expect((await run(['noise', '--epsilon', '8', '--delta', '1e-5', '--sampling-rate', '0.04', '--steps', '2250'])).out).toMatch(/^noise multiplier 1\.41\d+ meets epsilon 8 at delta 0\.00001\n$/);
  });

  it('exits non-zero with a clear message for a bad or unreachable target', async () => {
    const bad = await run(['noise', '--epsilon', '-1', '--delta', '1e-5', '--sampling-rate', '0.04', '--steps', '10']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/--epsilon/);
    const unreachable = await run(['noise', '--epsilon', '0.01', '--delta', '1e-12', '--sampling-rate', '0.5', '--steps', '10']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toMatch(/unreachable/);
  });
});
