// `sohoa import` embedded (PGlite, in-process queue, fs objects): killed part-way, resumed, every page read once;
// `sohoa runs` reports it; `sohoa runs retry` redoes a failed file.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../storage/warehouse/index.js';
import { generateArchive, importAndKill, ocrObjectTimes, resumeImport } from './support/import-scenario.js';
import { runCli } from './support/run-cli.js';

async function warehouseRows(dataDir: string, query: string): Promise<Array<Record<string, unknown>>> {
  const warehouse = await openWarehouse({ dataDir });
  try {
    return ((await warehouse.db.execute(sql.raw(query))) as unknown as { rows: Array<Record<string, unknown>> }).rows;
  } finally {
    await warehouse.close();
  }
}

describe('sohoa import (embedded)', () => {
  const work = mkdtempSync(join(tmpdir(), 'sohoa-import-'));
  const archiveDir = join(work, 'archive');
  const dataDir = join(work, 'data');
  const env = { SOHOA_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', S3_ENDPOINT: '', SOHOA_OCR_WORKERS: '2' };
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('resumes after SIGKILL: every page read once, counters right, failures reported and retried', async () => {
    const archive = generateArchive(archiveDir, 131, 32);
    expect(archive.files.length).toBeGreaterThanOrEqual(30);
    // A file that cannot be read: fails alone, with its reason.
    writeFileSync(join(archiveDir, 'dossier-900-broken.png'), 'not an image');
    const args = [archiveDir, '--group', 'pattern', '--pattern', '^dossier-(?<code>\\d+)', '--max-in-flight', '4'];

    const { runId, filesAtKill } = await importAndKill(args, env, 8);
    expect(filesAtKill).toBeLessThan(archive.files.length);
    const readBeforeKill = ocrObjectTimes(join(dataDir, 'objects'));
    expect(readBeforeKill.size).toBeGreaterThanOrEqual(filesAtKill);

    const report = await resumeImport(args, env, {
      runId,
      files: archive.files.length + 1,
      pages: archive.pages,
      dossiers: archive.files.length + 1,
      failed: 1,
    });
    expect(report.session.files).toBeLessThanOrEqual(archive.files.length + 1 - filesAtKill);

    // Every page once: one OCR object per page, those read before the kill untouched, one page row each.
    const readAfter = ocrObjectTimes(join(dataDir, 'objects'));
    expect(readAfter.size).toBe(archive.pages);
    for (const [file, mtime] of readBeforeKill) expect(readAfter.get(file), file).toBe(mtime);
    const [pages] = await warehouseRows(
      dataDir,
      'select count(*)::int as n, count(distinct (source_id, number))::int as d from pages',
    );
    expect(pages).toEqual({ n: archive.pages, d: archive.pages });
    const [files] = await warehouseRows(
      dataDir,
      `select count(*)::int as n, count(source_id)::int as linked from run_files where run_id = '${runId}'`,
    );
    expect(files).toEqual({ n: archive.files.length + 1, linked: archive.files.length + 1 });

    // The report: same totals, the failure with its path, throughput, what was produced.
    const shown = await runCli(['runs', 'show', runId, '--json'], env);
    expect(shown.code, shown.stderr).toBe(0);
    const details = JSON.parse(shown.stdout) as {
      status: string;
      counters: Record<string, number>;
      failures: Array<{ reason: string; files: number; paths: string[] }>;
      throughput: { buckets: Array<{ files: number; pages: number }> };
      produced: { sources: number; components: Array<{ count: number }> };
    };
    expect(details.status).toBe('done');
    expect(details.counters).toEqual(report.counters);
    expect(details.failures).toEqual([
      {
        reason: expect.stringMatching(/unsupported content/),
        files: 1,
        paths: [join(archiveDir, 'dossier-900-broken.png')],
      },
    ]);
    expect(details.throughput.buckets.reduce((n, b) => n + b.pages, 0)).toBe(archive.pages);
    expect(details.produced.sources).toBe(archive.files.length);
    expect(details.produced.components.reduce((n, c) => n + c.count, 0)).toBeGreaterThanOrEqual(archive.files.length);
    const listed = await runCli(['runs', '--json'], env);
    expect((JSON.parse(listed.stdout) as Array<{ id: string }>).map((r) => r.id)).toContain(runId);

    // The broken file replaced by a good scan: retry redoes only it (known content: no OCR).
    copyFileSync(join(archiveDir, archive.files[0]!.path), join(archiveDir, 'dossier-900-broken.png'));
    const retried = await runCli(['runs', 'retry', runId, '--json'], env);
    expect(retried.code, retried.stderr).toBe(0);
    const after = JSON.parse(retried.stdout) as { counters: Record<string, number>; session: { files: number } };
    expect(after.session.files).toBe(1);
    expect(after.counters).toMatchObject({ failed: 0, done: archive.files.length + 1, known: 1 });
    expect(ocrObjectTimes(join(dataDir, 'objects')).size).toBe(archive.pages);

    // Re-processing by run: exactly the run's sources and pages, recorded as a run of kind reprocess.
    const reprocessed = await runCli(['recognize', '--run', runId, '--json'], env);
    expect(reprocessed.code, reprocessed.stderr).toBe(0);
    const again = JSON.parse(reprocessed.stdout) as { sources: number; pages: number };
    expect(again).toMatchObject({ sources: archive.files.length, pages: archive.pages });
    const runs = JSON.parse((await runCli(['runs', '--json'], env)).stdout) as Array<{ kind: string }>;
    expect(runs.map((r) => r.kind).sort()).toEqual(['import', 'reprocess']);
  }, 1_500_000);
});
