import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nativeTesseractVersion, runNativeTesseract } from './native-tesseract.js';
import { fontAvailable, renderTextPage } from './test-fixtures/render-text.js';

const native = (await nativeTesseractVersion()) !== null;
const dir = mkdtempSync(join(tmpdir(), 'sohoa-native-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!native || !fontAvailable())('runNativeTesseract', () => {
  it('reads each page once per process list and returns the texts in the order of the files', async () => {
    const words = ['HOUSE', 'RIVER', 'MOUNTAIN', 'GARDEN', 'WINDOW'];
    const files: string[] = [];
    for (const [i, word] of words.entries()) {
      const file = join(dir, `page-${i}.png`);
      writeFileSync(file, await renderTextPage([word], { width: 600, height: 300, fontPx: 48, margin: 60 }));
      files.push(file);
    }
    const { texts } = await runNativeTesseract(files, { langs: ['eng'], parallelism: 2 });
    expect(texts).toHaveLength(words.length);
    for (const [i, text] of texts.entries()) expect(text).toContain(words[i]);
  }, 60_000);
});

describe('runNativeTesseract output check', () => {
  it('refuses output that does not hold one page per file of its list', async () => {
    // A stand-in CLI that prints one page whatever its list holds.
    const bin = join(dir, 'one-page-tesseract');
    writeFileSync(bin, '#!/bin/sh\necho "one page"\n');
    chmodSync(bin, 0o755);
    const files = ['a.png', 'b.png', 'c.png'].map((f) => join(dir, f));
    await expect(runNativeTesseract(files, { langs: ['eng'], parallelism: 1, bin })).rejects.toThrow(
      /returned 1 pages for a list of 3/,
    );
  });
});
