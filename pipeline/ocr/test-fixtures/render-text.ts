import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

export const fontAvailable = (): boolean => existsSync(FONT);

/** Render lines of text black on white into a PNG, for OCR and layout tests. */
export async function renderTextPage(
  lines: string[],
  { width = 1240, height = 1754, fontPx = 28, lineGap = 1.8, margin = 120 } = {},
): Promise<Buffer> {
  GlobalFonts.registerFromPath(FONT, 'TestSans');
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000000';
  ctx.font = `${fontPx}px TestSans`;
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => {
    ctx.fillText(line, margin, margin + i * fontPx * lineGap);
  });
  return canvas.encode('png');
}

export const VIETNAMESE_PARAGRAPH = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'GIẤY ĐỀ NGHỊ CẤP GIẤY CHỨNG NHẬN',
  'Họ và tên người đề nghị: Nguyễn Thị Hồng Nhung',
  'Ngày sinh: 12/05/1987, nơi sinh: Hà Nội',
  'Số định danh cá nhân: 001187012345',
  'Địa chỉ thường trú: số 15 phố Lý Thường Kiệt,',
  'phường Hoàn Kiếm, thành phố Hà Nội.',
  'Tôi xin cam đoan những lời khai trên là đúng sự thật',
  'và chịu trách nhiệm trước pháp luật về lời khai của mình.',
  'Hồ sơ gồm: tờ khai, bản sao giấy khai sinh, ảnh thẻ.',
  'Người đề nghị ký và ghi rõ họ tên.',
];
