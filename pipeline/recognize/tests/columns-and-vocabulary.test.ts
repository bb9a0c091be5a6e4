import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrWord, PageText, RecognizablePage } from '../../page-model.js';
import { crossCheck } from '../cross-checks.js';
import { itemNumber } from '../extract-fields.js';
import { loadRulePack, pageFromLines, recognize } from '../index.js';
import { restorePhrases } from '../phrase-restore.js';
import { fromVocabulary, parseTaxCode } from '../value-parsers.js';
import { plausibilityProblems } from '../value-plausibility.js';
import { CAN_CUOC, CU_TRU, HOA_DON, HOP_DONG, LPTB, NOP_TIEN, QUYET_DINH } from './sample-documents.js';

const pack = loadRulePack();

const WIDTH = 2480;
const CHAR = 24;
const LINE = 60;

function words(text: string, x: number, y: number): OcrWord[] {
  return text
    .split(' ')
    .filter(Boolean)
    .map((w) => {
      const box = { x0: x, y0: y, x1: x + w.length * CHAR, y1: y + LINE - 15 };
      x = box.x1 + CHAR;
      return { text: w, confidence: 0.95, bbox: box };
    });
}

/** Rows of [left column, right column] (a string alone spans the page), the right column at mid-page. */
function twoColumnPage(rows: Array<string | [string, string]>, rightX = 1300): PageText {
  const lines: OcrLine[] = rows.map((row, i) => {
    const y = 100 + i * LINE;
    const ws = typeof row === 'string' ? words(row, 150, y) : [...words(row[0], 150, y), ...words(row[1], rightX, y)];
    return {
      text: ws.map((w) => w.text).join(' '),
      confidence: 0.95,
      bbox: { x0: ws[0]!.bbox.x0, y0: y, x1: ws.at(-1)!.bbox.x1, y1: y + LINE - 15 },
      words: ws,
    };
  });
  return { width: WIDTH, height: 3508, lines, text: lines.map((l) => l.text).join('\n'), confidence: 0.95 };
}

/** Recognises a sample with some of its lines replaced by others (OCR wrapping, cutting or losing them). */
function recognizeEdited(pages: string[][], edits: Record<string, string[]>) {
  const edited = pages.map((p) => p.flatMap((l) => edits[l] ?? [l]));
  return recognize(
    edited.map((lines, i) => ({ number: i + 1, text: pageFromLines(lines) })),
    pack,
  );
}

const values = (fields: Record<string, { value: string }>) =>
  Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.value]));

describe('party blocks side by side', () => {
  it('reads the husband and wife columns of a marriage certificate each on its own', () => {
    const page = twoColumnPage([
      'GIẤY CHỨNG NHẬN KẾT HÔN',
      'Số: 105, Quyển số: 02/2023',
      ['Thông tin về người chồng', 'Thông tin về người vợ'],
      ['Họ, chữ đệm, tên chồng: DƯƠNG HỮU', 'Họ, chữ đệm, tên vợ: TRẦN MỸ THƯ'],
      ['ĐẠT', 'Ngày, tháng, năm sinh của vợ:'],
      ['Ngày, tháng, năm sinh của chồng:', '09/12/1983'],
      ['19/12/1990', 'Dân tộc: Kinh'],
      ['Số định danh cá nhân của chồng:', 'Số định danh cá nhân của vợ:'],
      ['040090875802', '092183127864'],
      'Nơi đăng ký: Ủy ban nhân dân phường An Hòa, quận Ninh Kiều, thành phố Cần Thơ, ngày 28/11/2023',
    ]);
    const [c] = recognize([{ number: 1, text: page }], pack);
    expect(c!.type).toBe('giay_chung_nhan_ket_hon');
    expect(values(c!.fields)).toMatchObject({
      ho_ten_chong: 'DƯƠNG HỮU ĐẠT',
      ngay_sinh_chong: '1990-12-19',
      so_dinh_danh_chong: '040090875802',
      ho_ten_vo: 'TRẦN MỸ THƯ',
      ngay_sinh_vo: '1983-12-09',
      so_dinh_danh_vo: '092183127864',
    });
    expect(c!.fields.noi_dang_ky?.value).toMatch(/^Ủy ban nhân dân phường An Hòa/);
  });

  it('keeps a narrow gutter, and ends the columns at a row below the blocks even when a space falls on the edge', () => {
    // The left column runs to one space before the right one; "Nơi đăng ký" has a word break on the edge.
    const page = twoColumnPage(
      [
        'GIẤY CHỨNG NHẬN KẾT HÔN',
        ['Thông tin về người chồng', 'Thông tin về người vợ'],
        ['Họ, chữ đệm, tên chồng: HUỲNH CÔNG', 'Họ, chữ đệm, tên vợ: LÊ THỊ THỦY'],
        ['HỮU TRƯỜNG', 'Ngày, tháng, năm sinh của vợ: 07/08/1968'],
        ['Số định danh cá nhân của chồng:', 'Số định danh cá nhân của vợ:'],
        ['040087340007', '048168309177'],
        ['Nơi đăng ký: Ủy ban nhân dân xã', 'Tân Thạnh Đông, Thành phố Hồ Chí Minh'],
      ],
      150 + 'Họ, chữ đệm, tên chồng: HUỲNH CÔNG'.length * CHAR + 2 * CHAR,
    );
    const [c] = recognize([{ number: 1, text: page }], pack);
    expect(values(c!.fields)).toMatchObject({
      ho_ten_chong: 'HUỲNH CÔNG HỮU TRƯỜNG',
      so_dinh_danh_chong: '040087340007',
      so_dinh_danh_vo: '048168309177',
      noi_dang_ky: 'Ủy ban nhân dân xã Tân Thạnh Đông, Thành phố Hồ Chí Minh',
    });
  });

  it('leaves the page as read when the first row already runs across the edge', () => {
    const page = twoColumnPage([
      'GIẤY CHỨNG NHẬN KẾT HÔN',
      ['Thông tin về người chồng', 'Thông tin về người vợ'],
      'Họ, chữ đệm, tên chồng: LÊ QUỐC KIÊN Họ, chữ đệm, tên vợ: ĐỖ THỊ DIỆP',
      'Số định danh cá nhân của chồng: 001091497308',
    ]);
    const [c] = recognize([{ number: 1, text: page }], pack);
    expect(c!.fields.so_dinh_danh_chong?.value).toBe('001091497308');
    expect(c!.fields.ho_ten_chong?.value).toMatch(/^LÊ QUỐC KIÊN/);
  });

  it("sends a husband's ID with a woman's century-and-sex digit to review", () => {
    const page = pageFromLines([
      'GIẤY CHỨNG NHẬN KẾT HÔN',
      'Thông tin về người chồng',
      'Họ, chữ đệm, tên chồng: DƯƠNG ĐỨC ĐÔNG',
      'Ngày, tháng, năm sinh của chồng: 15/01/1980',
      'Số định danh cá nhân của chồng: 038180975880',
    ]);
    const [c] = recognize([{ number: 1, text: page }], pack);
    expect(c!.status).toBe('needs_review');
    expect(c!.reasons.join('\n')).toMatch(/so_dinh_danh_chong/);
  });
});

describe('invoice signature captions', () => {
  it('are not read as the seller or the buyer', () => {
    const page = pageFromLines([
      'HÓA ĐƠN GIÁ TRỊ GIA TĂNG',
      'Ký hiệu (Serial): 1C24THD',
      'Mã số thuế: 0100109106',
      'Tổng cộng tiền thanh toán: 1.500.000',
      'Người mua hàng Người bán hàng',
    ]);
    const [c] = recognize([{ number: 1, text: page }], pack);
    expect(c!.type).toBe('hoa_don_dien_tu');
    expect(c!.fields.ten_nguoi_ban).toBeUndefined();
    expect(c!.fields.ten_nguoi_mua).toBeUndefined();
  });

  it('are no side-by-side party blocks: a value above them does not run into them', () => {
    const page = twoColumnPage([
      'HÓA ĐƠN GIÁ TRỊ GIA TĂNG',
      'Tổng cộng tiền thanh toán: 49.245.300',
      'Số tiền viết bằng chữ: Bốn mươi chín triệu hai trăm bốn mươi lăm nghìn ba trăm đồng cho hàng hóa đã giao',
      ['Người mua hàng', 'Người bán hàng'],
      ['(Ký, ghi rõ họ tên)', 'Ký bởi: CÔNG TY TNHH AN KHANG'],
    ]);
    const [c] = recognize([{ number: 1, text: page }], pack);
    expect(c!.fields.so_tien_bang_chu?.value).not.toMatch(/Người/);
  });
});

describe('identity card labels', () => {
  it('takes the value below a bilingual label and drops specks before a name', () => {
    const pages: RecognizablePage[] = [
      {
        number: 1,
        text: pageFromLines([
          'CĂN CƯỚC',
          'IDENTITY CARD',
          'Số định danh cá nhân / Personal identification number',
          '066188162384',
          'Họ, chữ đệm và tên khai sinh / Full name',
          '& NGUYỄN THỊ HẠNH',
          'Ngày, tháng, năm sinh / Date of birth: 10/07/1988',
          'Giới tính / Sex: Nữ Quốc tịch / Nationality: Việt',
        ]),
      },
    ];
    const [c] = recognize(pages, pack);
    expect(values(c!.fields)).toMatchObject({
      so_dinh_danh: '066188162384',
      ho_ten: 'NGUYỄN THỊ HẠNH',
      ngay_sinh: '1988-07-10',
      quoc_tich: 'Việt Nam',
    });
  });
});

describe('a form number at the top of a page', () => {
  it('starts a new component even when OCR spoiled the title beside it', () => {
    const damaged = NOP_TIEN.pages[0]!.flatMap((l) =>
      l === 'Mẫu số: C1-02/NS'
        ? []
        : l === 'GIẤY NỘP TIỀN VÀO NGÂN SÁCH NHÀ NƯỚC'
          ? ['GIAY NOP TIỀN VÀO NGÂN SÁCH. Mẫu số: C1-02/NS']
          : [l],
    );
    const pages = [...HOA_DON.pages, damaged].map((lines, i) => ({ number: i + 1, text: pageFromLines(lines) }));
    const components = recognize(pages, pack);
    expect(components.map((c) => c.type)).toEqual(['hoa_don_dien_tu', 'giay_nop_tien_nsnn']);
    expect(components[1]!.fields.ma_so_thue?.value).toBe('0100684378');
  });
});

describe('a title whose Đ OCR read as P', () => {
  it('still names the type and starts a component', () => {
    // OCR runs the title into the serial printed beside it, so the line is no heading of its own either.
    const damaged = HOA_DON.pages[0]!.map((l) =>
      l === 'HÓA ĐƠN BÁN HÀNG' ? 'HÓA PON PIEN TỬ Ký hiệu (Serial): 2C25TAA' : l,
    );
    const pages = [...CU_TRU.pages, damaged].map((lines, i) => ({ number: i + 1, text: pageFromLines(lines) }));
    expect(recognize(pages, pack).map((c) => c.type)).toEqual(['xac_nhan_cu_tru', 'hoa_don_dien_tu']);
  });
});

describe('identity card expiry', () => {
  it("reads the expiry date after the wrapped remainder of the card's bilingual label", () => {
    // The photo column's label runs into the origin's second line; its remainder and the date follow.
    const [c] = recognizeEdited(CAN_CUOC.pages, {
      'Có giá trị đến / Date of expiry: 15/10/2029': [],
      'Quê quán / Place of origin: Xã Hòa An, Phú Hòa, Phú Yên': [
        'Quê quán / Place of origin: Xã Hòa An,',
        'C6 gia tri dén / Date of Phú Hòa, Phú Yên',
        'expiry: 15/10/2029',
      ],
    });
    expect(c!.fields.co_gia_tri_den?.value).toBe('2029-10-15');
  });
});

describe('values wrapped in a column', () => {
  it("continues a card's address in its column, past the photo column's text on the same OCR line", () => {
    const page = twoColumnPage(
      [
        'CĂN CƯỚC CÔNG DÂN',
        ['', 'Số: 038156447260'],
        ['', 'Họ và tên: TRẦN THỊ THU HẠNH'],
        ['', 'Ngày, tháng, năm sinh: 30/07/1956'],
        ['', 'Quê quán: Số 235, đường Nguyễn Văn Cừ,'],
        // A speck ("~~") in the gutter, one space before the right column.
        ['Có giá trị đến: Date of exp ~~', 'Nghĩa Đô, Cầu Giấy, Hà Nội'],
        ['Không thời hạn', 'Nơi thường trú: Thôn Trung, Bút Sơn, Hoằng Hóa'],
      ],
      900,
    );
    const [c] = recognize([{ number: 1, text: page }], pack);
    expect(c!.fields.que_quan?.value).toBe('Số 235, đường Nguyễn Văn Cừ, Nghĩa Đô, Cầu Giấy, Hà Nội');
    expect(c!.fields.noi_thuong_tru?.value).toBe('Thôn Trung, Bút Sơn, Hoằng Hóa');
  });

  it('still takes a wrapped line of body text whole', () => {
    const page = pageFromLines([
      'CĂN CƯỚC CÔNG DÂN',
      'Họ và tên: NGUYỄN VĂN AN',
      'Giới tính: Nam Nơi thường trú: Số 12, đường Lê Lợi,',
      'phường Bến Nghé, quận 1, thành phố Hồ Chí Minh',
    ]);
    const [c] = recognize([{ number: 1, text: page }], pack);
    expect(c!.fields.noi_thuong_tru?.value).toBe('Số 12, đường Lê Lợi, phường Bến Nghé, quận 1, thành phố Hồ Chí Minh');
  });
});

describe('closed vocabularies', () => {
  it('restores marks, completes a value cut short and flags an unknown one', () => {
    expect(fromVocabulary('Viet Nam', ['Việt Nam'])).toEqual({ value: 'Việt Nam', note: '' });
    expect(fromVocabulary('Việt', ['Việt Nam'])).toEqual({ value: 'Việt Nam', note: '' });
    expect(fromVocabulary('Viêt Nan', ['Việt Nam']).note).toMatch(/not one of the known values/);
    expect(fromVocabulary('Nam', ['Nam Phi', 'Nam Sudan']).note).toMatch(/not one of the known values/);
  });

  it('keeps the case the value was printed in', () => {
    expect(fromVocabulary('con đe', ['Con đẻ']).value).toBe('con đẻ');
    expect(fromVocabulary('CHU HO', ['Chủ hộ']).value).toBe('CHỦ HỘ');
    expect(fromVocabulary('Vo', ['Vợ']).value).toBe('Vợ');
  });

  it('reads the relation to the household head from the relation words, and reviews OCR debris after one', () => {
    const relation = (printed: string) => {
      const lines = CU_TRU.pages[0]!.map((l) =>
        l.includes('Quan hệ với chủ hộ') ? `8. Quan hệ với chủ hộ: ${printed}` : l,
      );
      const [c] = recognize([{ number: 1, text: pageFromLines(lines) }], pack);
      return { value: c!.fields.quan_he_voi_chu_ho?.value, status: c!.status, reasons: c!.reasons.join('\n') };
    };
    expect(relation('Con')).toMatchObject({ value: 'Con', status: 'accepted' });
    expect(relation('Cháu ngoai')).toMatchObject({ value: 'Cháu ngoại', status: 'accepted' });
    expect(relation('Bố vợ')).toMatchObject({ value: 'Bố vợ', status: 'accepted' });
    const debris = relation('Cháu TN');
    expect(debris.status).toBe('needs_review');
    expect(debris.reasons).toMatch(/quan_he_voi_chu_ho: "Cháu TN" is not one of the known values/);
    expect(relation('Con ký').status).toBe('needs_review');
  });
});

describe('plausibility of names and agency headers', () => {
  const field = (value: string) => ({ value, raw: value, confidence: 0.95, page: 1, bbox: null });

  it('flags a name syllable opening with a lone P, not one opening with PH', () => {
    const type = pack.byCode.get('hop_dong_chuyen_nhuong')!;
    const check = (name: string) =>
      plausibilityProblems(type, { ben_chuyen_nhuong: field(name) }, {}, new Set(), pack.settings);
    expect(check('PANG VĂN PHÚC').join('\n')).toMatch(/PANG/);
    expect(check('PHAN VĂN PHÚC')).toEqual([]);
  });

  it('accepts only listed abbreviations in a value printed in capitals', () => {
    const type = pack.byCode.get('cong_van')!;
    const check = (agency: string) =>
      plausibilityProblems(type, { co_quan_ban_hanh: field(agency) }, {}, new Set(), pack.settings);
    expect(check('UBND HẢI PHÒNG SỞ TÀI NGUYÊN VÀ MÔI HC').join('\n')).toMatch(/HC/);
    expect(check('UBND HẢI PHÒNG SỞ TÀI NGUYÊN VÀ MÔI T ỜN S').join('\n')).toMatch(/implausible/);
    expect(check('UBND HẢI PHÒNG SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG')).toEqual([]);
    expect(check('CÔNG TY TNHH MTV XÂY DỰNG AN PHÚ')).toEqual([]);
  });

  it('flags an agency header cut after its unit word', () => {
    const type = pack.byCode.get('quyet_dinh')!;
    const check = (agency: string) =>
      plausibilityProblems(type, { co_quan_ban_hanh: field(agency) }, {}, new Set(), pack.settings);
    expect(check('UỶ BAN NHÂN DÂN QUẬN').join('\n')).toMatch(/cut short/);
    expect(check('UỶ BAN NHÂN DÂN QUẬN 3')).toEqual([]);
  });
});

describe('pages that cannot be read', () => {
  const upsideDown = [
    '106 oonp TU5 U91 Ang 91 Áp 1B U11 19nX có Sọng',
    '-Ápnb T1 106 QUO BA T4 NYY OS notyd ugyN :z dong',
    "'19Ánb rpt8 UBD ONA YU] uoy) :1 cong",
    '.A1.QHL OS AVT AVIN ONNA.QS NVG ONONH',
  ];
  const pages = (docs: string[][]): RecognizablePage[] =>
    docs.map((lines, i) => ({ number: i + 1, text: pageFromLines(lines) }));

  it('a page read upside down continues nothing', () => {
    const result = recognize(pages([...QUYET_DINH.pages, upsideDown]), pack);
    const last = QUYET_DINH.pages.length + 1;
    expect(result.map((c) => [c.type, c.pages])).toEqual([
      ['quyet_dinh', [1, last - 1]],
      ['khac', [last, last]],
    ]);
  });

  it("is the back of a card right after the card's front", () => {
    for (const back of [upsideDown, []]) {
      const result = recognize(pages([CAN_CUOC.pages[0]!, back]), pack);
      expect(result.map((c) => [c.type, c.pages])).toEqual([['can_cuoc', [1, 2]]]);
    }
  });
});

describe('title zone', () => {
  it('is measured from the first line read: a receipt on the lower half of a sheet keeps its title', () => {
    const receipt = [
      'VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI BÌNH ĐỊNH Mẫu số: 01BLP2-001',
      'Mã số thuế: 4114616022 Ký hiệu: 2C24TAB',
      'Số: 0811556',
      'BIÊN LAI THU PHÍ, LỆ PHÍ',
      'Ngày: 18/04/2024',
      'Họ tên người nộp tiền: CAO KIM HẰNG',
      'Số tiền: 25.000 đồng',
    ];
    const page = pageFromLines([...new Array<string>(30).fill(''), ...receipt]);
    expect(page.lines[0]!.bbox.y0 / page.height).toBeGreaterThan(0.5);
    const [c] = recognize([{ number: 1, text: page }], pack);
    expect(c!.type).toBe('bien_lai_thu_phi');
  });
});

describe('figures cut or glued by OCR', () => {
  const field = (value: string) => ({ value, raw: value, confidence: 0.95, page: 1, bbox: null });

  it('completes figures cut at a line end from the amount in words, for review', () => {
    const type = pack.byCode.get('giay_nop_tien_nsnn')!;
    const fields = {
      so_tien: field('25'),
      so_tien_bang_chu: field('Hai mươi lăm triệu không trăm năm mươi ngàn đồng'),
    };
    const problems = crossCheck(type, fields);
    expect(fields.so_tien.value).toBe('25050000');
    expect(problems.join('\n')).toMatch(/completed from the amount in words/);
    const agreeing = { so_tien: field('25050000'), so_tien_bang_chu: field(fields.so_tien_bang_chu.value) };
    expect(crossCheck(type, agreeing)).toEqual([]);
  });

  it('sends an amount below a thousand đồng to review: the first group of a longer figure', () => {
    const type = pack.byCode.get('hop_dong_chuyen_nhuong')!;
    const key = Object.entries(type.fields).find(([, f]) => f.type === 'money')![0];
    const cut = { [key]: field('1') };
    const problems = crossCheck(type, cut);
    expect(problems.join('\n')).toMatch(/below the smallest amount/);
    expect(cut[key]!.confidence).toBeLessThan(0.95);
    expect(crossCheck(type, { [key]: field('1167000000') })).toEqual([]);
  });

  it('takes the amount on the line after a sentence ending with a colon, not a number of the sentence', () => {
    const [c] = recognizeEdited(HOP_DONG.pages, {
      'Giá chuyển nhượng: 1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng chẵn)': [
        '1. Giá chuyển nhượng quyền sử dụng đất nêu tại Điều 1 là:',
        '1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng chẵn).',
      ],
    });
    expect(c!.fields.gia_chuyen_nhuong?.value).toBe('1500000000');
  });

  it('takes the first ten digits of a tax code glued to more digits when they check, for review', () => {
    const parsed = parseTaxCode('Mãsốthuế:189669967606');
    expect(parsed?.value).toBe('1896699676');
    expect(parsed?.notes?.join('')).toMatch(/extra digits/);
    expect(parseTaxCode('189669967106')).toBeNull();
  });

  it('reads a tax code printed one digit per box, grouped, or with a branch suffix after a dash', () => {
    expect(parseTaxCode('0 1 0 0 1 0 9 1 0 6')).toMatchObject({ value: '0100109106', quality: 1 });
    expect(parseTaxCode('| 0 | 1 | 0 | 0 | 1 | 0 | 9 | 1 | 0 | 6 |')?.value).toBe('0100109106');
    expect(parseTaxCode('0 1 0 0 1 0 9 1 0 6 - 0 0 1')?.value).toBe('0100109106-001');
    // OCR reads the hyphen as an en or em dash; the branch suffix must not be lost.
    expect(parseTaxCode('0100109106–001')?.value).toBe('0100109106-001');
    expect(parseTaxCode('0100109106 — 001')?.value).toBe('0100109106-001');
    expect(parseTaxCode('O1OO1O91O6')).toMatchObject({ value: '0100109106', quality: 0.8 });
    // A word after the code is not read as digits ("lô" is no "10").
    expect(parseTaxCode('0100109106 lô 5')?.value).toBe('0100109106');
    // Thirteen digits whose first ten check: a branch code that lost its hyphen, for review.
    const glued = parseTaxCode('0100109106001');
    expect(glued?.value).toBe('0100109106-001');
    expect(glued?.notes?.join('')).toMatch(/without its hyphen/);
  });

  it('reads a short label word with one OCR confusion ("Ma s6 thué"), not a word with another letter', () => {
    const seller = (label: string) => {
      const lines = HOA_DON.pages[0]!.map((l) => (l === 'Mã số thuế: 0100109106-001' ? `${label}: 0100109106-001` : l));
      return recognize([{ number: 1, text: pageFromLines(lines) }], pack)[0]!.fields.mst_nguoi_ban?.value;
    };
    expect(seller('Ma s6 thué')).toBe('0100109106-001');
    expect(seller('Mã s0 thuế')).toBe('0100109106-001');
    expect(seller('Mã sa thuế')).toBeUndefined();
  });

  it('finds the numbered item of a tax form when OCR misreads its brackets, not a column formula', () => {
    const taxCode = (item: string) => {
      const lines = LPTB.pages[0]!.map((l) => (l.startsWith('[05]') ? `${item} Mã số thuế: 0 1 0 0 1 0 9 1 0 6` : l));
      return recognize([{ number: 1, text: pageFromLines(lines) }], pack)[0]!.fields.ma_so_thue?.value;
    };
    for (const item of ['[05]', '(05]', '[O5]', '|05]', '[05', '05]', '(05)']) expect(taxCode(item)).toBe('0100109106');
    expect(itemNumber('05').test('(5) = (3) x (4)')).toBe(false);
    expect(itemNumber('05').test('Năm 2005] và')).toBe(false);
  });
});

describe('company-name phrases', () => {
  it('restore a mark OCR slipped in a company name in capitals', () => {
    expect(restorePhrases('CÔNG TY CỔ PHẦN XÂY DUNG PHÚC LỘC', pack).value).toBe('CÔNG TY CỔ PHẦN XÂY DỰNG PHÚC LỘC');
    expect(restorePhrases('CÔNG TY TNHH THƯƠNG MAI DỊCH VỤ AN KHANG', pack).value).toBe(
      'CÔNG TY TNHH THƯƠNG MẠI DỊCH VỤ AN KHANG',
    );
  });
});
