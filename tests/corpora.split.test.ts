// Every file of the shared corpora must split into decodable page images or fail with a typed, explained
// SourceError, within a bounded time, without unhandled rejections.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_LIMITS, openSource, SourceError } from '../pipeline/split/index.js';

const corpora = join(process.cwd(), '..', 'shared', 'corpora');
// Lower resolution and a shorter step timeout keep the whole walk within a few minutes.
const limits = { ...DEFAULT_SOURCE_LIMITS, renderDpi: 72, pageTimeoutMs: 20_000 };
const PAGES_PER_FILE = 3;
// open + (text + image) per page, each bounded by pageTimeoutMs, plus slack for a loaded machine.
const FILE_BUDGET_MS = (1 + 2 * PAGES_PER_FILE) * limits.pageTimeoutMs + 10_000;
const TEXT_EXTENSIONS = new Set(['.json', '.txt', '.md', '.hocr', '.toml', '.rst', '.html', '.eml', '.license']);

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

const files = existsSync(corpora) ? walk(corpora) : [];
const outcomes = new Map<string, string[]>();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);

function record(outcome: string, file: string) {
  outcomes.set(outcome, [...(outcomes.get(outcome) ?? []), file]);
}

describe('corpora split', () => {
  if (files.length === 0) {
    it.skip(`corpora not present at ${corpora}: nothing to walk`, () => {});
    return;
  }

  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    const lines = [...outcomes.entries()]
      .sort()
      .map(([k, v]) => `  ${k}: ${v.length}${k === 'ok' || k === 'unsupported-type' ? '' : ` (${v.join(', ')})`}`);
    console.log(`split ${files.length} corpora files:\n${lines.join('\n')}`);
    expect(unhandled).toEqual([]);
  });

  it.each(files.map((f) => [relative(corpora, f), f]))(
    '%s',
    async (_name, file) => {
      const started = Date.now();
      const name = relative(corpora, file);
      try {
        const src = await openSource(readFileSync(file), limits);
        try {
          expect(src.pageCount).toBeGreaterThan(0);
          for (let n = 1; n <= Math.min(PAGES_PER_FILE, src.pageCount); n++) {
            const page = await src.page(n);
            const image = await page.image();
            // A frame of a multi-page image is handed on as the original bytes and its frame number.
            const meta = await sharp(image.data, image.frame === undefined ? {} : { page: image.frame }).metadata();
            expect(image.frame === undefined ? ['png', 'jpeg', 'webp'] : ['tiff']).toContain(meta.format);
            expect(meta.width).toBeGreaterThan(0);
            expect(meta.height).toBeGreaterThan(0);
          }
        } finally {
          await src.close();
        }
        record('ok', name);
        expect(TEXT_EXTENSIONS.has(extname(file).toLowerCase())).toBe(false);
      } catch (e) {
        if (!(e instanceof SourceError)) throw e;
        expect(e.message.length).toBeGreaterThan(5);
        record(e.code, name);
        if (TEXT_EXTENSIONS.has(extname(file).toLowerCase())) expect(e.code).toBe('unsupported-type');
      }
      expect(Date.now() - started).toBeLessThan(FILE_BUDGET_MS);
    },
    FILE_BUDGET_MS + 5_000,
  );
});
