import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../storage/warehouse/index.js';
import { runCli } from './support/run-cli.js';

const SAMPLES = join(import.meta.dirname, '..', 'samples');
// OCR of the samples takes about a minute on an idle 2-core machine; allow for a loaded one.
const CLI_TIMEOUT_MS = 15 * 60_000;
const catalog = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schemas', 'catalog.json'), 'utf8')) as {
  components: Array<{ code: string; fields?: Record<string, unknown> }>;
};
const codes = new Set(catalog.components.map((c) => c.code));

interface JsonOutput {
  sources: Array<{
    path: string;
    sha256: string | null;
    pageCount: number;
    status: string;
    error?: string;
    pages: Array<{ number: number; rotation: number; textSource: string; confidence: number; text: string }>;
    components: Array<{
      type: string;
      pages: [number, number];
      confidence: number;
      status: string;
      fields: Record<string, { value: string; confidence: number; page: number }>;
    }>;
  }>;
}

describe('sohoa digitize (embedded)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sohoa-cli-'));
  const env = { SOHOA_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  let first: JsonOutput;

  it(
    'digitizes the bundled samples into the --json contract shape',
    async () => {
      const run = await runCli(['digitize', '--json', SAMPLES], env);
      expect(run.stderr).not.toMatch(/TypeError|ReferenceError|at .*\.js:\d+/);
      // Only sohoa's own lines: the OCR engine's diagnostics ('Detected 63 diacritics') are kept off the terminal.
      expect(run.stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('sohoa:'))).toEqual([]);
      first = JSON.parse(run.stdout) as JsonOutput;
      expect(run.code).toBe(first.sources.some((s) => s.status === 'failed') ? 1 : 0);
      expect(first.sources.length).toBeGreaterThan(0);
      for (const source of first.sources) {
        expect(source.status, `${source.path}: ${source.error}`).toBe('done');
        expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(source.pages.map((p) => p.number)).toEqual(Array.from({ length: source.pageCount }, (_, i) => i + 1));
        for (const page of source.pages) {
          expect([0, 90, 180, 270]).toContain(page.rotation);
          expect(['ocr', 'text-layer', 'blank']).toContain(page.textSource);
          expect(page.text.normalize('NFC')).toBe(page.text);
        }
        let next = 1;
        for (const c of source.components) {
          expect(codes.has(c.type), c.type).toBe(true);
          expect(c.pages[0]).toBeGreaterThanOrEqual(next);
          expect(c.pages[1]).toBeGreaterThanOrEqual(c.pages[0]);
          next = c.pages[1] + 1;
          expect(['accepted', 'needs_review']).toContain(c.status);
          const known = catalog.components.find((k) => k.code === c.type)?.fields ?? {};
          for (const [key, field] of Object.entries(c.fields)) {
            expect(Object.hasOwn(known, key), `${c.type}.${key}`).toBe(true);
            expect(field.page).toBeGreaterThanOrEqual(c.pages[0]);
            expect(field.page).toBeLessThanOrEqual(c.pages[1]);
          }
        }
      }
    },
    CLI_TIMEOUT_MS,
  );

  it(
    're-running on the same files adds no rows, does no OCR and prints the same result',
    async () => {
      const before = await countRows(dataDir);
      const run = await runCli(['digitize', '--json', SAMPLES], env);
      const again = JSON.parse(run.stdout) as JsonOutput;
      expect(again).toEqual(first);
      expect(await countRows(dataDir)).toEqual(before);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'prints a human summary by default and exits 2 on usage errors',
    async () => {
      const summary = await runCli(['digitize', SAMPLES], env);
      expect(summary.stdout).toMatch(/\d+ done, 0 failed/);
      const usage = await runCli(['digitize'], env);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/missing required argument/);
      const badConfig = await runCli(['digitize', SAMPLES], { ...env, SOHOA_MAX_PAGES: 'many' });
      expect(badConfig.code).toBe(2);
      expect(badConfig.stderr).toMatch(/SOHOA_MAX_PAGES/);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'fails at once with the reason when the data folder cannot be made, its early-started OCR threads closed',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sohoa-nodata-'));
      try {
        const file = join(dir, 'a-file');
        writeFileSync(file, 'not a folder');
        // Hanging here would mean the OCR threads started alongside the warehouse outlived its failure.
        const run = await runCli(
          ['digitize', join(SAMPLES, firstJpeg())],
          { SOHOA_DATA_DIR: join(file, 'data') },
          60_000,
        );
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/ENOTDIR/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'reports bad files with their reasons and goes on with the rest of the batch',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sohoa-bad-'));
      try {
        writeFileSync(join(dir, 'empty.pdf'), Buffer.alloc(0));
        writeFileSync(join(dir, 'notes.pdf'), 'this is not a PDF at all\n');
        const jpeg = readFileSync(join(SAMPLES, firstJpeg()));
        writeFileSync(join(dir, 'truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 3)));
        const good = join(SAMPLES, firstJpeg());
        const run = await runCli(['digitize', '--json', dir, good, join(dir, 'missing.png')], env);
        expect(run.code).toBe(1);
        const out = JSON.parse(run.stdout) as JsonOutput;
        const byName = (name: string) => out.sources.find((s) => s.path.endsWith(name));
        expect(byName('empty.pdf')?.error).toMatch(/empty/i);
        expect(byName('notes.pdf')?.error).toMatch(/not a supported|unsupported|does not look/i);
        expect(byName('truncated.jpg')?.status).toBe('failed');
        expect(byName('truncated.jpg')?.error).toMatch(/corrupt|truncat|premature/i);
        expect(byName('missing.png')?.error).toMatch(/no such file/);
        expect(byName(good.split('/').pop() as string)?.status).toBe('done');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    CLI_TIMEOUT_MS,
  );

  it('stops and exits with the reason when the object store cannot be made after its reading threads started', async () => {
    // Valid enough for the configuration, refused by the object store: the threads had already started by then.
    const s3 = { S3_ENDPOINT: 'ftp://127.0.0.1:9', S3_BUCKET: 'b', S3_ACCESS_KEY: 'a', S3_SECRET_KEY: 's' };
    const run = await runCli(['digitize', join(SAMPLES, firstJpeg())], { ...env, ...s3 }, 90_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/S3_ENDPOINT must use http or https/);
  }, 120_000);
});

function firstJpeg(): string {
  const truth = JSON.parse(readFileSync(join(SAMPLES, 'truth.json'), 'utf8')) as { sources: Array<{ path: string }> };
  const jpeg = truth.sources.find((s) => /\.jpe?g$/i.test(s.path));
  if (!jpeg) throw new Error('samples/ holds no JPEG');
  return jpeg.path;
}

async function countRows(dataDir: string) {
  const warehouse = await openWarehouse({ dataDir });
  try {
    return await warehouse.repo.countRows();
  } finally {
    await warehouse.close();
  }
}
