// Land papers: certificate (GCN), transfer contract, change registration, cadastral extract, inheritance, building permit.
import { formalDate, printDate, randomDate } from '../dates.js';
import { numberToWords } from '../number-words.js';
import { type Block, b } from '../page-spec.js';
import { type Person, randomPerson, upperName } from '../people.js';
import type { Rng } from '../prng.js';
import {
  a4,
  amountInWords,
  areaValue,
  communeAgency,
  type DocumentDraft,
  type DossierContext,
  districtOf,
  honorific,
  motto,
  officialHeader,
  placeDate,
  printArea,
  printMoney,
  samePageStyle,
  signBlock,
  signRow,
} from './common.js';

function areaWords(area: number): string {
  const [int, dec] = String(area).split('.');
  return `${numberToWords(Number(int))}${dec ? ` phẩy ${numberToWords(Number(dec))}` : ''} mét vuông`;
}

export function landCertificate(rng: Rng, ctx: DossierContext): DocumentDraft {
  const owner = ctx.applicant;
  const parcel = ctx.parcel;
  const isNew = parcel.serial.replace(/\D/g, '').length === 8;
  const title = isNew
    ? 'GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT'
    : rng.pick([
        'GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU NHÀ Ở VÀ TÀI SẢN KHÁC GẮN LIỀN VỚI ĐẤT',
        'GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT',
      ]);
  const term = rng.pick(['Lâu dài', 'Lâu dài', `Đến ngày ${printDate('2063-10-15', 'slash')}`]);
  const idLabel = rng.pick(['CCCD số', 'Số định danh cá nhân'] as const);
  const paper = '#f6e9e4';
  const page1: Block[] = [
    ...motto(rng),
    b.gap(10),
    b.center(title, { bold: true, size: 14 }),
    b.gap(10),
    b.text('I. Người sử dụng đất, chủ sở hữu nhà ở và tài sản khác gắn liền với đất', { bold: true }),
    b.runs([
      { text: `${honorific(owner)}: ` },
      { text: upperName(owner.name), bold: true },
      { text: `, sinh năm ${owner.birthDate.slice(0, 4)}` },
    ]),
    b.field(idLabel, owner.id),
    b.field('Địa chỉ thường trú', owner.residence.full, {}, false),
    b.gap(30),
    b.center(`${parcel.serial}`, { bold: true, size: 16 }),
    b.center('Số phát hành', { italic: true, size: 9 }),
  ];
  const issued = randomDate(rng, isNew ? 2024 : 2010, isNew ? 2025 : 2023);
  const agency = `SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG ${parcel.address.province.short.toLocaleUpperCase('vi')}`;
  const page2: Block[] = [
    b.text('II. Thửa đất, nhà ở và tài sản khác gắn liền với đất', { bold: true }),
    b.text('1. Thửa đất:'),
    b.field('a) Thửa đất số', parcel.thua, { indent: 5 }),
    b.field('b) Tờ bản đồ số', parcel.to, { indent: 5 }),
    b.field('c) Địa chỉ', parcel.address.full, { indent: 5 }, false),
    b.field('d) Diện tích', `${printArea(parcel.area)} (bằng chữ: ${areaWords(parcel.area)})`, { indent: 5 }, false),
    b.text(`đ) Hình thức sử dụng: Riêng ${printArea(parcel.area)}, Chung: không m²`, { indent: 5 }),
    b.field('e) Mục đích sử dụng', parcel.landUse, { indent: 5 }, false),
    b.field('g) Thời hạn sử dụng', term, { indent: 5 }, false),
    b.text('h) Nguồn gốc sử dụng: Công nhận QSDĐ như giao đất có thu tiền sử dụng đất', { indent: 5 }),
    b.text('2. Nhà ở: -/-'),
    b.text('3. Ghi chú: -/-'),
    b.gap(6),
    signRow(
      [b.gap(20), b.field('Số vào sổ cấp GCN', parcel.registerNo)],
      [
        b.center(placeDate(parcel.address.province.seat, issued), { italic: true }),
        ...signBlock(
          rng,
          ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
          randomPerson(rng.fork('signer')).name,
          agency,
        ),
      ],
    ),
  ];
  const first = a4(rng, page1, { paper });
  return {
    type: 'gcn_quyen_su_dung_dat',
    pages: [first, samePageStyle(first, page2)],
    fields: {
      so_phat_hanh: parcel.serial,
      so_vao_so: parcel.registerNo,
      nguoi_su_dung: upperName(owner.name),
      so_dinh_danh: owner.id,
      thua_dat_so: parcel.thua,
      to_ban_do_so: parcel.to,
      dia_chi_thua_dat: parcel.address.full,
      dien_tich: areaValue(parcel.area),
      muc_dich_su_dung: parcel.landUse,
      thoi_han_su_dung: term,
    },
  };
}

function partyBlock(label: string, alias: string, p: Person): Block[] {
  return [
    b.text(`${label} (sau đây gọi là ${alias}):`, { bold: true }),
    b.runs([
      { text: `${honorific(p)}: ` },
      { text: upperName(p.name), bold: true },
      { text: `     Sinh ngày: ${printDate(p.birthDate, 'slash')}` },
    ]),
    b.text(`CCCD số: ${p.id} cấp ngày ${printDate('2021-07-12', 'slash')} tại Cục Cảnh sát QLHC về TTXH`),
    b.field('Địa chỉ thường trú', p.residence.full, {}, false),
  ];
}

export function transferContract(rng: Rng, ctx: DossierContext): DocumentDraft {
  const seller = ctx.applicant;
  const buyer = ctx.other;
  const parcel = ctx.parcel;
  const price = Math.round((parcel.area * rng.int(8, 60)) / 10) * 1_000_000;
  const signed = ctx.date;
  const title = rng.pick([
    'HỢP ĐỒNG CHUYỂN NHƯỢNG QUYỀN SỬ DỤNG ĐẤT',
    'HỢP ĐỒNG CHUYỂN NHƯỢNG QUYỀN SỬ DỤNG ĐẤT VÀ TÀI SẢN GẮN LIỀN VỚI ĐẤT',
  ]);
  const notary = `Văn phòng công chứng ${rng.pick(['Trung Tín', 'Hồng Đức', 'Thăng Long', 'Nam Việt'])}`;
  const page1: Block[] = [
    ...motto(rng),
    b.gap(6),
    b.title(title, 14),
    b.gap(4),
    b.text(`Hôm nay, ${formalDate(signed)}, tại ${notary}, ${parcel.address.province.name}, chúng tôi gồm có:`, {
      align: 'justify',
      indent: 10,
    }),
    b.gap(2),
    ...partyBlock('BÊN CHUYỂN NHƯỢNG', 'Bên A', seller),
    b.gap(3),
    ...partyBlock('BÊN NHẬN CHUYỂN NHƯỢNG', 'Bên B', buyer),
    b.gap(3),
    b.text('Hai bên đồng ý thực hiện việc chuyển nhượng quyền sử dụng đất theo các thỏa thuận sau đây:', {
      indent: 10,
      align: 'justify',
    }),
    b.text('ĐIỀU 1. QUYỀN SỬ DỤNG ĐẤT CHUYỂN NHƯỢNG', { bold: true }),
    b.text(
      `1. Quyền sử dụng đất của Bên A theo Giấy chứng nhận số phát hành ${parcel.serial}, số vào sổ cấp GCN ${parcel.registerNo}, cụ thể như sau:`,
      { align: 'justify' },
    ),
    b.field('- Thửa đất số', parcel.thua, { indent: 5 }),
    b.field('- Tờ bản đồ số', parcel.to, { indent: 5 }),
    b.field('- Địa chỉ thửa đất', parcel.address.full, { indent: 5 }, false),
    b.field('- Diện tích', `${printArea(parcel.area)} (bằng chữ: ${areaWords(parcel.area)})`, { indent: 5 }, false),
    b.field('- Mục đích sử dụng', parcel.landUse, { indent: 5 }, false),
  ];
  const page2: Block[] = [
    b.text('ĐIỀU 2. GIÁ CHUYỂN NHƯỢNG VÀ PHƯƠNG THỨC THANH TOÁN', { bold: true }),
    b.runs(
      [
        { text: '1. Giá chuyển nhượng quyền sử dụng đất nêu tại Điều 1 là: ' },
        { text: printMoney(rng, price), bold: true },
        { text: ` (Bằng chữ: ${amountInWords(rng, price)}).` },
      ],
      { align: 'justify' },
    ),
    b.text('2. Phương thức thanh toán: Tiền mặt hoặc chuyển khoản, do hai bên tự thực hiện.', { align: 'justify' }),
    b.text('ĐIỀU 3. VIỆC GIAO VÀ ĐĂNG KÝ QUYỀN SỬ DỤNG ĐẤT', { bold: true }),
    b.text(
      'Bên A có nghĩa vụ giao thửa đất nêu tại Điều 1 cùng giấy tờ về quyền sử dụng đất cho Bên B ngay sau khi ký hợp đồng. Bên B có trách nhiệm đăng ký biến động tại cơ quan có thẩm quyền theo quy định của pháp luật.',
      { align: 'justify', indent: 10 },
    ),
    b.text('ĐIỀU 4. TRÁCH NHIỆM NỘP THUẾ, LỆ PHÍ', { bold: true }),
    b.text(
      'Thuế thu nhập cá nhân do Bên A chịu trách nhiệm nộp; lệ phí trước bạ và lệ phí đăng ký do Bên B chịu trách nhiệm nộp.',
      { align: 'justify', indent: 10 },
    ),
    b.text('ĐIỀU 5. CAM KẾT CỦA CÁC BÊN', { bold: true }),
    b.text(
      'Các bên chịu trách nhiệm trước pháp luật về những lời cam đoan; đã đọc lại hợp đồng, hiểu rõ quyền, nghĩa vụ và ký tên dưới đây.',
      { align: 'justify', indent: 10 },
    ),
    b.gap(6),
    b.cols(
      [50, 50],
      [
        b.center('BÊN A', { bold: true }),
        b.center('(Ký, ghi rõ họ tên)', { italic: true, size: 10 }),
        b.signature(),
        b.center(seller.name, { bold: true }),
      ],
      [
        b.center('BÊN B', { bold: true }),
        b.center('(Ký, ghi rõ họ tên)', { italic: true, size: 10 }),
        b.signature(),
        b.center(buyer.name, { bold: true }),
      ],
    ),
  ];
  const notaryPage: Block[] = [
    b.title('LỜI CHỨNG CỦA CÔNG CHỨNG VIÊN', 14),
    b.gap(4),
    b.text(
      `Hôm nay, ${formalDate(signed)}, tại ${notary}, tôi, công chứng viên ${randomPerson(rng.fork('notary')).name},`,
      { align: 'justify', indent: 10 },
    ),
    b.text('CÔNG CHỨNG:', { bold: true }),
    b.text(
      '- Hợp đồng chuyển nhượng quyền sử dụng đất được giao kết giữa Bên A và Bên B; các bên đã tự nguyện thỏa thuận giao kết hợp đồng;',
      { align: 'justify' },
    ),
    b.text(
      '- Tại thời điểm công chứng, các bên đã giao kết hợp đồng có năng lực hành vi dân sự phù hợp theo quy định của pháp luật;',
      { align: 'justify' },
    ),
    b.text(
      `Số công chứng ${rng.int(1000, 9999)}, quyển số ${String(rng.int(1, 12)).padStart(2, '0')}/${signed.slice(0, 4)} TP/CC-SCC/HĐGD.`,
    ),
    b.gap(6),
    signRow([], signBlock(rng, ['CÔNG CHỨNG VIÊN'], randomPerson(rng.fork('notary2')).name, 'CÔNG CHỨNG')),
  ];
  const first = a4(rng, page1, { baseSize: rng.pick([11.5, 12, 12.5]) });
  const pages = [first, samePageStyle(first, page2)];
  if (rng.chance(0.6)) pages.push(samePageStyle(first, notaryPage));
  return {
    type: 'hop_dong_chuyen_nhuong',
    pages,
    fields: {
      ben_chuyen_nhuong: upperName(seller.name),
      so_dinh_danh_ben_chuyen_nhuong: seller.id,
      ben_nhan_chuyen_nhuong: upperName(buyer.name),
      so_dinh_danh_ben_nhan_chuyen_nhuong: buyer.id,
      thua_dat_so: parcel.thua,
      to_ban_do_so: parcel.to,
      dien_tich: areaValue(parcel.area),
      gia_chuyen_nhuong: String(price),
      ngay_ky: signed,
    },
  };
}

export function changeRegistration(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.other;
  const parcel = ctx.parcel;
  const title = rng.pick(['ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT', 'ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI']);
  const content = `Chuyển nhượng toàn bộ thửa đất số ${parcel.thua}, tờ bản đồ số ${parcel.to} từ ${honorific(ctx.applicant).toLowerCase()} ${ctx.applicant.name} sang ${honorific(p).toLowerCase()} ${p.name}`;
  const reason = rng.pick(['Nhận chuyển nhượng quyền sử dụng đất', 'Chuyển nhượng theo hợp đồng đã công chứng']);
  const blocks: Block[] = [
    ...motto(rng),
    b.gap(6),
    b.title(title, 14),
    b.gap(3),
    b.center(`Kính gửi: Văn phòng đăng ký đất đai ${parcel.address.province.short}`, { size: 12 }),
    b.gap(4),
    b.text('I. PHẦN KÊ KHAI CỦA NGƯỜI ĐĂNG KÝ', { bold: true }),
    b.text('1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất', { bold: true }),
    b.field('1.1. Tên', upperName(p.name), { indent: 5 }),
    b.field('1.2. Giấy tờ nhân thân: CCCD số', p.id, { indent: 5 }),
    b.field('1.3. Địa chỉ thường trú', p.residence.full, { indent: 5 }, false),
    b.text('2. Giấy chứng nhận đã cấp', { bold: true }),
    b.text(`2.1. Số vào sổ cấp GCN: ${parcel.registerNo};  2.2. Số phát hành GCN: ${parcel.serial}`, { indent: 5 }),
    b.text(`Thửa đất số: ${parcel.thua};  Tờ bản đồ số: ${parcel.to}`, { indent: 5 }),
    b.text('3. Nội dung biến động', { bold: true }),
    b.field('Nội dung biến động', content, { indent: 5, align: 'justify' }, false),
    b.text('4. Lý do biến động', { bold: true }),
    b.field('Lý do biến động', reason, { indent: 5 }, false),
    b.text('5. Tình hình thực hiện nghĩa vụ tài chính: Đã nộp theo thông báo của cơ quan thuế.'),
    b.gap(3),
    b.text(
      'Tôi cam đoan nội dung kê khai trên đơn là đúng sự thật, nếu sai tôi hoàn toàn chịu trách nhiệm trước pháp luật.',
      { italic: true, align: 'justify' },
    ),
    b.gap(4),
    signRow(
      [],
      [
        b.center(placeDate(parcel.address.province.seat, ctx.date), { italic: true }),
        b.center('Người viết đơn', { bold: true }),
        b.center('(Ký, ghi rõ họ tên và đóng dấu nếu có)', { italic: true, size: 10 }),
        b.signature(),
        b.center(p.name, { bold: true }),
      ],
    ),
  ];
  return {
    type: 'don_dang_ky_bien_dong',
    pages: [a4(rng, blocks)],
    fields: {
      nguoi_dang_ky: upperName(p.name),
      so_dinh_danh: p.id,
      dia_chi: p.residence.full,
      thua_dat_so: parcel.thua,
      to_ban_do_so: parcel.to,
      noi_dung_bien_dong: content,
      ly_do_bien_dong: reason,
    },
  };
}

export function cadastralExtract(rng: Rng, ctx: DossierContext): DocumentDraft {
  const parcel = ctx.parcel;
  const title = rng.pick([
    'TRÍCH LỤC BẢN ĐỒ ĐỊA CHÍNH',
    'TRÍCH ĐO BẢN ĐỒ ĐỊA CHÍNH THỬA ĐẤT',
    'BẢN MÔ TẢ RANH GIỚI, MỐC GIỚI THỬA ĐẤT',
  ]);
  const office = `VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI ${parcel.address.province.short.toLocaleUpperCase('vi')}`;
  const blocks: Block[] = [
    ...officialHeader(
      rng,
      `SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG`,
      office,
      `${rng.int(100, 9999)}/TLBĐ`,
      parcel.address.province.seat,
      ctx.date,
    ),
    b.title(title, 14),
    b.gap(4),
    b.field('1. Thửa đất số', parcel.thua),
    b.field('Tờ bản đồ số', parcel.to),
    b.field('Địa chỉ thửa đất', parcel.address.full, {}, false),
    b.field('2. Diện tích', printArea(parcel.area)),
    b.field('3. Mục đích sử dụng đất', parcel.landUse, {}, false),
    b.gap(3),
    b.frame(
      [
        b.gap(40),
        b.center(`Thửa ${parcel.thua}`, { size: 14, bold: true }),
        b.center(`${String(parcel.area).replace('.', ',')} m²  ${parcel.landUse.replace(/^.*\((\w+)\)$/, '$1')}`),
        b.gap(40),
      ],
      4,
    ),
    b.table(
      [10, 30, 30, 30],
      ['Điểm', 'X (m)', 'Y (m)', 'Cạnh (m)'],
      [1, 2, 3, 4].map((i) => [
        String(i),
        `${rng.int(1000000, 2400000)},${rng.int(10, 99)}`,
        `${rng.int(500000, 600000)},${rng.int(10, 99)}`,
        `${rng.int(5, 30)},${rng.int(10, 99)}`,
      ]),
      10,
    ),
    signRow(
      [b.center('Người đo đạc', { bold: true }), b.signature(), b.center(randomPerson(rng.fork('surveyor')).name)],
      signBlock(rng, ['GIÁM ĐỐC'], randomPerson(rng.fork('director')).name, 'VPĐKĐĐ'),
    ),
  ];
  return {
    type: 'trich_luc_ban_do',
    pages: [a4(rng, blocks)],
    fields: {
      thua_dat_so: parcel.thua,
      to_ban_do_so: parcel.to,
      dien_tich: areaValue(parcel.area),
      dia_chi_thua_dat: parcel.address.full,
    },
  };
}

export function inheritanceAgreement(rng: Rng, ctx: DossierContext): DocumentDraft {
  const parcel = ctx.parcel;
  const deceased = randomPerson(rng.fork('deceased'), { fromYear: 1930, toYear: 1955 });
  const death = randomDate(rng, 2010, 2023);
  const title = rng.pick([
    'VĂN BẢN THỎA THUẬN PHÂN CHIA DI SẢN THỪA KẾ',
    'VĂN BẢN KHAI NHẬN DI SẢN THỪA KẾ',
    'VĂN BẢN KHAI NHẬN DI SẢN',
  ]);
  const heirs = [ctx.applicant, randomPerson(rng.fork('heir'))];
  const blocks: Block[] = [
    ...motto(rng),
    b.gap(6),
    b.title(title, 14),
    b.gap(4),
    b.text(
      `Hôm nay, ${formalDate(ctx.date)}, tại Văn phòng công chứng ${rng.pick(['Sài Gòn', 'Hà Thành', 'Bến Thành'])}, chúng tôi gồm:`,
      { indent: 10, align: 'justify' },
    ),
    ...heirs.map((h, i) =>
      b.text(
        `${i + 1}. ${honorific(h)} ${h.name}, sinh ngày ${printDate(h.birthDate, 'slash')}, CCCD số ${h.id}, thường trú tại ${h.residence.full}.`,
        { align: 'justify' },
      ),
    ),
    b.text('Là những người thừa kế theo pháp luật của:', { indent: 10 }),
    b.runs(
      [
        { text: 'Người để lại di sản: ' },
        { text: `${honorific(deceased)} ${upperName(deceased.name)}`, bold: true },
        {
          text: `, sinh năm ${deceased.birthDate.slice(0, 4)}, đã chết ngày ${printDate(death, 'slash')} theo Trích lục khai tử số ${rng.int(10, 99)}/TLKT.`,
        },
      ],
      { align: 'justify' },
    ),
    b.text('Di sản thừa kế gồm:', { bold: true }),
    b.text(
      `Quyền sử dụng đất tại thửa đất số ${parcel.thua}, tờ bản đồ số ${parcel.to}, địa chỉ: ${parcel.address.full}, diện tích ${printArea(parcel.area)}.`,
      { align: 'justify', indent: 10 },
    ),
    b.text(
      'Chúng tôi thỏa thuận phân chia di sản nêu trên cho ' +
        `${honorific(ctx.applicant).toLowerCase()} ${ctx.applicant.name} được hưởng toàn bộ.`,
      { align: 'justify', indent: 10 },
    ),
    b.gap(6),
    b.cols(
      [50, 50],
      [b.center('NGƯỜI THỪA KẾ', { bold: true }), b.signature(), b.center(heirs[0]?.name ?? '')],
      [b.center('NGƯỜI THỪA KẾ', { bold: true }), b.signature(), b.center(heirs[1]?.name ?? '')],
    ),
  ];
  const fields: Record<string, string> = {
    nguoi_de_lai_di_san: upperName(deceased.name),
    ngay_chet: death,
    thua_dat_so: parcel.thua,
    to_ban_do_so: parcel.to,
  };
  return { type: 'van_ban_thua_ke', pages: [a4(rng, blocks)], fields };
}

export function buildingPermit(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.applicant;
  const parcel = ctx.parcel;
  const number = `${rng.int(10, 999)}/GPXD`;
  const built = Math.round(parcel.area * (0.5 + rng.next() * 0.4) * 10) / 10;
  const agency = communeAgency(parcel.address);
  const district = districtOf(parcel.address).toLocaleUpperCase('vi');
  const blocks: Block[] = [
    ...officialHeader(rng, 'UỶ BAN NHÂN DÂN', district, number, agency.place, ctx.date),
    b.title('GIẤY PHÉP XÂY DỰNG', 16),
    b.center('(Sử dụng cho nhà ở riêng lẻ)', { italic: true }),
    b.gap(4),
    b.runs([{ text: '1. Cấp cho: ' }, { text: `${honorific(p)} ${upperName(p.name)}`, bold: true }]),
    b.field('Địa chỉ', p.residence.full, {}, false),
    b.text(`2. Được phép xây dựng công trình: Nhà ở riêng lẻ, ${rng.int(2, 5)} tầng.`),
    b.field(
      '- Theo thiết kế do',
      `Công ty TNHH Tư vấn Xây dựng ${rng.pick(['Phú Thành', 'Đại Phát', 'An Khang'])} lập`,
      {},
      false,
    ),
    b.field('- Địa điểm xây dựng', parcel.address.full, {}, false),
    b.field('- Lô đất số', parcel.thua, {}, true),
    b.text(`- Tờ bản đồ số: ${parcel.to}`),
    b.field('- Diện tích xây dựng tầng 1', printArea(built)),
    b.text(`- Chiều cao công trình: ${rng.int(8, 18)},${rng.int(0, 9)} m`),
    b.text('3. Giấy phép này có hiệu lực khởi công xây dựng trong thời hạn 12 tháng kể từ ngày cấp.'),
    b.gap(6),
    signRow(
      [
        b.text('Nơi nhận:', { bold: true, italic: true, size: 10 }),
        b.text('- Chủ đầu tư;', { size: 10 }),
        b.text('- Lưu: VT.', { size: 10 }),
      ],
      signBlock(rng, ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], randomPerson(rng.fork('signer')).name, 'UBND'),
    ),
  ];
  return {
    type: 'giay_phep_xay_dung',
    pages: [a4(rng, blocks)],
    fields: {
      so_giay_phep: number,
      chu_dau_tu: upperName(p.name),
      dia_diem_xay_dung: parcel.address.full,
      thua_dat_so: parcel.thua,
      dien_tich_xay_dung: areaValue(built),
      ngay_cap: ctx.date,
    },
  };
}
