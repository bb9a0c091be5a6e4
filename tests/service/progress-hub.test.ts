import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../pipeline/digitize-source.js';
import { ProgressHub } from '../../service/events/progress-hub.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('progress hub', () => {
  it('replays the events of a source still being read to a late subscriber, then streams live', () => {
    const hub = new ProgressHub();
    hub.publish({ type: 'source-start', sha256: A, path: 'x.pdf', pageCount: 3 });
    hub.publish({ type: 'page-done', sha256: A, path: 'x.pdf', page: 2, textSource: 'ocr' });
    hub.publish({ type: 'source-start', sha256: B, path: 'y.pdf', pageCount: 1 });
    const seen: ProgressEvent[] = [];
    const off = hub.subscribe([A], (e) => seen.push(e), { replay: true });
    expect(seen.map((e) => e.type)).toEqual(['source-start', 'page-done']);
    hub.publish({ type: 'page-done', sha256: A, path: 'x.pdf', page: 1, textSource: 'ocr' });
    hub.publish({ type: 'page-done', sha256: B, path: 'y.pdf', page: 1, textSource: 'ocr' });
    expect(seen).toHaveLength(3);
    off();
    hub.publish({ type: 'page-done', sha256: A, path: 'x.pdf', page: 3, textSource: 'ocr' });
    expect(seen).toHaveLength(3);
  });

  it('forgets a finished source and replays nothing without being asked', () => {
    const hub = new ProgressHub();
    hub.publish({ type: 'source-start', sha256: A, path: 'x.pdf', pageCount: 1 });
    const plain: ProgressEvent[] = [];
    hub.subscribe([A], (e) => plain.push(e));
    expect(plain).toEqual([]);
    hub.publish({ type: 'source-done', sha256: A, path: 'x.pdf', status: 'done' });
    const late: ProgressEvent[] = [];
    hub.subscribe([A], (e) => late.push(e), { replay: true });
    expect(late).toEqual([]);
  });
});
