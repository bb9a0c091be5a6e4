// Test fixture: a small born-digital PDF of an identity card (text layer with a Vietnamese font), read without OCR.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export interface IdCardData {
  id: string;
  name: string;
  birthDate: string; // dd/mm/yyyy
  validUntil: string; // dd/mm/yyyy
}

export async function idCardPdf(d: IdCardData): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fixed = new Date('2025-01-01T00:00:00Z');
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  const regular = await doc.embedFont(await readFile(join(FONT_DIR, 'DejaVuSans.ttf')), { subset: true });
  const bold = await doc.embedFont(await readFile(join(FONT_DIR, 'DejaVuSans-Bold.ttf')), { subset: true });
  const page = doc.addPage([595.28, 420]);
  const ink = rgb(0.05, 0.05, 0.1);
  const line = (t: string, y: number, size = 12, font = regular) =>
    page.drawText(t, { x: 40, y, size, font, color: ink });
  line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 380, 12, bold);
  line('Độc lập - Tự do - Hạnh phúc', 362);
  line('CĂN CƯỚC CÔNG DÂN', 330, 16, bold);
  line(`Số định danh cá nhân: ${d.id}`, 300);
  line(`Họ và tên: ${d.name}`, 278);
  line(`Ngày sinh: ${d.birthDate}`, 256);
  line('Giới tính: Nam    Quốc tịch: Việt Nam', 234);
  line('Quê quán: Xã Tân Thạnh Đông, Huyện Củ Chi, TP. Hồ Chí Minh', 212);
  line('Nơi thường trú: Số 12 đường Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh', 190, 10);
  line(`Có giá trị đến: ${d.validUntil}`, 168);
  return Buffer.from(await doc.save());
}
