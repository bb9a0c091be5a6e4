import { setFlagsFromString } from 'node:v8';
import { relaxedSimd } from 'wasm-feature-detect';

/**
 * Make WebAssembly relaxed SIMD available to the OCR threads, so tesseract.js loads its relaxed-SIMD engine build:
 * its 8-bit dot products (most of an LSTM page's work) then use the processor's multiply-add instructions. Node 20's
 * V8 has the feature behind a flag; later ones ship it. V8 reads the flag when it validates a module, and worker
 * threads share the process's flags, so setting it before the OCR threads start is enough.
 *
 * Returns whether the feature is available afterwards.
 */
export async function enableRelaxedSimd(): Promise<boolean> {
  if (await relaxedSimd()) return true;
  // Only a V8 that lacks the feature by default knows the flag (an unknown flag prints an error).
  if (!v8NeedsFlag(process.versions.v8)) return false;
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  return relaxedSimd();
}

/** V8 shipped relaxed SIMD in 11.4; Node 20's 11.3 has it behind --experimental-wasm-relaxed-simd. */
export function v8NeedsFlag(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major === 11 && minor < 4;
}
