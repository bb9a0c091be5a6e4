import { describe, expect, it } from 'vitest';
import type { RecognizablePage } from '../../page-model.js';
import { loadRulePack, pageFromLines, parseCode, recognize } from '../index.js';
import { restorePhrases } from '../phrase-restore.js';
import {
  afterProvince,
  danglingEnd,
  implausibleWords,
  plausibilityProblems,
  repeatedRun,
  unknownNumberedWord,
  wordVocabulary,
} from '../value-plausibility.js';
import { isVietnameseSyllable, parseSyllable, splitGluedSyllables } from '../vietnamese-syllables.js';
import { CAN_CUOC, HOA_DON, HOP_DONG } from './sample-documents.js';

const pack = loadRulePack();
const vocabulary = wordVocabulary(pack.settings);

function toPages(docs: string[][]): RecognizablePage[] {
  return docs.map((lines, i) => ({ number: i + 1, text: pageFromLines(lines) }));
}

describe('Vietnamese syllables', () => {
  it('accepts well-formed syllables, upper or lower case', () => {
    for (const w of ['Nguyễn', 'HUỲNH', 'quyết', 'Quỳnh', 'giêng', 'gì', 'khuỷu', 'thuở', 'xoong', 'ĐƯỜNG', 'nghiêng'])
      expect(isVietnameseSyllable(w), w).toBe(true);
    expect(parseSyllable('đất')).toEqual({ onset: 'đ', rhyme: 'ât', tone: 'sac' });
  });

  it('rejects marks lost or swapped by OCR, foreign letters and double tones', () => {
    // "XUÂN" without the circumflex; "iê" without it; stop finals need sắc or nặng; no rhyme "oo" alone.
    for (const w of ['XUAN', 'BIEN', 'dat', 'DICH', 'đòo', 'expiry', 'Qb', 'kan', 'ghang', 'tóà'])
      expect(isVietnameseSyllable(w), w).toBe(false);
  });

  it('splits two syllables glued together, not a damaged single one', () => {
    expect(splitGluedSyllables('THỊPHƯỢNG')).toEqual(['THỊ', 'PHƯỢNG']);
    expect(splitGluedSyllables('XUAN')).toBeNull();
  });
});

describe('value plausibility', () => {
  it('lists words no correct printing contains, but not abbreviations or listed place syllables', () => {
    expect(implausibleWords('UBND TP. HỒ CHÍ MINH SỞ XÂY DỰNG', vocabulary)).toEqual([]);
    expect(implausibleWords('Thôn 3, xã Ea Tu, huyện Krông Pắc, tỉnh Đắk Lắk', vocabulary)).toEqual([]);
    expect(implausibleWords('V/v cấp giấy phép xây dựng', vocabulary)).toEqual([]);
    expect(implausibleWords('LÊ THỊPHƯỢNG', vocabulary)).toEqual([{ word: 'THỊPHƯỢNG', reason: 'glued' }]);
    expect(implausibleWords('UY BAN NHÂN DAN HUYỆN PHONG BIEN', vocabulary).map((w) => w.word)).toEqual(['BIEN']);
    expect(implausibleWords('Bình Thạnh, ; TP. Hồ Chí Minh', vocabulary)).toEqual([
      { word: ', ;', reason: 'stray mark' },
    ]);
    expect(implausibleWords('Khối 5, xã Vân Nội c)', vocabulary).map((w) => w.word)).toEqual(['c']);
  });

  it('finds values cut short and lines read twice', () => {
    const dangling = vocabulary.dangling;
    expect(danglingEnd('Chuyển nhượng thửa đất số 923 từ bà', dangling)).toBe('bà');
    expect(danglingEnd('Chuyển nhượng thửa đất số 923 từ bà Lý Ngọc Ánh', dangling)).toBeNull();
    expect(repeatedRun('Quận 3, Thành phố Hồ Chí Minh Thành phố Hồ', 3)).toBe('thành phố hồ');
    expect(repeatedRun('Thôn Trung, Phong Điền, Phong Điền, Cần Thơ', 3)).toBeNull();
  });

  it('finds a misread word where an address unit word precedes a number', () => {
    const units = vocabulary.numbered;
    expect(unknownNumberedWord('Số 114, hỏm 12 đường Nguyễn Trãi', units)).toBe('hỏm');
    expect(unknownNumberedWord('Số 114, hẻm 12 đường Nguyễn Trãi, Phường 9, Quận 3', units)).toBeNull();
  });

  it('sends an amount in words cut before "đồng" to review', () => {
    const cut = HOA_DON.pages.map((p) => p.map((l) => l.replace('tám mươi nghìn đồng', 'tám mươi nghìn')));
    const [c] = recognize(toPages(cut), pack);
    expect(c!.status).toBe('needs_review');
    expect(c!.reasons.join(' ')).toMatch(/so_tien_bang_chu: amount in words does not end with "đồng"/);
  });

  it('flags a surname that resembles a listed one without being it', () => {
    const damaged = CAN_CUOC.pages.map((p) => p.map((l) => l.replace('NGUYỄN VĂN AN', 'ĐỈNH VĂN AN')));
    const [c] = recognize(toPages(damaged), pack);
    expect(c!.status).toBe('needs_review');
    expect(c!.reasons.join(' ')).toMatch(/ho_ten: surname read ĐỈNH, check ĐINH/);
  });

  it('sends a component whose name lost a circumflex to review, and accepts the clean one', () => {
    const [clean] = recognize(toPages(CAN_CUOC.pages), pack);
    expect(clean!.status).toBe('accepted');
    const damaged = CAN_CUOC.pages.map((p) =>
      p.map((l) => l.replace('Place of residence: ', 'Place of residence: Xuan ')),
    );
    const [c] = recognize(toPages(damaged), pack);
    expect(c!.status).toBe('needs_review');
    expect(c!.reasons.join(' ')).toMatch(/implausible words \(Xuan: not a syllable\)/);
  });

  it('merges a name word by word from its printings in the dossier', () => {
    const pages = CAN_CUOC.pages.map((p) => p.map((l) => l.replace('NGUYỄN VĂN AN', 'NGUYEN VĂN ÂN')));
    const [c] = recognize(toPages([...pages.slice(0, -1), [...pages.at(-1)!, 'NGUYỄN VAN AN']]), pack);
    expect(c!.fields.ho_ten?.value).toBe('NGUYỄN VĂN ÂN');
  });
});

describe('addresses end with a province', () => {
  const provinces = vocabulary.provinces;

  it('accepts an address running down to its province, however printed', () => {
    expect(afterProvince('Thôn 3, thị trấn Diễn Châu, huyện Diễn Châu, tỉnh Nghệ An', provinces)).toBeNull();
    expect(afterProvince('Số 209, đường Lê Lợi, Phường 9, Quận 3, TP. HCM', provinces)).toBeNull();
    expect(afterProvince('Số 12, phường Vĩnh Ninh, thành phố Huế.', provinces)).toBeNull();
    expect(afterProvince('xã Ea Kênh, huyện Krông Pắc, tỉnh Đắk Lak', provinces)).toBeNull();
  });

  it("flags one cut at a line break or carrying the next column's words", () => {
    expect(afterProvince('Số 209, đường Lê Lợi, Phường 9, Quận 3, TP. Hồ Chí Minh hạn', provinces)).toBe('Minh hạn');
    expect(afterProvince('Số 114, hẻm 12 đường Nguyễn Trãi, phường Ea Tam,', provinces)).toBe('Ea Tam,');
    const type = pack.byCode.get('can_cuoc')!;
    const field = (value: string) => ({ value, raw: value, confidence: 0.95, page: 1, bbox: null });
    const problems = plausibilityProblems(
      type,
      { noi_thuong_tru: field('Xóm Chùa, Phước Vĩnh An, Củ Chi, TP.') },
      {},
      new Set(),
      pack.settings,
    );
    expect(problems.join('\n')).toMatch(/noi_thuong_tru: address ends with "Chi, TP\.", not a province/);
  });
});

describe('phrase restoration', () => {
  it('restores a mark slipped inside a known administrative phrase, keeping case', () => {
    expect(restorePhrases('UBND TP. HỒ CHÍ MINH SỞ XÂY DỤNG', pack).value).toBe('UBND TP. HỒ CHÍ MINH SỞ XÂY DỰNG');
    expect(restorePhrases('Nhận chuyến nhượng quyền sử dụng đất', pack).value).toBe(
      'Nhận chuyển nhượng quyền sử dụng đất',
    );
  });

  it('restores a word that lost every mark beside a word of its phrase that kept its own', () => {
    expect(restorePhrases('Sở Kế hoạch và Đầu tư, Phòng Đăng ky kinh doanh', pack).value).toBe(
      'Sở Kế hoạch và Đầu tư, Phòng Đăng ký kinh doanh',
    );
    expect(restorePhrases('Thôn Trung, xã Ea Kênh, huyện Krông Pắc, tỉnh Đắk Lak', pack).value).toBe(
      'Thôn Trung, xã Ea Kênh, huyện Krông Pắc, tỉnh Đắk Lắk',
    );
    expect(restorePhrases('Phường 17, Bình Thạnh, TP. Hồ Chi Minh', pack).value).toBe(
      'Phường 17, Bình Thạnh, TP. Hồ Chí Minh',
    );
    expect(restorePhrases('CÔNG TY TNHH NÔNG SAN AN BÌNH', pack).value).toBe('CÔNG TY TNHH NÔNG SẢN AN BÌNH');
    // Both words bare, or a word with other marks: no evidence which marks were lost.
    expect(restorePhrases('thôn Long An, xã Thanh Hoa', pack).restored).toEqual([]);
    expect(restorePhrases('dẫn số', pack).restored).toEqual([]);
    // Two words inside a longer phrase are no phrase of their own: the ward Mai Dịch is no "thương mại dịch vụ".
    expect(restorePhrases('phường Mai Dịch, quận Cầu Giấy, thành phố Hà Nội', pack).restored).toEqual([]);
  });

  it('leaves tone-placement variants and words outside known phrases alone', () => {
    expect(restorePhrases('UỶ BAN NHÂN DÂN HUYỆN', pack).restored).toEqual([]);
    expect(restorePhrases('Về việc hướng dẫn số hóa hồ sơ', pack).restored).toEqual([]);
  });
});

describe('page typing without positive continuation evidence', () => {
  it('starts a khac component at a page opening with a heading of its own, not at a numbered article page', () => {
    const other = ['BẢNG GIÁ DỊCH VỤ PHOTO', 'Photo A4 một mặt: 500 đồng/trang.', 'Ép plastic: 5.000 đồng/cái.'];
    const components = recognize(toPages([...HOP_DONG.pages, other]), pack);
    expect(components.map((c) => [c.type, c.pages])).toEqual([
      ['hop_dong_chuyen_nhuong', [1, HOP_DONG.pages.length]],
      ['khac', [HOP_DONG.pages.length + 1, HOP_DONG.pages.length + 1]],
    ]);
  });

  it('keeps an unread page (ink, no text) out of the previous component', () => {
    const pages = toPages(HOP_DONG.pages);
    const unread = pageFromLines([]);
    const components = recognize([...pages, { number: pages.length + 1, text: unread }], pack);
    expect(components.at(-1)!.type).toBe('khac');
    expect(components.at(-1)!.pages).toEqual([pages.length + 1, pages.length + 1]);
    // A blank page (no text at all) still joins its neighbour.
    const withBlank = recognize([...pages, { number: pages.length + 1, text: null }], pack);
    expect(withBlank).toHaveLength(1);
  });
});

describe('fields read mid-sentence', () => {
  it('reads a map sheet number followed by another label, and a register entry with five digits', () => {
    const lines = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'VĂN BẢN THỎA THUẬN PHÂN CHIA DI SẢN THỪA KẾ',
      'Quyền sử dụng đất tại thửa đất số 1008, tờ bản đồ số 34, địa chỉ: Khối 5, xã Nhơn Phong',
    ];
    const [c] = recognize(toPages([lines]), pack);
    expect(c!.fields.thua_dat_so?.value).toBe('1008');
    expect(c!.fields.to_ban_do_so?.value).toBe('34');
    expect(parseCode('CS 04145')?.value).toBe('CS 04145');
  });
});

describe('figures wrapped onto the next line', () => {
  it('takes a date that opens the line after a label ending a sentence line', () => {
    const lines = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'VĂN BẢN THỎA THUẬN PHÂN CHIA DI SẢN THỪA KẾ',
      'Người để lại di sản: Ông VŨ MINH SƠN, sinh năm 1945, đã chết ngày',
      '06/07/2014 theo Trích lục khai tử số 33/TLKT.',
    ];
    const [c] = recognize(toPages([lines]), pack);
    expect(c!.fields.ngay_chet?.value).toBe('2014-07-06');
  });
});

describe('wrapped remainders that look like labels', () => {
  it('keeps a lone wrapped word that folds like a label ("bạ" / "Bà") in the value above', () => {
    const lines = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'GIẤY ỦY QUYỀN',
      'II. Nội dung ủy quyền: Liên hệ cơ quan thuế kê khai, nộp thuế và lệ phí trước',
      'bạ',
      'IV. Thời hạn ủy quyền: Kể từ ngày ký đến khi hoàn thành công việc',
    ];
    const [c] = recognize(toPages([lines]), pack);
    expect(c!.fields.noi_dung_uy_quyen?.value).toBe('Liên hệ cơ quan thuế kê khai, nộp thuế và lệ phí trước bạ');
  });
});

describe('agency header run into the place-date line', () => {
  it('keeps the capitals before the place-date as the agency line', () => {
    const lines = [
      'UBND HÀ NỘI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ TÀI NGUYÊN VÀ MÔI Độc lập - Tự do - Hạnh phúc',
      'TRƯỜNG Hà Nội, ngày 21 tháng 9 năm 2021',
      'Số: 229/STNMT-QLĐĐ',
      'V/v giải quyết hồ sơ đăng ký biến động',
      'Kính gửi: Văn phòng đăng ký đất đai Hà Nội',
      'Thực hiện Thông tư số 01/2023/TT-VPCP, Sở đề nghị các đơn vị giải quyết hồ sơ.',
    ];
    const [c] = recognize(toPages([lines]), pack);
    expect(c!.type).toBe('cong_van');
    expect(c!.fields.co_quan_ban_hanh?.value).toBe('UBND HÀ NỘI SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG');
  });
});
