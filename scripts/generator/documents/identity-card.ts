// Căn cước công dân (2016 barcode, 2021 chip), Căn cước (2024) and old CMND: front and back as two pages.
import { addYears, printDate } from '../dates.js';
import { type Block, b, type PageSpec } from '../page-spec.js';
import { upperName } from '../people.js';
import type { Rng } from '../prng.js';
import type { DocumentDraft, DossierContext } from './common.js';

/** A card scanned alone, enlarged 1.5x (85.6 x 54 mm card). */
function card(rng: Rng, blocks: Block[]): PageSpec {
  return {
    widthMm: 128,
    heightMm: 81,
    marginMm: 5,
    family: rng.pick(['sans', 'sans-condensed', 'liberation-sans', 'noto-sans'] as const),
    baseSize: 8.5,
    paper: rng.pick(['#eef3ee', '#f1eee6', '#e9eef5']),
    blocks: [b.frame(blocks, 2.5)],
  };
}

/** Expiry by the renewal ages 25, 40, 60; null means "Không thời hạn". */
function expiry(birth: string, issued: string): string | null {
  const issuedYear = Number(issued.slice(0, 4));
  const age = issuedYear - Number(birth.slice(0, 4));
  for (const at of [25, 40, 60]) if (age < at - 2) return addYears(birth, at);
  return null;
}

export function identityCard(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.applicant;
  const variant = rng.pick(['2016', '2021', '2021', '2024', 'cmnd'] as const);
  const issuedYear = { '2016': 2017, '2021': 2021, '2024': 2024, cmnd: 2010 }[variant] + rng.int(0, 2);
  const issued = `${issuedYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const exp = variant === 'cmnd' ? null : expiry(p.birthDate, issued);
  const style = rng.pick(['slash', 'slash', 'dash'] as const);
  const birth = printDate(p.birthDate, style);
  const fields: Record<string, string> = { ho_ten: upperName(p.name), ngay_sinh: p.birthDate };
  const motto2: Block[] = [
    b.center('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 8 }),
    b.center('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 8 }),
  ];
  let front: Block[];
  let back: Block[];
  const expiryText = exp ? printDate(exp, style) : 'Không thời hạn';
  if (variant === 'cmnd') {
    const id = rng.digits(9).replace(/^0/, '1');
    fields.so_dinh_danh = id;
    fields.que_quan = p.hometown.card;
    // Printed as "Nơi ĐKHK thường trú" below.
    fields.noi_thuong_tru = p.residence.card;
    front = [
      ...motto2,
      b.center('GIẤY CHỨNG MINH NHÂN DÂN', { bold: true, size: 10.5 }),
      b.cols(
        [28, 72],
        [b.photo(22, 28)],
        [
          b.field('Số', id, { size: 10 }),
          b.field('Họ tên', upperName(p.name)),
          b.field('Sinh ngày', birth),
          b.field('Nguyên quán', p.hometown.card, {}, false),
          b.field('Nơi ĐKHK thường trú', p.residence.card, {}, false),
        ],
      ),
    ];
    back = [
      b.cols(
        [50, 50],
        [
          b.text('Dân tộc: Kinh'),
          b.text('Tôn giáo: Không'),
          b.text('DẤU VẾT RIÊNG VÀ DỊ HÌNH', { bold: true }),
          b.text('Nốt ruồi cách 2cm trên mép phải'),
        ],
        [
          b.center(`Ngày ${issued.slice(8)} tháng ${issued.slice(5, 7)} năm ${issued.slice(0, 4)}`, { italic: true }),
          b.center(`GIÁM ĐỐC CA ${p.birthProvince.short.toLocaleUpperCase('vi')}`, { bold: true, size: 8 }),
          b.seal('CÔNG AN', 20),
          b.signature(),
        ],
      ),
    ];
  } else {
    fields.so_dinh_danh = p.id;
    fields.gioi_tinh = p.sex;
    fields.quoc_tich = 'Việt Nam';
    if (exp) fields.co_gia_tri_den = exp;
    const bi = variant !== '2016';
    const L = (vi: string, en: string) => (bi ? `${vi} / ${en}` : vi);
    if (variant === '2024') {
      fields.noi_thuong_tru = p.residence.card;
      fields.que_quan = p.hometown.card;
      front = [
        b.center('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 8 }),
        b.center('SOCIALIST REPUBLIC OF VIET NAM', { size: 7 }),
        b.center('CĂN CƯỚC', { bold: true, size: 12 }),
        b.center('IDENTITY CARD', { bold: true, size: 8 }),
        b.cols(
          [28, 72],
          [b.photo(22, 28)],
          [
            b.text(L('Số định danh cá nhân', 'Personal identification number'), { size: 7.5 }),
            b.text(p.id, { bold: true, size: 11 }),
            b.text(L('Họ, chữ đệm và tên khai sinh', 'Full name'), { size: 7.5 }),
            b.text(upperName(p.name), { bold: true, size: 10 }),
            b.runs([{ text: `${L('Ngày, tháng, năm sinh', 'Date of birth')}: ` }, { text: birth, bold: true }]),
            b.runs([
              { text: `${L('Giới tính', 'Sex')}: ` },
              { text: p.sex, bold: true },
              { text: `   ${L('Quốc tịch', 'Nationality')}: ` },
              { text: 'Việt Nam', bold: true },
            ]),
          ],
        ),
      ];
      back = [
        b.field(L('Nơi cư trú', 'Place of residence'), p.residence.card, { size: 8 }, false),
        b.field(L('Nơi đăng ký khai sinh', 'Place of birth'), p.hometown.card, { size: 8 }, false),
        b.field(L('Ngày, tháng, năm cấp', 'Date of issue'), printDate(issued, style), { size: 8 }, false),
        b.field(L('Ngày, tháng, năm hết hạn', 'Date of expiry'), expiryText, { size: 8 }, false),
        b.center('BỘ CÔNG AN', { bold: true, size: 8 }),
        b.gap(2),
        b.text(`IDVNM${p.id.slice(3)}${p.id.slice(-1)}<<<<<<<<`, { size: 8 }),
      ];
    } else {
      fields.que_quan = p.hometown.card;
      fields.noi_thuong_tru = p.residence.card;
      front = [
        ...motto2,
        ...(bi ? [b.center('SOCIALIST REPUBLIC OF VIET NAM', { size: 7 })] : []),
        b.center('CĂN CƯỚC CÔNG DÂN', { bold: true, size: 11 }),
        ...(bi ? [b.center('Citizen Identity Card', { size: 8 })] : []),
        b.cols(
          [28, 72],
          [b.photo(22, 28), b.text(`${L('Có giá trị đến', 'Date of expiry')}: ${expiryText}`, { size: 6.5 })],
          [
            b.field(bi ? 'Số / No.' : 'Số', p.id, { size: 10.5 }),
            b.text(`${L('Họ và tên', 'Full name')}:`, { size: 8 }),
            b.text(upperName(p.name), { bold: true, size: 10 }),
            b.runs([
              { text: `${L(bi ? 'Ngày sinh' : 'Ngày, tháng, năm sinh', 'Date of birth')}: ` },
              { text: birth, bold: true },
            ]),
            b.runs([
              { text: `${L('Giới tính', 'Sex')}: ` },
              { text: p.sex, bold: true },
              { text: `  ${L('Quốc tịch', 'Nationality')}: ` },
              { text: 'Việt Nam', bold: true },
            ]),
            b.field(L('Quê quán', 'Place of origin'), p.hometown.card, { size: 8 }, false),
            b.field(L('Nơi thường trú', 'Place of residence'), p.residence.card, { size: 8 }, false),
          ],
        ),
      ];
      back = [
        b.cols(
          [55, 45],
          [
            b.text(`${L('Đặc điểm nhân dạng', 'Personal identification')}:`, { size: 7.5 }),
            b.text('Sẹo chấm cách 1cm dưới sau đuôi mắt trái', { size: 7.5 }),
            b.text(`${L('Ngày, tháng, năm', 'Date, month, year')}: ${printDate(issued, style)}`, { size: 7.5 }),
          ],
          [
            b.center('CỤC TRƯỞNG CỤC CẢNH SÁT', { bold: true, size: 6.5 }),
            b.center('QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI', { bold: true, size: 6.5 }),
            b.seal('BỘ CÔNG AN', 18),
            b.signature(),
          ],
        ),
        ...(variant === '2021'
          ? [b.text(`IDVNM${p.id.slice(3)}${rng.digits(1)}${p.id}<<${rng.digits(1)}`, { size: 8.5 })]
          : []),
      ];
    }
  }
  return { type: 'can_cuoc', pages: [card(rng, front), card(rng, back)], fields };
}
