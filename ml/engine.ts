// Which compute engine TensorFlow.js runs on. Native TensorFlow (tfjs-node) is fastest but is an
// optional dependency that downloads a native library at install time; WebAssembly needs nothing
// beyond npm and is ~30x faster than the pure-JS CPU backend for convolutions (bench/train.ts),
// once given the gradient kernels it lacks (ml/kernels/).
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import { registerWasmKernels } from './kernels/register.js';

export type EngineName = 'tensorflow' | 'wasm' | 'cpu';
export type EnginePreference = 'auto' | EngineName;

export interface EngineInfo {
  readonly name: EngineName;
  /** One human line for the caller to print, e.g. at client start-up. */
  readonly detail: string;
}

export class EngineUnavailableError extends Error {
  static override name = 'EngineUnavailableError';
  override name = 'EngineUnavailableError';
}

const PREFERENCES: readonly EnginePreference[] = ['auto', 'tensorflow', 'wasm', 'cpu'];
const AUTO_ORDER: readonly EngineName[] = ['tensorflow', 'wasm', 'cpu'];
// A variable specifier keeps TypeScript from demanding types for a package that may be absent.
const TFJS_NODE = '@tensorflow/tfjs-node';

let wasmLoaded: Promise<void> | undefined;
let tfjsNodeLoaded: Promise<void> | undefined;

/**
 * Switches TensorFlow.js to the preferred engine and returns what runs. 'auto' takes the first of
 * tensorflow, wasm, cpu that works and says in `detail` why faster ones were passed over; an
 * explicit preference that cannot be met throws EngineUnavailableError. Safe to call again, also
 * to switch engines (the benchmark compares them in one process).
 */
export async function initEngine(prefer: EnginePreference = 'auto'): Promise<EngineInfo> {
  if (!PREFERENCES.includes(prefer)) {
    throw new TypeError(`prefer must be one of ${PREFERENCES.join(', ')}, got ${String(prefer)}`);
  }
  const candidates = prefer === 'auto' ? AUTO_ORDER : [prefer];
  const passedOver: string[] = [];
  for (const name of candidates) {
    try {
      const detail = await activate(name);
      const why = passedOver.length > 0 ? ` (${passedOver.join('; ')})` : '';
      return Object.freeze({ name, detail: detail + why });
    } catch (err) {
      if (prefer !== 'auto') {
        throw new EngineUnavailableError(`engine ${name} is unavailable: ${reason(err)}`, { cause: err });
      }
      passedOver.push(`${name} unavailable: ${reason(err)}`);
    }
  }
  throw new EngineUnavailableError(`no engine could start: ${passedOver.join('; ')}`);
}

async function activate(name: EngineName): Promise<string> {
  switch (name) {
    case 'tensorflow':
      tfjsNodeLoaded ??= loadTfjsNode();
      await tfjsNodeLoaded;
      await setBackend('tensorflow');
      return `native TensorFlow via ${TFJS_NODE} (tfjs ${tf.version.tfjs})`;
    case 'wasm': {
      wasmLoaded ??= loadWasm();
      await wasmLoaded;
      await setBackend('wasm');
      const kernels = registerWasmKernels();
      const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD';
      return `WebAssembly (XNNPACK, ${simd}, tfjs ${tf.version.tfjs}) with Cohort's ${kernels.join(', ')} kernels`;
    }
    case 'cpu':
      await setBackend('cpu');
      return `pure-JavaScript CPU backend (tfjs ${tf.version.tfjs}): slow, for tests and as a last resort`;
  }
}

async function loadTfjsNode(): Promise<void> {
  try {
    // Registers the 'tensorflow' backend on the tfjs-core that @tensorflow/tfjs also uses.
    await import(TFJS_NODE);
  } catch (err) {
    tfjsNodeLoaded = undefined; // let a later call retry, e.g. after the package is installed
    throw err;
  }
}

async function loadWasm(): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // In Node the .wasm binaries are read from disk; point the loader at the package's dist/
  // explicitly rather than rely on where the bundler thinks the script lives.
  const require = createRequire(import.meta.url);
  wasm.setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + sep);
}

async function setBackend(name: string): Promise<void> {
  if (tf.getBackend() === name) return;
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') failed to initialise`);
  await tf.ready();
}

function reason(err: unknown): string {
  if (err instanceof Error && 'code' in err && err.code === 'ERR_MODULE_NOT_FOUND') return 'package not installed';
  return err instanceof Error ? err.message : String(err);
}
