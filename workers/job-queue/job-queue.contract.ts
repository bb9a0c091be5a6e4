import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobMissingError, type JobQueue, PermanentJobError } from './job-queue.port.js';

/** Polls `check` until it returns true or `timeoutMs` passes. */
async function until(check: () => Promise<boolean> | boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/**
 * The behaviour every JobQueue adapter must show. `factory` returns a fresh queue client per test; each test uses
 * queue names of its own, and the suite closes the client afterwards.
 */
export function describeJobQueueContract(name: string, factory: () => Promise<JobQueue>): void {
  describe(`JobQueue contract: ${name}`, () => {
    let jobs: JobQueue;
    let q: string;
    beforeEach(async () => {
      jobs = await factory();
      q = `contract-${randomBytes(4).toString('hex')}`;
    });
    afterEach(async () => {
      await jobs.close(2000);
    });

    it('processes a job and returns its result through waitFor and getJob', async () => {
      await jobs.process<{ n: number }, { doubled: number }>(q, async (data) => ({ doubled: data.n * 2 }));
      const { id } = await jobs.add(q, 'double', { n: 21 });
      expect(await jobs.waitFor(q, id, 5000)).toEqual({ doubled: 42 });
      const record = await jobs.getJob(q, id);
      expect(record).toMatchObject({
        id,
        name: 'double',
        data: { n: 21 },
        state: 'completed',
        result: { doubled: 42 },
      });
      expect(record?.attemptsMade).toBe(1);
      expect(await jobs.getJob(q, 'no-such-job')).toBeNull();
    });

    it('resolves waitFor for a job that finished before the wait began', async () => {
      await jobs.process(q, async () => 'done');
      const { id } = await jobs.add(q, 'quick', {});
      await until(async () => (await jobs.getJob(q, id))?.state === 'completed');
      expect(await jobs.waitFor(q, id, 2000)).toBe('done');
    });

    it('treats re-adding a known job id as a no-op, for ids with ":" and all-digit ids too', async () => {
      const calls: string[] = [];
      for (const jobId of ['dossier:42/page:3', '12345', 'hồ-sơ 7']) {
        const first = await jobs.add(q, 'ocr', { v: 1 }, { jobId });
        const again = await jobs.add(q, 'ocr', { v: 2 }, { jobId });
        expect(first.id).toBe(jobId);
        expect(again.id).toBe(jobId);
      }
      await jobs.process<{ v: number }, number>(q, async (data, job) => {
        calls.push(job.id);
        return data.v;
      });
      expect(await jobs.waitFor(q, 'dossier:42/page:3', 5000)).toBe(1);
      expect(await jobs.waitFor(q, '12345', 5000)).toBe(1);
      expect(await jobs.waitFor(q, 'hồ-sơ 7', 5000)).toBe(1);
      // Also after completion.
      await jobs.add(q, 'ocr', { v: 3 }, { jobId: '12345' });
      await sleep(100);
      expect(calls.sort()).toEqual(['12345', 'dossier:42/page:3', 'hồ-sơ 7'].sort());
      expect((await jobs.getJob(q, '12345'))?.data).toEqual({ v: 1 });
    });

    it('retries a failing job with exponential backoff until it succeeds', async () => {
      const seen: { attemptsMade: number; at: number }[] = [];
      await jobs.process(q, async (_data, job) => {
        seen.push({ attemptsMade: job.attemptsMade, at: Date.now() });
        if (seen.length < 3) throw new Error(`flaky ${seen.length}`);
        return 'ok';
      });
      const { id } = await jobs.add(q, 'flaky', {}, { attempts: 4, backoffMs: 50 });
      expect(await jobs.waitFor(q, id, 10_000)).toBe('ok');
      expect(seen.map((s) => s.attemptsMade)).toEqual([0, 1, 2]);
      // Backoff doubles: ~50 ms then ~100 ms (timers may fire a little early or late).
      expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(40);
      expect(seen[2]!.at - seen[1]!.at).toBeGreaterThanOrEqual(90);
      expect(await jobs.getJob(q, id)).toMatchObject({ state: 'completed', attemptsMade: 3 });
    });

    it('fails a job for good when attempts run out, with the last reason', async () => {
      let calls = 0;
      await jobs.process(q, async () => {
        calls++;
        throw new Error(`scanner offline (call ${calls})`);
      });
      const { id } = await jobs.add(q, 'doomed', {}, { attempts: 2, backoffMs: 10 });
      await expect(jobs.waitFor(q, id, 10_000)).rejects.toThrow('scanner offline (call 2)');
      expect(calls).toBe(2);
      expect(await jobs.getJob(q, id)).toMatchObject({
        state: 'failed',
        attemptsMade: 2,
        failedReason: 'scanner offline (call 2)',
      });
    });

    it('does not retry a PermanentJobError', async () => {
      let calls = 0;
      await jobs.process(q, async () => {
        calls++;
        throw new PermanentJobError('corrupt PDF: no xref table');
      });
      const { id } = await jobs.add(q, 'corrupt', {}, { attempts: 5, backoffMs: 10 });
      await expect(jobs.waitFor(q, id, 10_000)).rejects.toThrow('corrupt PDF: no xref table');
      await sleep(150);
      expect(calls).toBe(1);
      expect(await jobs.getJob(q, id)).toMatchObject({ state: 'failed', attemptsMade: 1 });
    });

    it('runs at most `concurrency` jobs at once, and uses all of it', async () => {
      let running = 0;
      let maxRunning = 0;
      await jobs.process(
        q,
        async () => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          await sleep(80);
          running--;
          return null;
        },
        { concurrency: 3 },
      );
      const ids = await Promise.all(Array.from({ length: 9 }, (_, i) => jobs.add(q, 'slow', { i })));
      await Promise.all(ids.map(({ id }) => jobs.waitFor(q, id, 10_000)));
      expect(maxRunning).toBe(3);
    });

    it('counts waiting, active, completed and failed jobs', async () => {
      for (let i = 0; i < 4; i++) await jobs.add(q, 'count', { fail: i === 3 }, { jobId: `count-${i}` });
      expect(await jobs.counts(q)).toEqual({ waiting: 4, active: 0, completed: 0, failed: 0 });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      // One slot stays blocked on count-0 while the other drains the rest.
      await jobs.process<{ fail: boolean }, null>(
        q,
        async (data, job) => {
          if (job.id === 'count-0') await gate;
          if (data.fail) throw new PermanentJobError('bad input');
          return null;
        },
        { concurrency: 2 },
      );
      await until(async () => {
        const c = await jobs.counts(q);
        return c.active === 1 && c.waiting === 0 && c.completed + c.failed === 3;
      });
      expect(await jobs.counts(q)).toEqual({ waiting: 0, active: 1, completed: 2, failed: 1 });
      release();
      await jobs.waitFor(q, 'count-0', 5000);
      expect(await jobs.counts(q)).toEqual({ waiting: 0, active: 0, completed: 3, failed: 1 });
    });

    it('rejects waitFor on a timeout and on an unknown job', async () => {
      const { id } = await jobs.add(q, 'never-processed', {});
      await expect(jobs.waitFor(q, id, 100)).rejects.toThrow(/timed out/);
      await expect(jobs.waitFor(q, 'unknown-id', 100)).rejects.toThrow(/unknown job/);
    });

    it('close lets the active job finish before resolving', async () => {
      let started = false;
      let finished = false;
      await jobs.process(q, async () => {
        started = true;
        await sleep(300);
        finished = true;
        return null;
      });
      await jobs.add(q, 'long', {});
      await until(() => started);
      const t0 = Date.now();
      await jobs.close(5000);
      expect(finished).toBe(true);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(150);
    });

    it('runs a flow parent after all its children, with their results and permanent failures', async () => {
      const pages = `${q}-pages`;
      const order: string[] = [];
      await jobs.process<{ n: number }, { n: number }>(
        pages,
        async (data, job) => {
          await sleep(20 * data.n);
          order.push(job.id);
          if (data.n === 3) throw new PermanentJobError(`page ${data.n} is unreadable`);
          return { n: data.n * 10 };
        },
        { concurrency: 2 },
      );
      await jobs.process<{ total: number }, unknown>(q, async (data, job) => {
        order.push(job.id);
        const outcomes = await job.childOutcomes();
        return { total: data.total, ...outcomes };
      });
      const children = [1, 2, 3].map((n) => ({
        queue: pages,
        name: 'page',
        data: { n },
        options: { jobId: `src:p${n}`, attempts: 3, backoffMs: 10 },
      }));
      const parent = { queue: q, name: 'finish', data: { total: 3 }, options: { jobId: 'src' } };
      const { id } = await jobs.addFlow(parent, children);
      expect(id).toBe('src');
      expect(await jobs.waitFor(q, 'src', 10_000)).toEqual({
        total: 3,
        results: { 'src:p1': { n: 10 }, 'src:p2': { n: 20 } },
        failures: { 'src:p3': 'page 3 is unreadable' },
      });
      expect(order.at(-1)).toBe('src');
      expect(order.filter((o) => o === 'src:p3')).toHaveLength(1);
      // The same flow again is a no-op: nothing runs twice.
      await jobs.addFlow({ ...parent, data: { total: 99 } }, children);
      await sleep(150);
      expect(order).toHaveLength(4);
      expect((await jobs.getJob(q, 'src'))?.data).toEqual({ total: 3 });
    });

    it('reports stats: counts, consumers, recent failures and completions per minute', async () => {
      await jobs.process<{ ok: boolean }, null>(q, async (data) => {
        if (!data.ok) throw new PermanentJobError('bad scan');
        return null;
      });
      for (const ok of [true, true, false]) {
        const { id } = await jobs.add(q, 'job', { ok });
        await jobs.waitFor(q, id, 5000).catch(() => {});
      }
      const stats = await jobs.stats(q, { minutes: 5 });
      expect(stats.counts).toEqual({ waiting: 0, active: 0, completed: 2, failed: 1 });
      expect(stats.consumers).toBeGreaterThanOrEqual(1);
      expect(stats.recentFailures.map((f) => f.reason)).toEqual(['bad scan']);
      expect(stats.completedPerMinute).toHaveLength(5);
      await expect(jobs.waitFor(q, 'missing', 100)).rejects.toBeInstanceOf(JobMissingError);
    });

    it('removes a finished job so its id can be added again, a flow parent with its children', async () => {
      await jobs.process<{ v: number }, number>(q, async (data) => {
        if (data.v < 0) throw new PermanentJobError('negative');
        return data.v;
      });
      await jobs.add(q, 'once', { v: -1 }, { jobId: 'again' });
      await expect(jobs.waitFor(q, 'again', 5000)).rejects.toThrow('negative');
      expect(await jobs.remove(q, 'again')).toBe(true);
      expect(await jobs.getJob(q, 'again')).toBeNull();
      expect(await jobs.remove(q, 'again')).toBe(false);
      await jobs.add(q, 'once', { v: 7 }, { jobId: 'again' });
      expect(await jobs.waitFor(q, 'again', 5000)).toBe(7);

      const kids = `${q}-kids`;
      await jobs.process(kids, async () => 'kid');
      await jobs.addFlow({ queue: q, name: 'parent', data: { v: 1 }, options: { jobId: 'p' } }, [
        { queue: kids, name: 'kid', data: {}, options: { jobId: 'p.k1' } },
      ]);
      expect(await jobs.waitFor(q, 'p', 5000)).toBe(1);
      expect(await jobs.remove(q, 'p')).toBe(true);
      expect(await jobs.getJob(kids, 'p.k1')).toBeNull();
    });
  });
}
