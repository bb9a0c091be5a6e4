import { describe, expect, it } from 'vitest';
import type { ComponentResult } from '../../pipeline/page-model.js';
import {
  KEPT_FOR_CONFIRMED_REASON,
  outcomeKey,
  predictStoredComponents,
  type StoredComponentState,
} from './stored-outcome.js';

const field = (value: string, page = 1) => ({ value, raw: value, confidence: 0.9, page, bbox: null });
const run = (type: string, pages: [number, number], fields: Record<string, string>): ComponentResult => ({
  type,
  pages,
  confidence: 0.9,
  status: 'accepted',
  reasons: [],
  fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, field(v, pages[0])])),
});
const stored = (
  id: string,
  type: string,
  pages: [number, number],
  fields: Record<string, [string, 'machine' | 'confirmed']>,
): StoredComponentState => ({
  id,
  type,
  pages,
  confidence: 0.9,
  status: 'accepted',
  reasons: [],
  pdfKey: null,
  fields: Object.fromEntries(
    Object.entries(fields).map(([k, [value, state]]) => [k, { value, confidence: 0.9, page: pages[0], state }]),
  ),
});

describe('predictStoredComponents', () => {
  it('keeps confirmed values over the new machine values of the same component', () => {
    const out = predictStoredComponents(
      [stored('a', 'can_cuoc', [1, 1], { ho_ten: ['NGUYỄN VĂN ANH', 'confirmed'], so: ['1', 'machine'] })],
      [run('can_cuoc', [1, 1], { ho_ten: 'NGUYEN VAN AN', so: '2' })],
    );
    expect(out[0]!.fields.ho_ten!.value).toBe('NGUYỄN VĂN ANH');
    expect(out[0]!.fields.so!.value).toBe('2');
  });

  it('moves confirmed values of a dropped component to the new one holding their page, or keeps it for review', () => {
    const out = predictStoredComponents(
      [
        stored('a', 'can_cuoc', [1, 1], { ho_ten: ['ANH', 'confirmed'] }),
        stored('b', 'so_ho_khau', [3, 3], { chu_ho: ['BÌNH', 'confirmed'], so: ['9', 'machine'] }),
      ],
      [run('can_cuoc', [1, 2], { ho_ten: 'AN' })],
    );
    expect(out.map((c) => [c.type, c.pages, c.status, c.reasons])).toEqual([
      ['can_cuoc', [1, 2], 'accepted', []],
      ['so_ho_khau', [3, 3], 'needs_review', [KEPT_FOR_CONFIRMED_REASON]],
    ]);
    expect(out[0]!.fields.ho_ten!.value).toBe('ANH');
    expect(Object.keys(out[1]!.fields)).toEqual(['chu_ho']);
  });

  it('predicts exactly what is stored when nothing changed, whatever the order', () => {
    const list = [stored('a', 'can_cuoc', [1, 1], { ho_ten: ['AN', 'machine'] }), stored('b', 'khac', [2, 2], {})];
    const again = predictStoredComponents(list, [run('khac', [2, 2], {}), run('can_cuoc', [1, 1], { ho_ten: 'AN' })]);
    expect(outcomeKey(again)).toBe(outcomeKey(list));
    const moved = predictStoredComponents(list, [run('can_cuoc', [1, 1], { ho_ten: 'ANH' }), run('khac', [2, 2], {})]);
    expect(outcomeKey(moved)).not.toBe(outcomeKey(list));
  });
});
