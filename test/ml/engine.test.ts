import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { EngineUnavailableError, initEngine } from '../../ml/engine.js';

describe('initEngine', () => {
  it('auto picks the fastest engine that starts and says so', async () => {
    const info = await initEngine();
    expect(['tensorflow', 'wasm']).toContain(info.name);
    expect(tf.getBackend()).toBe(info.name);
    expect(info.detail.length).toBeGreaterThan(10);
    expect(await initEngine()).toEqual(info); // idempotent
  });

  it('switches to an explicit engine, and back', async () => {
    expect((await initEngine('cpu')).name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    const wasm = await initEngine('wasm');
    expect(wasm.name).toBe('wasm');
    expect(wasm.detail).toMatch(/Conv2DBackpropFilter/);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('refuses an engine it cannot start, by name, and unknown preferences', async () => {
    let tensorflow: Awaited<ReturnType<typeof initEngine>> | Error;
    try {
      tensorflow = await initEngine('tensorflow');
    } catch (err) {
      tensorflow = err as Error;
    }
    // Depends on whether the optional @tensorflow/tfjs-node is installed here.
    if (tensorflow instanceof Error) expect(tensorflow).toBeInstanceOf(EngineUnavailableError);
    else expect(tensorflow.name).toBe('tensorflow');
    await expect(initEngine('gpu' as never)).rejects.toThrow(TypeError);
  });
});
