import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../package-root.js';
import type { PageText } from '../page-model.js';
import { v8NeedsFlag } from './relaxed-simd.js';
import { fontAvailable } from './test-fixtures/render-text.js';

const here = dirname(fileURLToPath(import.meta.url));
const tsxLoader = join(packageRoot(), 'node_modules', 'tsx', 'dist', 'loader.mjs');

describe('v8NeedsFlag', () => {
  it('is true only for the V8 versions that have relaxed SIMD behind a flag', () => {
    expect(v8NeedsFlag('11.3.244.8-node.38')).toBe(true);
    expect(v8NeedsFlag('11.4.183.0')).toBe(false);
    expect(v8NeedsFlag('12.4.254.21-node.33')).toBe(false);
    expect(v8NeedsFlag('10.2.154.26-node.36')).toBe(false);
  });
});

describe.skipIf(!fontAvailable() || !existsSync(tsxLoader))('relaxed-SIMD OCR', () => {
  const read = async (mode: 'on' | 'off') => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        '--require',
        join(here, 'test-fixtures', 'engine-trace.cjs'),
        '--import',
        'tsx',
        join(here, 'test-fixtures', 'relaxed-simd-run.ts'),
        mode,
      ],
      { cwd: packageRoot(), timeout: 120_000 },
    );
    const engines = [...stderr.matchAll(/^ENGINE (\S+)$/gm)].map((m) => m[1]);
    return { ...(JSON.parse(stdout) as { relaxed: boolean; page: PageText }), engines };
  };

  it('is turned on by the pool and reads the same words, boxes and confidences as the plain SIMD build', async () => {
    const [on, off] = await Promise.all([read('on'), read('off')]);
    expect(on.relaxed).toBe(true);
    // The OCR threads load the LSTM-only builds (tesseract.js' own Node entry would load the legacy ones).
    expect(on.engines).toEqual(['tesseract-core-relaxedsimd-lstm']);
    if (v8NeedsFlag(process.versions.v8)) {
      expect(off.relaxed).toBe(false);
      expect(off.engines).toEqual(['tesseract-core-simd-lstm']);
    }
    expect(on.page.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(on.page.lines.length).toBeGreaterThan(3);
    expect(on.page).toEqual(off.page);
  }, 180_000);
});
