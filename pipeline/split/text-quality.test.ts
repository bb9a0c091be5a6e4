import { describe, expect, it } from 'vitest';
import { judgeTextLayer } from './text-quality.js';

const visible = (text: string) => judgeTextLayer({ text, invisibleGlyphs: 0, totalGlyphs: text.length }).quality;

describe('judgeTextLayer', () => {
  it('accepts Vietnamese with diacritics', () => {
    expect(visible('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nGIẤY CHỨNG NHẬN ĐĂNG KÝ')).toBe(
      'usable',
    );
  });

  it('accepts plain English', () => {
    expect(visible('The quick brown fox jumps over the lazy dog. Invoice number 2024/15 dated 3 March.')).toBe(
      'usable',
    );
  });

  it('rejects Vietnamese stripped of diacritics', () => {
    expect(visible('CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\nGIAY CHUNG NHAN dang ky')).toBe(
      'garbage',
    );
  });

  it('rejects TCVN3 and VNI mojibake', () => {
    expect(visible('Céng hoµ x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc')).toBe('garbage');
    expect(visible('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam Ñoäc laäp - Töï do - Haïnh phuùc')).toBe('garbage');
  });

  it('rejects text drawn invisibly (an earlier OCR layer)', () => {
    const text = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc';
    expect(judgeTextLayer({ text, invisibleGlyphs: 50, totalGlyphs: 52 }).quality).toBe('garbage');
  });

  it('rejects symbol soup from fonts without a Unicode map', () => {
    expect(
      visible('\uE001\uE002\uE003 \uE004\uE005 ####### @@@ ~~~~ \uE010\uE011\uE012\uE013 abc def ghi jkl mno pqr'),
    ).toBe('garbage');
  });

  it('calls a nearly empty layer none', () => {
    expect(visible('')).toBe('none');
    expect(visible('Trang 2')).toBe('none');
  });
});

describe('judgeTextLayer: unmapped glyphs', () => {
  it('calls a layer with glyphs that map to NUL or U+FFFD garbage, so the page is OCR-ed instead', () => {
    const text =
      'HÓA Đ\u0000N GIÁ TR\u0000 GIA TĂNG Ký hi\u0000u (Serial): 1C23TAA Ngày 31 tháng 03 năm 2023 Đơn vị bán hàng';
    expect(judgeTextLayer({ text, totalGlyphs: text.length, invisibleGlyphs: 0 }).quality).toBe('garbage');
    const replaced = text.replaceAll('\u0000', '\uFFFD');
    expect(judgeTextLayer({ text: replaced, totalGlyphs: text.length, invisibleGlyphs: 0 }).quality).toBe('garbage');
    const clean = text.replaceAll('\u0000', 'ơ');
    expect(judgeTextLayer({ text: clean, totalGlyphs: text.length, invisibleGlyphs: 0 }).quality).toBe('usable');
  });
});
