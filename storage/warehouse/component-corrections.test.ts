import { describe, expect, it } from 'vitest';
import { applyComponentCorrections, type CorrectableComponent } from './component-corrections.js';

const machine = (type: string, first: number, last: number, pdfKey: string | null = `pdf-${first}-${last}`) =>
  ({ type, pages: [first, last], status: 'needs_review', reasons: ['low'], pdfKey }) satisfies CorrectableComponent;

const shape = (list: CorrectableComponent[]) => list.map((c) => [c.type, c.pages, c.status, c.pdfKey ?? null]);

describe('applyComponentCorrections', () => {
  it('re-types the component the machine placed, accepting it and keeping its PDF', () => {
    const out = applyComponentCorrections(
      [machine('khac', 1, 1), machine('can_cuoc', 2, 2)],
      [{ machineType: 'khac', machineFirstPage: 1, type: 'giay_khai_sinh' }],
    );
    expect(shape(out)).toEqual([
      ['giay_khai_sinh', [1, 1], 'accepted', 'pdf-1-1'],
      ['can_cuoc', [2, 2], 'needs_review', 'pdf-2-2'],
    ]);
    expect(out[0]!.reasons).toEqual([]);
  });

  it('still finds the component when new rules give it another type', () => {
    const out = applyComponentCorrections(
      [machine('don_to_khai', 1, 2)],
      [{ machineType: 'khac', machineFirstPage: 1, type: 'giay_khai_sinh' }],
    );
    expect(shape(out)).toEqual([['giay_khai_sinh', [1, 2], 'accepted', 'pdf-1-2']]);
  });

  it('a corrected range swallows the components inside it, trims overlaps and drops the stale PDF', () => {
    const out = applyComponentCorrections(
      [machine('can_cuoc', 1, 1), machine('khac', 2, 2), machine('khac', 3, 4), machine('so_ho_khau', 5, 6)],
      [{ machineType: 'can_cuoc', machineFirstPage: 1, pages: [1, 3] }],
    );
    expect(shape(out)).toEqual([
      ['can_cuoc', [1, 3], 'accepted', null],
      ['khac', [4, 4], 'needs_review', null],
      ['so_ho_khau', [5, 6], 'needs_review', 'pdf-5-6'],
    ]);
  });

  it('applies corrections in order, each on the result of the earlier ones, and twice is once', () => {
    const corrections = [
      { machineType: 'khac', machineFirstPage: 3, pages: [2, 4] as [number, number] },
      { machineType: 'khac', machineFirstPage: 2, type: 'hop_dong' },
    ];
    const once = applyComponentCorrections(
      [machine('can_cuoc', 1, 1), machine('khac', 2, 2), machine('khac', 3, 6)],
      corrections,
    );
    expect(shape(once)).toEqual([
      ['can_cuoc', [1, 1], 'needs_review', 'pdf-1-1'],
      ['hop_dong', [2, 4], 'accepted', null],
    ]);
    expect(applyComponentCorrections(once, corrections)).toEqual(once);
  });

  it('leaves the run alone when no component starts where the correction was made', () => {
    const list = [machine('can_cuoc', 1, 2)];
    expect(applyComponentCorrections(list, [{ machineType: 'khac', machineFirstPage: 2, type: 'x' }])).toEqual(list);
  });
});
