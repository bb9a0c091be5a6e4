import { describe, expect, it } from 'vitest';
import { FLOW_QUEUES, submitSourceFlow, waitForSourceFlow } from './digitize-flow.js';
import { createInProcessQueue, PermanentJobError } from './job-queue/index.js';

const job = { sha256: 'a'.repeat(64), path: 'scan.pdf', byteSize: 10, mediaType: 'application/pdf' };
const options = { attempts: 1, backoffMs: 10 };

describe('submitSourceFlow', () => {
  it('leaves known jobs alone but queues afresh a source whose start or finish job failed for good', async () => {
    const queue = createInProcessQueue();
    const calls = { start: 0, finish: 0 };
    await queue.process(FLOW_QUEUES.start, async () => {
      calls.start++;
      if (calls.start === 1) throw new PermanentJobError('database unreachable after retries');
      return { kind: 'flow', sourceId: 's1', pageCount: 0 };
    });
    await queue.process(FLOW_QUEUES.finish, async () => {
      calls.finish++;
      if (calls.finish === 1) throw new PermanentJobError('object store unreachable after retries');
      return { sha256: job.sha256, status: 'done' };
    });
    // The start step adds the flow (no pages here) the way the worker does.
    const startHandlerAddsFlow = async () => {
      const started = await queue.getJob(FLOW_QUEUES.start, job.sha256);
      if (started?.state === 'completed' && !(await queue.getJob(FLOW_QUEUES.finish, job.sha256))) {
        await queue.addFlow(
          { queue: FLOW_QUEUES.finish, name: 'finish', data: {}, options: { jobId: job.sha256 } },
          [],
        );
      }
    };

    await submitSourceFlow(queue, job, options);
    await expect(waitForSourceFlow(queue, job, { timeoutMs: 2000 })).rejects.toThrow('database unreachable');
    await submitSourceFlow(queue, job, options);
    await queue.waitFor(FLOW_QUEUES.start, job.sha256, 2000);
    await startHandlerAddsFlow();
    await expect(waitForSourceFlow(queue, job, { timeoutMs: 2000 })).rejects.toThrow('object store unreachable');
    expect(calls).toEqual({ start: 2, finish: 1 });

    await submitSourceFlow(queue, job, options);
    await queue.waitFor(FLOW_QUEUES.start, job.sha256, 2000);
    await startHandlerAddsFlow();
    expect(await waitForSourceFlow(queue, job, { timeoutMs: 2000 })).toEqual({ sha256: job.sha256, status: 'done' });
    // Done: submitting again runs nothing.
    await submitSourceFlow(queue, job, options);
    expect(await waitForSourceFlow(queue, job, { timeoutMs: 2000 })).toEqual({ sha256: job.sha256, status: 'done' });
    expect(calls).toEqual({ start: 3, finish: 2 });
    await queue.close(0);
  });

  it('re-submits a source whose jobs vanished while it was awaited', async () => {
    const queue = createInProcessQueue();
    let starts = 0;
    await queue.process(FLOW_QUEUES.start, async () => {
      starts++;
      return { kind: 'settled', result: { sha256: job.sha256, status: 'done' } };
    });
    // Never submitted: the wait finds no job, submits it, and gets the answer.
    expect(await waitForSourceFlow(queue, job, { timeoutMs: 2000, jobOptions: options })).toEqual({
      sha256: job.sha256,
      status: 'done',
    });
    expect(starts).toBe(1);
    await expect(waitForSourceFlow(queue, job, { timeoutMs: 2000, resubmits: 0 })).resolves.toBeTruthy();
    await queue.close(0);
  });
});
