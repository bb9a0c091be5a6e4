import { describe, expect, it } from 'vitest';
import type { RecognizablePage } from '../../page-model.js';
import { bareNameWords, bareWordsInCapitals } from '../bare-name-words.js';
import { loadRulePack, pageFromLines, recognize } from '../index.js';
import { betterProperNameRuns } from '../name-consensus.js';
import { prepareLines } from '../page-lines.js';
import { restorePhrases } from '../phrase-restore.js';
import { hornFromApostrophe, parsePersonName } from '../value-parsers.js';
import { cutName } from '../value-plausibility.js';
import { CAN_CUOC, CONG_VAN, CU_TRU, QUYET_DINH } from './sample-documents.js';

const pack = loadRulePack();
const given = pack.settings.names.givenNames;

function toPages(docs: string[][]): RecognizablePage[] {
  return docs.map((lines, i) => ({ number: i + 1, text: pageFromLines(lines) }));
}

/** The pages with some lines replaced by others (a line OCR wrapped, cut or lost). */
function replaced(pages: string[][], lines: Record<string, string[]>): string[][] {
  return pages.map((p) => p.flatMap((l) => lines[l] ?? [l]));
}

describe('names printed without marks', () => {
  it('finds a bare word that is no given name while marked ones fold to it', () => {
    expect(bareNameWords('LÊ MINH HỮU HUNG', given)).toEqual([{ word: 'HUNG', candidates: ['Hùng', 'Hưng'] }]);
    expect(bareNameWords('NGUYỄN QUANG TUNG', given).map((b) => b.word)).toEqual(['TUNG']);
    // A mark OCR added: "Nhưng" is no name, "Nhung" is.
    expect(bareNameWords('MAI THU NHƯNG', given)).toEqual([{ word: 'NHƯNG', candidates: ['Nhung'] }]);
  });

  it('finds a word of an organisation name in capitals that lost its marks, not a marked word', () => {
    expect(bareWordsInCapitals('CÔNG TY TNHH NÔNG SẢN HUNG THỊNH', given)).toEqual([
      { word: 'HUNG', candidates: ['Hùng', 'Hưng'] },
    ]);
    // "DỰNG" folds like the name "Dũng" but kept its own marks; "AN" and "MINH" are names printed so.
    expect(bareWordsInCapitals('CÔNG TY CỔ PHẦN XÂY DỰNG AN MINH', given)).toEqual([]);
  });

  it('accepts given names that have no marks, marked words and the surname', () => {
    expect(bareNameWords('TRẦN THỊ LAN', given)).toEqual([]);
    expect(bareNameWords('PHAN MINH HÙNG', given)).toEqual([]);
    expect(bareNameWords('HOANG VĂN AN', given)).toEqual([]);
    // Either tone placement of a listed name.
    expect(bareNameWords('LÊ THỊ THUỶ', given)).toEqual([]);
  });

  it('sends a component whose holder name lost its marks to review', () => {
    const damaged = CAN_CUOC.pages.map((p) => p.map((l) => l.replace('NGUYỄN VĂN AN', 'NGUYỄN VĂN TUAN')));
    const [c] = recognize(toPages(damaged), pack);
    expect(c!.status).toBe('needs_review');
    expect(c!.reasons.join(' ')).toMatch(/TUAN is no known name \(Tuấn\?\)/);
  });

  it('reads an apostrophe after u or o as the horn OCR split off', () => {
    expect(hornFromApostrophe('THU’')).toBe('THƯ');
    expect(hornFromApostrophe("SO'N")).toBe('SƠN');
    expect(hornFromApostrophe("K'HO")).toBe("K'HO");
    expect(parsePersonName('LƯƠNG BÍCH KIM THU’')?.value).toBe('LƯƠNG BÍCH KIM THƯ');
  });
});

describe('names cut short in running text', () => {
  it('finds a person introduced by one word only', () => {
    expect(cutName('Chuyển nhượng thửa đất số 25 từ bà Lý')).toBe('bà Lý');
    expect(cutName('Chuyển nhượng thửa đất số 25 từ bà Lý Hồng Ánh')).toBeNull();
    expect(cutName('Cấp giấy phép cho ông')).toBeNull();
  });
});

describe('marks from other printings and phrases', () => {
  it('takes the marks of capitalised word pairs of an address from the richer printing', () => {
    const lines = prepareLines(
      1,
      pageFromLines(['Địa điểm: Xóm Chùa, xã Hoằng Quý, huyện Hoằng Hóa, tỉnh Thanh Hóa', 'Nơi ở: thị trấn Núi Đèo']),
    );
    expect(betterProperNameRuns('Xóm Chùa, huyện Hoang Hóa, tỉnh Thanh Hóa', lines)).toBe(
      'Xóm Chùa, huyện Hoằng Hóa, tỉnh Thanh Hóa',
    );
    expect(betterProperNameRuns('Tổ dân phố 4, NÚI DEO, Thủy Nguyên', lines)).toBe(
      'Tổ dân phố 4, NÚI ĐÈO, Thủy Nguyên',
    );
    // Nothing richer printed: null.
    expect(betterProperNameRuns('Số 60, Hưng Binh, Vinh', lines)).toBeNull();
  });

  it('restores a two-word phrase that lost every mark, except capitalised words of mixed-case text', () => {
    expect(restorePhrases('CÔNG TY CỔ PHẦN NONG SAN PHÚC LỘC', pack).value).toBe('CÔNG TY CỔ PHẦN NÔNG SẢN PHÚC LỘC');
    expect(restorePhrases('Đăng ký thường tru', pack).value).toBe('Đăng ký thường trú');
    expect(restorePhrases('thôn Long An, xã Thanh Hoa', pack).restored).toEqual([]);
  });

  it('reads back a Đ that OCR read as B or P inside a known phrase', () => {
    expect(restorePhrases('Bang ký khai sinh', pack).value).toBe('Đăng ký khai sinh');
    expect(restorePhrases('PĂNG KÝ KHAI SINH', pack).value).toBe('ĐĂNG KÝ KHAI SINH');
    // A B the phrase does not print as Đ stays: "Ban" of "Ủy ban nhân dân".
    expect(restorePhrases('Ủy ban nhân dân', pack).restored).toEqual([]);
    expect(restorePhrases('Bản sao khai sinh', pack).restored).toEqual([]);
    // A B with marks of its own is a word of its own: "toàn bộ thửa đất" is no "bản đồ thửa đất".
    expect(restorePhrases('toàn bộ thửa đất số 722, tờ bản đồ số 59', pack).restored).toEqual([]);
  });
});

describe('the issue date of a decision', () => {
  it('joins a year wrapped with its "năm" onto the next line', () => {
    const wrapped = QUYET_DINH.pages.map((p) =>
      p.flatMap((l) =>
        l === '>>Quy Nhơn, ngày 20 tháng 10 năm 2023' ? ['>>Quy Nhơn, ngày 20 tháng 10', '>>năm 2023'] : [l],
      ),
    );
    const [c] = recognize(toPages(wrapped), pack);
    expect(c!.fields.ngay_ban_hanh?.value).toBe('2023-10-20');
  });

  it('takes the year OCR read after the number of the left column', () => {
    const wrapped = QUYET_DINH.pages.map((p) =>
      p.flatMap((l) =>
        l === '>>Quy Nhơn, ngày 20 tháng 10 năm 2023'
          ? ['>>Quy Nhơn, ngày 20 tháng 10']
          : l === 'Số: 1234/QĐ-UBND'
            ? ['Số: 1234/QĐ-UBND năm 2023']
            : [l],
      ),
    );
    const lines = wrapped[0]!;
    const at = lines.indexOf('>>Quy Nhơn, ngày 20 tháng 10');
    // The number line follows the place-and-date line, as OCR orders the two columns.
    const ordered = [...lines.filter((l) => l !== 'Số: 1234/QĐ-UBND năm 2023')];
    ordered.splice(at, 0, 'Số: 1234/QĐ-UBND năm 2023');
    const [c] = recognize(toPages([ordered, ...wrapped.slice(1)]), pack);
    expect(c!.fields.ngay_ban_hanh?.value).toBe('2023-10-20');
  });

  it('keeps the wrapped year out of the abstract OCR read on the same line', () => {
    const [c] = recognize(
      toPages(
        replaced(CONG_VAN.pages, {
          '>>Phú Hòa, ngày 03 tháng 11 năm 2023': ['>>Phú Hòa, ngày 03 tháng 11'],
          'V/v triển khai số hóa hồ sơ thủ tục hành chính': [
            'V/v triển khai số hóa hồ sơ thủ tục năm 2023',
            'hành chính',
          ],
        }),
      ),
      pack,
    );
    expect(c!.fields.ngay_ban_hanh?.value).toBe('2023-11-03');
    expect(c!.fields.trich_yeu?.value).toBe('V/v triển khai số hóa hồ sơ thủ tục hành chính');
  });

  it('sends a value read up to a separator to review: its next part was not read', () => {
    const cut = replaced(CU_TRU.pages, {
      '5. Nơi thường trú: Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên': ['5. Nơi thường trú: Thôn 3, xã Hòa An,'],
    });
    const [c] = recognize(toPages(cut), pack);
    expect(c!.fields.noi_thuong_tru?.value).toBe('Thôn 3, xã Hòa An');
    expect(c!.status).toBe('needs_review');
    expect(c!.reasons.join(' ')).toMatch(/noi_thuong_tru: value ends with a separator/);
    const [whole] = recognize(toPages(CU_TRU.pages), pack);
    expect(whole!.status).toBe('accepted');
  });

  it('sends a date found only in running text to review', () => {
    const noDateLine = QUYET_DINH.pages.map((p) => p.filter((l) => !l.includes('Quy Nhơn, ngày')));
    const [c] = recognize(toPages(noDateLine), pack);
    expect(c!.fields.ngay_ban_hanh?.value).toBe('2013-11-29');
    expect(c!.status).toBe('needs_review');
    expect(c!.reasons.join(' ')).toMatch(/ngay_ban_hanh: date taken from running text/);
  });
});

describe('common two-word phrases of the pack', () => {
  it('restore a word that lost every mark beside one that kept its own', () => {
    expect(restorePhrases('nhận kết qua thủ tục', pack).value).toBe('nhận kết quả thủ tục');
    expect(restorePhrases('Tai nhà, Thôn 3', pack).value).toBe('Tại nhà, Thôn 3');
    expect(restorePhrases('HỘ KINH DOANH CUA HÀNG HIẾU LỘC', pack).value).toBe('HỘ KINH DOANH CỬA HÀNG HIẾU LỘC');
  });
});
