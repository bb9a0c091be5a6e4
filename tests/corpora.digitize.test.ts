import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCAN_EXTENSIONS } from '../cli/collect-paths.js';
import { runCli } from './support/run-cli.js';

const CORPORA = join(import.meta.dirname, '..', '..', 'shared', 'corpora');
const present = existsSync(CORPORA);
if (!present) console.warn(`skipping the corpora run: ${CORPORA} is absent`);

function scanFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (name.startsWith('.')) return [];
      if (statSync(full).isDirectory()) return scanFiles(full);
      return SCAN_EXTENSIONS.has(extname(name).toLowerCase()) ? [full] : [];
    });
}

interface Output {
  sources: Array<{ path: string; status: string; error?: string; pageCount: number; pages: unknown[] }>;
}

// Every real-world file (malformed, encrypted, huge, fuzzed, JBIG2, Vietnamese…) goes through the real CLI: each
// must come out done or failed with a reason, in bounded time, without crashing the run. Pages are read at 100 dpi
// and sources capped at 20 pages to keep CI time bounded; larger ones must fail naming that limit.
describe.skipIf(!present)('sohoa digitize over ../shared/corpora', () => {
  it(
    'finishes every file, done or failed with a reason',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'sohoa-corpora-'));
      try {
        const expected = scanFiles(CORPORA);
        const notScans = [
          'paperless-ngx/paperless/tests/samples/tesseract/simple.heic',
          'paperless-ngx/paperless/tests/samples/mail/simple_text.eml',
        ]
          .map((p) => join(CORPORA, p))
          .filter((p) => existsSync(p));
        const run = await runCli(
          ['digitize', '--json', CORPORA, ...notScans],
          {
            SOHOA_DATA_DIR: dataDir,
            SOHOA_RENDER_DPI: '100',
            SOHOA_MAX_PAGES: '20',
            SOHOA_PAGE_TIMEOUT_MS: '60000',
          },
          25 * 60_000,
        );
        expect(run.stderr).not.toMatch(/Unhandled|FATAL|Segmentation|heap out of memory/i);
        expect([0, 1]).toContain(run.code);
        const out = JSON.parse(run.stdout) as Output;
        expect(out.sources.map((s) => s.path).slice(0, expected.length)).toEqual(expected);
        for (const source of out.sources) {
          expect(['done', 'failed'], source.path).toContain(source.status);
          if (source.status === 'failed') expect(source.error, source.path).toMatch(/\w{3,}/);
          else expect(source.pages.length, source.path).toBe(source.pageCount);
        }
        for (const path of notScans) {
          expect(out.sources.find((s) => s.path === path)?.error).toMatch(/unsupported|not a supported|HEIC|text/i);
        }
        const overLimit = out.sources.filter((s) => /SOHOA_MAX_PAGES/.test(s.error ?? ''));
        for (const s of overLimit) expect(s.error).toMatch(/20/);
        const tally: Record<string, number> = {};
        for (const s of out.sources) {
          const key = s.status === 'done' ? 'done' : (s.error ?? '').split(/[:(]/)[0]!.slice(0, 40);
          tally[key] = (tally[key] ?? 0) + 1;
        }
        console.log(`corpora: ${out.sources.length} files in ${(run.ms / 1000).toFixed(0)} s`, tally);
        for (const s of out.sources.filter((f) => f.status === 'failed')) {
          console.log(`  failed ${s.path.slice(CORPORA.length + 1)}: ${s.error}`);
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    26 * 60_000,
  );
});
