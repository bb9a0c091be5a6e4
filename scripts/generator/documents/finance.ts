// Tax and payment papers: registration-fee and income-tax returns, fee receipts, invoices, state-budget payment slips.
import { printDate, randomNumericStyle } from '../dates.js';
import { makeTaxCode } from '../identity-numbers.js';
import { type Block, b } from '../page-spec.js';
import { randomPerson, upperName } from '../people.js';
import type { Rng } from '../prng.js';
import { GOODS, PROVINCES } from '../vn-data.js';
import {
  a4,
  amountInWords,
  collapse,
  type DocumentDraft,
  type DossierContext,
  formatMoney,
  motto,
  PRINT_FAMILIES,
  placeDate,
  printMoney,
  signRow,
} from './common.js';

function landValue(rng: Rng, ctx: DossierContext): number {
  return Math.round((ctx.parcel.area * rng.int(5, 40)) / 10) * 1_000_000;
}

export function registrationFeeReturn(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.other;
  const taxCode = makeTaxCode(rng, p.residence.province.taxPrefix);
  const value = landValue(rng, ctx);
  const fee = Math.round(value * 0.005);
  const blocks: Block[] = [
    ...motto(rng),
    b.gap(4),
    b.title('TỜ KHAI LỆ PHÍ TRƯỚC BẠ', 15),
    b.center('(Áp dụng đối với tổ chức, cá nhân có tài sản là nhà, đất)', { italic: true, size: 11 }),
    b.gap(3),
    b.text('[01] Kỳ tính thuế: Theo từng lần phát sinh  ☒'),
    b.text('[02] Lần đầu: ☒        [03] Bổ sung lần thứ: ...'),
    b.field('[04] Tên người nộp thuế', upperName(p.name)),
    b.field('[05] Mã số thuế', taxCode.split('').join(' ')),
    b.field('[06] Địa chỉ', p.residence.full, {}, false),
    b.text(`[07] Quận/huyện: ...   [08] Tỉnh/thành phố: ${p.residence.province.short}`),
    b.text(`[09] Điện thoại: 09${rng.digits(8)}`),
    b.gap(3),
    b.text('ĐẶC ĐIỂM NHÀ ĐẤT', { bold: true }),
    b.text(`1. Đất: Thửa đất số: ${ctx.parcel.thua}; Tờ bản đồ số: ${ctx.parcel.to}`),
    b.field('Địa chỉ thửa đất', ctx.parcel.address.full, {}, false),
    b.text(`Diện tích: ${String(ctx.parcel.area).replace('.', ',')} m²; Loại đất: ${ctx.parcel.landUse}`),
    b.field('2. Giá trị nhà, đất', printMoney(rng, value)),
    b.field('3. Số tiền lệ phí trước bạ', printMoney(rng, fee)),
    b.text(`(Viết bằng chữ: ${amountInWords(rng, fee)})`, { italic: true }),
    b.text('4. Giấy tờ có liên quan: Hợp đồng chuyển nhượng quyền sử dụng đất; Giấy chứng nhận QSDĐ.'),
    b.gap(4),
    signRow(
      [],
      [
        b.center(placeDate(p.residence.province.seat, ctx.date), { italic: true }),
        b.center('NGƯỜI NỘP THUẾ', { bold: true }),
        b.center('(Ký, ghi rõ họ tên)', { italic: true, size: 10 }),
        b.signature(),
        b.center(p.name, { bold: true }),
      ],
    ),
  ];
  return {
    type: 'to_khai_le_phi_truoc_ba',
    pages: [a4(rng, blocks, { families: PRINT_FAMILIES })],
    fields: {
      nguoi_nop: upperName(p.name),
      ma_so_thue: taxCode,
      dia_chi: p.residence.full,
      gia_tri_tai_san: String(value),
      so_tien_le_phi: String(fee),
    },
  };
}

export function incomeTaxReturn(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.applicant;
  const taxCode = makeTaxCode(rng, p.residence.province.taxPrefix);
  const price = landValue(rng, ctx);
  const tax = Math.round(price * 0.02);
  const blocks: Block[] = [
    ...motto(rng),
    b.gap(4),
    b.title('TỜ KHAI THUẾ THU NHẬP CÁ NHÂN', 15),
    b.center(
      '(Áp dụng đối với cá nhân có thu nhập từ chuyển nhượng bất động sản; thu nhập từ nhận thừa kế và nhận quà tặng là bất động sản)',
      { italic: true, size: 10.5 },
    ),
    b.center('Mẫu số: 03/BĐS-TNCN', { size: 10.5 }),
    b.gap(3),
    b.text('[01] Kỳ tính thuế: Theo từng lần phát sinh'),
    b.text('[02] Lần đầu: ☒        [03] Bổ sung lần thứ: ...'),
    b.text('I. THÔNG TIN NGƯỜI CHUYỂN NHƯỢNG', { bold: true }),
    b.field('[04] Tên người nộp thuế', upperName(p.name)),
    b.field('[05] Mã số thuế', taxCode),
    b.field('[06] Số định danh cá nhân', p.id),
    b.field('[07] Địa chỉ', p.residence.full, {}, false),
    b.text('II. THÔNG TIN NGƯỜI NHẬN CHUYỂN NHƯỢNG', { bold: true }),
    b.field('[12] Họ và tên', upperName(ctx.other.name)),
    b.field('[13] Số định danh cá nhân', ctx.other.id),
    b.text('III. LOẠI BẤT ĐỘNG SẢN CHUYỂN NHƯỢNG', { bold: true }),
    b.text(
      `Quyền sử dụng đất: thửa đất số ${ctx.parcel.thua}, tờ bản đồ số ${ctx.parcel.to}, diện tích ${String(ctx.parcel.area).replace('.', ',')} m²`,
    ),
    b.text('IV. THU NHẬP VÀ THUẾ', { bold: true }),
    b.field('[20] Giá chuyển nhượng', printMoney(rng, price)),
    b.field('[21] Thuế thu nhập cá nhân phải nộp (2%)', printMoney(rng, tax)),
    b.gap(4),
    signRow(
      [],
      [
        b.center(placeDate(p.residence.province.seat, ctx.date), { italic: true }),
        b.center('NGƯỜI NỘP THUẾ', { bold: true }),
        b.signature(),
        b.center(p.name, { bold: true }),
      ],
    ),
  ];
  return {
    type: 'to_khai_thue_tncn',
    pages: [a4(rng, blocks, { families: PRINT_FAMILIES })],
    fields: {
      nguoi_nop: upperName(p.name),
      ma_so_thue: taxCode,
      gia_chuyen_nhuong: String(price),
      so_thue_phai_nop: String(tax),
    },
  };
}

export function feeReceipt(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.applicant;
  const amount = rng.pick([25_000, 50_000, 100_000, 150_000, 500_000, 1_200_000, 2_750_000]);
  const symbol = rng.chance(0.5)
    ? `AA/${ctx.date.slice(2, 4)}P`
    : `${rng.int(1, 2)}C${ctx.date.slice(2, 4)}T${rng.pick(['AB', 'BL', 'HT'])}`;
  const number = String(rng.int(1, 9999999)).padStart(7, '0');
  const content = rng.pick([
    'Lệ phí cấp giấy chứng nhận quyền sử dụng đất',
    'Phí thẩm định hồ sơ đăng ký biến động',
    'Lệ phí hộ tịch',
    'Phí chứng thực hợp đồng',
  ]);
  const style = randomNumericStyle(rng);
  const words = amountInWords(rng, amount);
  const title = rng.pick(['BIÊN LAI THU PHÍ, LỆ PHÍ', 'BIÊN LAI THU TIỀN PHÍ, LỆ PHÍ', 'BIÊN LAI THU LỆ PHÍ'] as const);
  const agency = `VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI ${ctx.parcel.address.province.short.toLocaleUpperCase('vi')}`;
  const blocks: Block[] = [
    b.cols(
      [60, 40],
      [
        b.text(agency, { bold: true, size: 10.5 }),
        b.text(`Mã số thuế: ${makeTaxCode(rng, ctx.province.taxPrefix)}`, { size: 10.5 }),
      ],
      [
        b.text(`Mẫu số: 01BLP2-001`, { size: 10.5 }),
        b.text(`Ký hiệu: ${symbol}`, { size: 10.5 }),
        b.runs([{ text: 'Số: ' }, { text: number, bold: true }], { size: 10.5 }),
      ],
    ),
    b.gap(5),
    b.title(title, 15),
    b.center(`Ngày: ${printDate(ctx.date, style)}`, { italic: true }),
    b.gap(5),
    b.field(rng.pick(['Họ tên người nộp tiền', 'Tên người nộp']), upperName(p.name)),
    b.field('Địa chỉ', p.residence.full, {}, false),
    b.field(rng.pick(['Nội dung thu', 'Loại phí, lệ phí']), content, {}, false),
    b.field('Số tiền', printMoney(rng, amount)),
    b.field('Viết bằng chữ', words, { italic: true }, false),
    b.text('Hình thức thanh toán: Tiền mặt'),
    b.gap(6),
    b.cols(
      [50, 50],
      [b.center('NGƯỜI NỘP TIỀN', { bold: true }), b.signature(), b.center(p.name)],
      [
        b.center('NGƯỜI THU TIỀN', { bold: true }),
        b.seal('THU PHÍ', 30),
        b.signature(),
        b.center(randomPerson(rng.fork('cashier')).name),
      ],
    ),
  ];
  const spec = a4(rng, blocks, { families: PRINT_FAMILIES, baseSize: 11 });
  // Receipts are half-sheet (A5 landscape-ish) slips.
  spec.heightMm = 160;
  spec.marginMm = 12;
  return {
    type: 'bien_lai_thu_phi',
    pages: [spec],
    fields: {
      ky_hieu: symbol,
      so_bien_lai: number,
      nguoi_nop: upperName(p.name),
      noi_dung: content,
      so_tien: String(amount),
      so_tien_bang_chu: collapse(words),
      ngay_thu: ctx.date,
    },
  };
}

export interface InvoiceData {
  symbol: string;
  number: string;
  date: string;
  seller: { name: string; taxCode: string; address: string };
  buyer: { name: string; unit: string | null; address: string };
  items: { name: string; unit: string; qty: number; price: number; amount: number }[];
  subtotal: number;
  vatRate: number;
  vat: number;
  total: number;
  words: string;
}

export function invoiceData(rng: Rng, ctx: DossierContext): InvoiceData {
  const province = rng.pick(PROVINCES);
  const items = Array.from({ length: rng.int(1, 4) }, () => {
    const [name, unit, price] = rng.pick(GOODS);
    const qty = rng.int(1, 20);
    return { name, unit, qty, price, amount: qty * price };
  });
  const subtotal = items.reduce((s, i) => s + i.amount, 0);
  const vatRate = rng.pick([8, 10]);
  const vat = Math.round((subtotal * vatRate) / 100);
  const total = subtotal + vat;
  return {
    symbol: `1C${ctx.date.slice(2, 4)}T${rng.pick(['AA', 'BB', 'HD', 'TM'])}`,
    number: String(rng.int(1, 99999)).padStart(8, '0'),
    date: ctx.date,
    seller: {
      name: `CÔNG TY ${rng.pick(['TNHH', 'CỔ PHẦN'])} ${rng.pick(['VẬT LIỆU XÂY DỰNG', 'THƯƠNG MẠI DỊCH VỤ', 'CÔNG NGHỆ'])} ${rng.pick(['HOÀNG PHÁT', 'MINH AN', 'TÂN THÀNH', 'ĐỨC HUY'])}`,
      taxCode: makeTaxCode(rng, province.taxPrefix),
      address: `Số ${rng.int(1, 300)}, ${rng.pick(province.districts).name}, ${province.name}`,
    },
    buyer: {
      name: ctx.applicant.name,
      unit: rng.chance(0.3) ? `Hộ kinh doanh ${ctx.applicant.name}` : null,
      address: ctx.applicant.residence.full,
    },
    items,
    subtotal,
    vatRate,
    vat,
    total,
    words: amountInWords(rng, total),
  };
}

export function invoiceFields(d: InvoiceData): Record<string, string> {
  return {
    ky_hieu: d.symbol,
    so_hoa_don: d.number,
    ngay_lap: d.date,
    ten_nguoi_ban: collapse(d.seller.name),
    mst_nguoi_ban: d.seller.taxCode,
    // The buyer is the person printed at "Họ tên người mua hàng" (as in published e-invoice expectations); the unit
    // name ("Tên đơn vị") is another line.
    ten_nguoi_mua: collapse(d.buyer.name),
    tong_tien_thanh_toan: String(d.total),
    so_tien_bang_chu: collapse(d.words),
  };
}

/** A printed-and-scanned invoice (the born-digital one is drawn separately with a text layer). */
export function scannedInvoice(rng: Rng, ctx: DossierContext): DocumentDraft {
  const d = invoiceData(rng, ctx);
  const title = rng.pick(['HÓA ĐƠN GIÁ TRỊ GIA TĂNG', 'HÓA ĐƠN GIÁ TRỊ GIA TĂNG', 'HÓA ĐƠN ĐIỆN TỬ'] as const);
  const [y, m, day] = d.date.split('-');
  const blocks: Block[] = [
    b.cols(
      [68, 32],
      [
        b.title(title, 15),
        b.center('(Bản thể hiện của hóa đơn điện tử)', { italic: true, size: 10 }),
        b.center(`Ngày ${day} tháng ${m} năm ${y}`, { italic: true }),
      ],
      [
        b.text(`Ký hiệu (Serial): ${d.symbol}`, { size: 10.5 }),
        b.runs([{ text: 'Số (No.): ' }, { text: d.number, bold: true }], { size: 10.5 }),
        b.text(`Mã của CQT: 00${rng.digits(10).toUpperCase()}`, { size: 9 }),
      ],
    ),
    b.gap(4),
    b.field('Đơn vị bán hàng', d.seller.name),
    b.field('Mã số thuế', d.seller.taxCode),
    b.field('Địa chỉ', d.seller.address, {}, false),
    b.gap(2),
    b.field('Họ tên người mua hàng', d.buyer.name, {}, false),
    b.field('Tên đơn vị', d.buyer.unit ?? '', {}, false),
    b.field('Địa chỉ', d.buyer.address, {}, false),
    b.text('Hình thức thanh toán: TM/CK'),
    b.gap(2),
    b.table(
      [6, 40, 12, 10, 16, 18],
      ['STT', 'Tên hàng hóa, dịch vụ', 'Đơn vị tính', 'Số lượng', 'Đơn giá', 'Thành tiền'],
      d.items.map((it, i) => [
        String(i + 1),
        it.name,
        it.unit,
        String(it.qty),
        formatMoney(it.price),
        formatMoney(it.amount),
      ]),
    ),
    b.field('Cộng tiền hàng', formatMoney(d.subtotal), { align: 'right' }),
    b.field(`Thuế suất GTGT: ${d.vatRate}%      Tiền thuế GTGT`, formatMoney(d.vat), { align: 'right' }),
    b.field('Tổng cộng tiền thanh toán', formatMoney(d.total), { align: 'right' }),
    b.field('Số tiền viết bằng chữ', d.words, { italic: true }, false),
    b.gap(6),
    b.cols(
      [50, 50],
      [b.center('Người mua hàng', { bold: true }), b.center('(Ký, ghi rõ họ tên)', { italic: true, size: 10 })],
      [b.center('Người bán hàng', { bold: true }), b.center(`Ký bởi: ${d.seller.name}`, { size: 9, italic: true })],
    ),
  ];
  return {
    type: 'hoa_don_dien_tu',
    pages: [a4(rng, blocks, { families: PRINT_FAMILIES, baseSize: 11 })],
    fields: invoiceFields(d),
  };
}

export function budgetPayment(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.other;
  const taxCode = makeTaxCode(rng, p.residence.province.taxPrefix);
  const amount = rng.int(5, 900) * 100_000 + rng.pick([0, 0, 50_000]);
  const title = rng.pick(['GIẤY NỘP TIỀN VÀO NGÂN SÁCH NHÀ NƯỚC', 'BIÊN LAI THU THUẾ'] as const);
  const words = amountInWords(rng, amount);
  const style = randomNumericStyle(rng);
  const blocks: Block[] = [
    b.cols(
      [65, 35],
      [b.title(title, 14), b.center('Tiền mặt ☐   Chuyển khoản ☒', { size: 10.5 })],
      [b.text('Mẫu số: C1-02/NS', { size: 10 }), b.text(`Số: ${rng.int(100000, 999999)}`, { size: 10 })],
    ),
    b.gap(4),
    b.field('Người nộp thuế', upperName(p.name)),
    b.field('Mã số thuế', taxCode),
    b.field('Địa chỉ', p.residence.full, {}, false),
    b.text(`Đề nghị NH/KBNN: Kho bạc Nhà nước ${p.residence.province.short} trích TK số: 7111.${rng.digits(7)}`),
    b.text('Nộp vào NSNN ☒   TK tạm thu ☐   TK thu hồi hoàn thuế GTGT ☐'),
    b.table(
      [8, 44, 16, 32],
      ['STT', 'Nội dung các khoản nộp NSNN', 'Mã chương', 'Số tiền'],
      [['1', 'Lệ phí trước bạ nhà đất', '757', formatMoney(amount)]],
    ),
    b.field('Tổng số tiền', formatMoney(amount)),
    b.field('Tổng số tiền ghi bằng chữ', words, { italic: true }, false),
    b.field('Ngày', printDate(ctx.date, style), {}, false),
    b.gap(5),
    b.cols(
      [50, 50],
      [b.center('ĐỐI TƯỢNG NỘP TIỀN', { bold: true }), b.signature(), b.center(p.name)],
      [b.center('NGÂN HÀNG / KHO BẠC NHÀ NƯỚC', { bold: true }), b.seal('KHO BẠC', 30), b.signature()],
    ),
  ];
  return {
    type: 'giay_nop_tien_nsnn',
    pages: [a4(rng, blocks, { families: PRINT_FAMILIES, baseSize: 11 })],
    fields: {
      nguoi_nop: upperName(p.name),
      ma_so_thue: taxCode,
      so_tien: String(amount),
      so_tien_bang_chu: collapse(words),
      ngay_nop: ctx.date,
    },
  };
}
