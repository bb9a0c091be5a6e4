import { describe, expect, it } from 'vitest';
import type { RecognizablePage } from '../../page-model.js';
import { loadRulePack, pageFromLines, recognize } from '../index.js';
import { placeIndex, restorePlaceNames } from '../place-names.js';
import { CU_TRU } from './sample-documents.js';

const pack = loadRulePack();
const places = placeIndex(pack.places);

function toPages(docs: string[][]): RecognizablePage[] {
  return docs.map((lines, i) => ({ number: i + 1, text: pageFromLines(lines) }));
}

describe('listed place names', () => {
  // Read with a mark lost or swapped -> as listed (a district, a ward, a street, a commune).
  const damaged: Array<[string, string]> = [
    ['Số 12, phố Huế, quận Hai Ba Trưng, Hà Nội', 'Hai Bà Trưng'],
    ['Ấp 2, xã Tân Thông Hội, huyện Củ Chị, TP. Hồ Chí Minh', 'Củ Chi'],
    ['Tổ 3, phường Nhơn Binh, Quy Nhơn, Bình Định', 'Nhơn Bình'],
    ['Số 5, đường Võ Thi Sáu, Phường 7, Quận 3', 'Võ Thị Sáu'],
    ['Thôn 1, xã Vấn Nội, huyện Đông Anh, Hà Nội', 'Vân Nội'],
  ];
  it.each(damaged)('restores the listed marks in "%s"', (read, listed) => {
    const r = restorePlaceNames(read, places);
    expect(r.value).toContain(listed);
    expect(r.restored).toHaveLength(1);
  });

  it('keeps the case printed: capitals in a header, after a capitalised unit word', () => {
    expect(restorePlaceNames('UBND QUẬN HAI BA TRƯNG', places).value).toBe('UBND QUẬN HAI BÀ TRƯNG');
    expect(restorePlaceNames('Phường Nhơn Binh, TP. Quy Nhơn', places).value).toBe('Phường Nhơn Bình, TP. Quy Nhơn');
  });

  it('leaves names printed as listed, either tone placement, and runs inside a longer name', () => {
    expect(restorePlaceNames('xã Hoà Vang, Đà Nẵng', places).restored).toEqual([]);
    expect(restorePlaceNames('quận Hai Bà Trưng, Hà Nội', places).restored).toEqual([]);
    // "Tân Binh" inside the longer name of a person or a company is not the district.
    expect(restorePlaceNames('Công ty Nông Sản Tân Binh Phát', places).restored).toEqual([]);
    // Lower-case words are no place name.
    expect(restorePlaceNames('ban hành quy định về thanh tra', places).restored).toEqual([]);
  });

  it('reports a name that folds to several listed places printed differently', () => {
    const r = restorePlaceNames('xã Tam Hiệp, huyện Thanh Tri, Hà Nội', places);
    expect(r.restored).toEqual([]);
    expect(r.ambiguous).toEqual(['Thanh Tri']);
  });

  it('restores a place name of a recognised address', () => {
    const damaged = CU_TRU.pages.map((p) => p.map((l) => l.replace('huyện Phú Hòa', 'huyện Phù Hòa')));
    const [c] = recognize(toPages(damaged), pack);
    expect(c!.fields.noi_thuong_tru?.value).toBe('Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên');
    expect(c!.status).toBe('accepted');
  });
});
