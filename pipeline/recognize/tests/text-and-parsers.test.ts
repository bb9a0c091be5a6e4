import { describe, expect, it } from 'vitest';
import {
  canonicalTones,
  foldKey,
  foldText,
  fuzzySimilarity,
  normalizeText,
  parseArea,
  parseCode,
  parseDate,
  parseDateValue,
  parseDossierCode,
  parseIdNumber,
  parseMoney,
  parseNumberWords,
  parsePersonName,
  parseSex,
  parseTaxCode,
  parseText,
  sameVietnamese,
} from '../index.js';

describe('Vietnamese text', () => {
  it('normalises to NFC, unifies Đ look-alikes and collapses spaces', () => {
    const nfd = 'Nguyễn'.normalize('NFD');
    expect(normalizeText(`  ${nfd}\u00A0 Văn\tAn `)).toBe('Nguyễn Văn An');
    expect(normalizeText('ÐỖ')).toBe('ĐỖ');
    // Precomposed base + combining tone (Unikey "Unicode tổ hợp") becomes NFC.
    expect(normalizeText('Vie\u0302\u0323t')).toBe('Việt');
  });

  it('treats both tone placements as equal', () => {
    expect(canonicalTones('CỘNG HOÀ')).toBe(canonicalTones('CỘNG HÒA'));
    expect(sameVietnamese('thuỷ', 'thủy')).toBe(true);
    expect(sameVietnamese('Uỷ ban', 'Ủy ban')).toBe(true);
    expect(sameVietnamese('khoẻ', 'khỏe')).toBe(true);
    // "qu" onset and closed syllables are untouched; different words stay different.
    expect(canonicalTones('quý')).toBe('quý');
    expect(canonicalTones('hoàn')).toBe('hoàn');
    expect(sameVietnamese('Hòa', 'Hoa')).toBe(false);
  });

  it('folds accents, đ and case', () => {
    expect(foldText('ĐĂNG KÝ Biến Động')).toBe('dang ky bien dong');
    expect(foldKey('Số / No.:')).toBe('so no');
  });

  it('matches OCR-damaged labels with length-scaled tolerance', () => {
    // Dropped/swapped stacked diacritics fold away entirely.
    expect(fuzzySimilarity(foldKey('HỢP ĐỎNG CHUYỂN NHUỢNG'), foldKey('HỢP ĐỒNG CHUYỂN NHƯỢNG'))).toBe(1);
    // 0/O and 1/l confusions cost less than other substitutions.
    expect(fuzzySimilarity(foldKey('H0 CHIEU'), foldKey('HO CHIEU'))).toBeGreaterThan(0.9);
    expect(fuzzySimilarity(foldKey('Nơi cư chú'), foldKey('Nơi cư trú'))).toBeGreaterThan(0.7);
    // Broken spacing is ignored.
    expect(fuzzySimilarity(foldKey('Ngàysinh'), foldKey('Ngày sinh'))).toBe(1);
    // Short keys need an exact match.
    expect(fuzzySimilarity('ba', 'bo')).toBe(0);
  });
});

describe('number words', () => {
  const cases: [string, number][] = [
    ['Một triệu năm trăm nghìn đồng', 1_500_000],
    ['Hai triệu sáu trăm tám mươi nghìn đồng', 2_680_000],
    ['mười lăm', 15],
    ['hai mươi mốt', 21],
    ['hai mươi tư', 24],
    ['hai mươi bốn', 24],
    ['ba mươi nhăm', 35],
    ['một trăm linh năm', 105],
    ['một trăm lẻ năm', 105],
    ['một nghìn không trăm linh năm', 1005],
    ['hai triệu không trăm năm mươi nghìn', 2_050_000],
    ['Một tỷ năm trăm triệu đồng chẵn', 1_500_000_000],
    ['một tỉ hai trăm ngàn', 1_000_200_000],
    ['một triệu rưỡi', 1_500_000],
    ['một nghìn tỷ', 1_000_000_000_000],
    ['chín trăm chín mươi chín nghìn tỷ', 999_000_000_000_000],
    ['Bảy trăm năm mươi nghìn đồng Việt Nam', 750_000],
    // Accents lost by OCR: "mười"/"mươi" are told apart by context.
    ['Mot trieu nam tram nghin dong', 1_500_000],
    ['hai muoi lam', 25],
  ];
  it.each(cases)('%s -> %d', (words, value) => {
    expect(parseNumberWords(words)).toBe(value);
  });
  it('returns null for text without number words', () => {
    expect(parseNumberWords('Không thời hạn lâu dài')).toBeNull();
    expect(parseNumberWords('')).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['15/10/2023', '2023-10-15'],
    ['15-10-2023', '2023-10-15'],
    ['15.10.2023', '2023-10-15'],
    ['6/5/2025', '2025-05-06'],
    ['21-5-1965', '1965-05-21'],
    ['Quy Nhơn, ngày 15 tháng 10 năm 2023', '2023-10-15'],
    ['ngày 05 tháng 01 năm 2024', '2024-01-05'],
    ['Hà Nội, ngày ..15.. tháng ..10.. năm 2023', '2023-10-15'],
    ['14 giờ 30 phút, ngày 15 tháng 10 năm 2023', '2023-10-15'],
    ['Ngay 15 thang 10 nam 2023', '2023-10-15'],
    ['15/1O/2O23', '2023-10-15'],
    ['Ngày (date) 28 tháng (month) 08 năm (year) 2025', '2025-08-28'],
    ['Ngày mười lăm tháng mười năm hai nghìn không trăm hai mươi ba', '2023-10-15'],
    ['ngày năm tháng năm năm một nghìn chín trăm chín mươi', '1990-05-05'],
  ])('%s -> %s', (text, iso) => {
    expect(parseDate(text)?.iso).toBe(iso);
  });
  it('rejects impossible calendar dates and flags implausible ones', () => {
    expect(parseDate('31/02/2023')).toBeNull();
    expect(parseDate('không có')).toBeNull();
    expect(parseDateValue('15/10/1850')?.quality).toBeLessThan(0.5);
    expect(parseDateValue('15/10/2090', { notFuture: true })?.quality).toBeLessThan(0.5);
    expect(parseDateValue('15/10/2090')?.quality).toBe(1);
  });
});

describe('value parsers', () => {
  it('money in digits', () => {
    expect(parseMoney('1.500.000 đồng')?.value).toBe('1500000');
    expect(parseMoney('1.500.000đ')?.value).toBe('1500000');
    expect(parseMoney('1,500,000 VND')?.value).toBe('1500000');
    expect(parseMoney('1.500.000,50 đồng')?.value).toBe('1500000');
    expect(parseMoney('lệ phí 50.000 VNĐ')?.value).toBe('50000');
    expect(parseMoney('1.5OO.000 đồng')?.value).toBe('1500000');
    expect(parseMoney('không đồng')).toBeNull();
  });

  it('area', () => {
    expect(parseArea('125,5 m²')?.value).toBe('125.5');
    expect(parseArea('125,5 m2')?.value).toBe('125.5');
    expect(parseArea('125,5 rn2')?.value).toBe('125.5');
    expect(parseArea('250,0 m2')?.value).toBe('250');
    expect(parseArea('1.250,75 m²')?.value).toBe('1250.75');
    // OCR read the decimal comma as a dot.
    expect(parseArea('120.5 m2')?.value).toBe('120.5');
  });

  it('personal ID numbers', () => {
    expect(parseIdNumber('001089012345')?.value).toBe('001089012345');
    expect(parseIdNumber('001 089 012 345')?.value).toBe('001089012345');
    expect(parseIdNumber('001.089.012.345 cấp ngày 10/08/2021')?.value).toBe('001089012345');
    expect(parseIdNumber('O01O89012345')?.value).toBe('001089012345');
    expect(parseIdNumber('O01O89012345')?.quality).toBeLessThan(1);
    expect(parseIdNumber('212345678')?.value).toBe('212345678');
    // A dropped leading zero is restored with lower quality.
    const padded = parseIdNumber('01089012345');
    expect(padded?.value).toBe('001089012345');
    expect(padded?.quality).toBeLessThan(1);
    expect(parseIdNumber('Số: 12')).toBeNull();
  });

  it('tax codes with check digit and repair', () => {
    expect(parseTaxCode('0100109106')).toMatchObject({ value: '0100109106', quality: 1 });
    expect(parseTaxCode('0100109106-001')?.value).toBe('0100109106-001');
    expect(parseTaxCode('0100 109 106')?.value).toBe('0100109106');
    // One confusable digit wrong (1 read as 7): repaired to the valid reading, with lower quality.
    // The printed value is kept; the repair is offered for OCR text.
    const repaired = parseTaxCode('0700684378');
    expect(repaired?.value).toBe('0700684378');
    expect(repaired?.quality).toBeLessThan(0.5);
    expect(repaired?.repair?.value).toBe('0100684378');
    expect(repaired?.repair?.quality).toBeLessThan(1);
    expect(parseTaxCode('12345')).toBeNull();
  });

  it('sex, names, codes, dossier codes, text', () => {
    expect(parseSex('Nam')?.value).toBe('Nam');
    expect(parseSex('Nữ / Female')?.value).toBe('Nữ');
    expect(parseSex('Nu')?.value).toBe('Nữ');
    expect(parseSex('Kinh')).toBeNull();
    expect(parsePersonName('Ông/Bà: nguyễn  văn an')).toBeNull();
    expect(parsePersonName('Ông/Bà: Nguyễn  Văn An')?.value).toBe('NGUYỄN VĂN AN');
    expect(parsePersonName('Ông NGUYỄN VĂN AN, sinh năm 1989')?.value).toBe('NGUYỄN VĂN AN');
    expect(parsePersonName('Ông NGUYỄN VĂN AN và vợ là Bà LÊ THỊ HOA')?.value).toBe('NGUYỄN VĂN AN');
    expect(parsePersonName('(sau đây gọi là Bên A):')).toBeNull();
    expect(parseCode('1234 / QĐ - UBND')?.value).toBe('1234/QĐ-UBND');
    expect(parseCode('CS 123456')?.value).toBe('CS 123456');
    expect(parseCode('AB12345678')?.value).toBe('AB 12345678');
    expect(parseCode('45, Quyển số: 01')?.value).toBe('45');
    expect(parseDossierCode('Mã hồ sơ 000.00.20.H08 - 231015 - 0001')?.value).toBe('000.00.20.H08-231015-0001');
    expect(parseDossierCode('H56.14-250701-000123')?.value).toBe('H56.14-250701-000123');
    expect(parseText('  Đất ở  tại nông thôn ; ')?.value).toBe('Đất ở tại nông thôn');
    expect(parseText('.........')).toBeNull();
    expect(parseText('. . . Xã Hòa An . . .')?.value).toBe('Xã Hòa An');
    // Broken spacing inside brackets and inside the month of a date.
    expect(parseText('Đất trồng cây lâu năm ( CLN )')?.value).toBe('Đất trồng cây lâu năm (CLN)');
    expect(parseText('Đến ngày 15/1 0/2063')?.value).toBe('Đến ngày 15/10/2063');
    // An underline read as an underscore stuck to a word; one between letters or digits is left alone.
    expect(parseText('SỞ TÀI NGUYÊN VÀ MÔI _TRƯỜNG')?.value).toBe('SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG');
    expect(parseText('UBND XÃ AN_ HÒA')?.value).toBe('UBND XÃ AN HÒA');
    expect(parseText('mã HS_2024')?.value).toBe('mã HS_2024');
    // Two numbers that only look like a split: left as printed.
    expect(parseText('thửa 12 15/10/2063')?.value).toBe('thửa 12 15/10/2063');
    expect(parseText('Số 3 và 5/2024/QĐ')?.value).toBe('Số 3 và 5/2024/QĐ');
  });
});

describe('amounts in words and money figures from OCR', () => {
  it('puts back dropped diacritics from the closed amount vocabulary, by context for mươi/mười and mốt/một', async () => {
    const { canonicalNumberWords } = await import('../number-words.js');
    expect(canonicalNumberWords('Bốn triệu hai trăm ngàn đồng chan').value).toBe('Bốn triệu hai trăm ngàn đồng chẵn');
    expect(canonicalNumberWords('hai muoi mot trieu').value).toBe('hai mươi mốt triệu');
    expect(canonicalNumberWords('muoi mot nghin dong').value).toBe('mười một nghìn đồng');
    expect(canonicalNumberWords('Một tỉ đồng').value).toBe('Một tỉ đồng');
    expect(canonicalNumberWords('Ba trăm ngàn đồng xyz').unknown).toEqual(['xyz']);
  });

  it('takes the amount the currency follows when a label in running text precedes other numbers', async () => {
    const { parseMoney } = await import('../value-parsers.js');
    expect(parseMoney('quyền sử dụng đất nêu tại Điều 1 là: 1.135.000.000 đồng (Bằng chữ: …)')?.value).toBe(
      '1135000000',
    );
    expect(parseMoney('theo mục 2: 45.000.000')?.value).toBe('45000000');
    expect(parseMoney('500000')?.value).toBe('500000');
  });
});

describe('address unit words from OCR', () => {
  it('gives back diacritics to unit words printed without any, and leaves other words alone', async () => {
    const { parseAddress } = await import('../value-parsers.js');
    const r = parseAddress('Thôn Trung, xã Nhơn Hậu, thi xa An Nhơn, tinh Bình Định');
    expect(r?.repair?.value).toBe('Thôn Trung, xã Nhơn Hậu, thị xã An Nhơn, tỉnh Bình Định');
    expect(r?.value).toBe('Thôn Trung, xã Nhơn Hậu, thi xa An Nhơn, tinh Bình Định');
    expect(parseAddress('Khu phố 6, Quán Hành, Nghi Lộc')?.repair).toBeUndefined();
  });

  it('gives back a unit word whose mark OCR swapped where it opens a part before a place name', async () => {
    const { parseAddress, restoreSwappedUnitWords } = await import('../value-parsers.js');
    expect(parseAddress('Thôn 2, xã Nghi Phong, huyên Nghi Lộc, tính Nghệ An')?.repair?.value).toBe(
      'Thôn 2, xã Nghi Phong, huyện Nghi Lộc, tỉnh Nghệ An',
    );
    // Not inside a part, not before a lower-case word, not a capitalised place name.
    expect(restoreSwappedUnitWords('tính toán, Quán Hành, xá tội')).toBe('tính toán, Quán Hành, xá tội');
    expect(restoreSwappedUnitWords('Số 5 tính Nghệ An')).toBe('Số 5 tính Nghệ An');
  });
});
