// A born-digital e-invoice PDF with a real, visible text layer (embedded Vietnamese-capable TrueType font).
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import { formatMoney } from './documents/common.js';
import type { InvoiceData } from './documents/finance.js';
import { faceFiles, registerFonts } from './fonts.js';

const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

export async function bornDigitalInvoice(d: InvoiceData): Promise<Uint8Array> {
  const families = registerFonts();
  // A family whose faces are all installed (every registered family covers Vietnamese).
  const faces = faceFiles()[families.has('liberation-sans') ? 'liberation-sans' : 'sans'];
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Fixed metadata so the same seed yields the same bytes.
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer('sohoa generator');
  doc.setCreator('sohoa generator');
  const regular = await doc.embedFont(await readFile(faces.regular), { subset: true });
  const bold = await doc.embedFont(await readFile(faces.bold), { subset: true });
  const italic = await doc.embedFont(await readFile(faces.italic), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  const ink = rgb(0.08, 0.08, 0.1);
  const text = (t: string, x: number, y: number, size = 10, font: PDFFont = regular) =>
    page.drawText(t, { x, y, size, font, color: ink });
  const center = (t: string, y: number, size: number, font: PDFFont) =>
    text(t, (595.28 - font.widthOfTextAtSize(t, size)) / 2, y, size, font);
  const right = (t: string, xRight: number, y: number, size = 10, font: PDFFont = regular) =>
    text(t, xRight - font.widthOfTextAtSize(t, size), y, size, font);
  const [y0, m0, day] = d.date.split('-');
  center('HÓA ĐƠN GIÁ TRỊ GIA TĂNG', 790, 16, bold);
  center('(Bản thể hiện của hóa đơn điện tử)', 772, 10, italic);
  center(`Ngày ${day} tháng ${m0} năm ${y0}`, 756, 10, italic);
  text(`Ký hiệu (Serial): ${d.symbol}`, 420, 790, 10);
  text(`Số (No.): ${d.number}`, 420, 776, 10, bold);
  let y = 725;
  const line = (label: string, value: string, font: PDFFont = regular) => {
    text(`${label}: `, 50, y, 10);
    text(value, 50 + regular.widthOfTextAtSize(`${label}: `, 10), y, 10, font);
    y -= 16;
  };
  line('Đơn vị bán hàng', d.seller.name, bold);
  line('Mã số thuế', d.seller.taxCode, bold);
  line('Địa chỉ', d.seller.address);
  y -= 6;
  line('Họ tên người mua hàng', d.buyer.name);
  line('Tên đơn vị', d.buyer.unit ?? '');
  line('Địa chỉ', d.buyer.address);
  line('Hình thức thanh toán', 'TM/CK');
  y -= 8;
  const cols = [50, 80, 290, 350, 400, 470, 545];
  const header = ['STT', 'Tên hàng hóa, dịch vụ', 'ĐVT', 'Số lượng', 'Đơn giá', 'Thành tiền'];
  const rows = d.items.map((it, i) => [
    String(i + 1),
    it.name,
    it.unit,
    String(it.qty),
    formatMoney(it.price),
    formatMoney(it.amount),
  ]);
  for (const [r, row] of [header, ...rows].entries()) {
    const top = y + 12;
    row.forEach((cell, i) => {
      const x0 = cols[i] as number;
      const x1 = cols[i + 1] as number;
      page.drawRectangle({ x: x0, y: y - 5, width: x1 - x0, height: 17, borderColor: ink, borderWidth: 0.5 });
      if (r > 0 && i >= 3) right(cell, x1 - 3, y, 9);
      else text(cell, x0 + 3, y, 9, r === 0 ? bold : regular);
    });
    y = top - 29;
  }
  y -= 6;
  const total = (label: string, value: string, font: PDFFont = regular) => {
    text(label, 300, y, 10, font);
    right(value, 545, y, 10, font);
    y -= 16;
  };
  total('Cộng tiền hàng:', formatMoney(d.subtotal));
  total(`Thuế suất GTGT: ${d.vatRate}%   Tiền thuế GTGT:`, formatMoney(d.vat));
  total('Tổng cộng tiền thanh toán:', formatMoney(d.total), bold);
  y -= 4;
  text('Số tiền viết bằng chữ: ', 50, y, 10);
  text(d.words, 50 + regular.widthOfTextAtSize('Số tiền viết bằng chữ: ', 10), y, 10, italic);
  y -= 40;
  text('Người mua hàng', 110, y, 10, bold);
  text('Người bán hàng', 400, y, 10, bold);
  text(`Ký bởi: ${d.seller.name}`, 330, y - 16, 8, italic);
  return doc.save({ useObjectStreams: false });
}
