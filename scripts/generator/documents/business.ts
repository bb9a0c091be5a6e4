// Business registration certificates: enterprise and household business.
import { formalDate, randomDate } from '../dates.js';
import { makeTaxCode } from '../identity-numbers.js';
import { type Block, b } from '../page-spec.js';
import { randomAddress, randomPerson, upperName } from '../people.js';
import type { Rng } from '../prng.js';
import { BUSINESS_LINES } from '../vn-data.js';
import {
  a4,
  amountInWords,
  collapse,
  type DocumentDraft,
  type DossierContext,
  districtOf,
  formatMoney,
  motto,
  signBlock,
  signRow,
} from './common.js';

export function enterpriseCertificate(rng: Rng, ctx: DossierContext): DocumentDraft {
  const rep = ctx.applicant;
  const province = ctx.province;
  const code = makeTaxCode(rng, province.taxPrefix);
  const kind = rng.pick([
    'CÔNG TY TRÁCH NHIỆM HỮU HẠN MỘT THÀNH VIÊN',
    'CÔNG TY CỔ PHẦN',
    'CÔNG TY TRÁCH NHIỆM HỮU HẠN HAI THÀNH VIÊN TRỞ LÊN',
  ]);
  const short = kind === 'CÔNG TY CỔ PHẦN' ? 'CÔNG TY CỔ PHẦN' : 'CÔNG TY TNHH';
  const name = `${short} ${rng.pick(['XÂY DỰNG', 'THƯƠNG MẠI', 'DỊCH VỤ', 'NÔNG SẢN'])} ${rng.pick(['PHÚC LỘC', 'AN BÌNH', 'THÀNH ĐẠT', 'HƯNG THỊNH', 'SAO VIỆT'])}`;
  const address = randomAddress(rng, province);
  const capital = rng.int(1, 500) * 100_000_000;
  const first = randomDate(rng, 2012, 2024);
  const agency = rng.chance(0.5)
    ? `SỞ KẾ HOẠCH VÀ ĐẦU TƯ ${province.short.toLocaleUpperCase('vi')}`
    : `SỞ TÀI CHÍNH ${province.short.toLocaleUpperCase('vi')}`;
  const blocks: Block[] = [
    b.cols(
      [42, 58],
      [b.center(agency, { size: 11 }), b.center('PHÒNG ĐĂNG KÝ KINH DOANH', { bold: true, size: 11 }), b.rule(25)],
      motto(rng),
    ),
    b.gap(8),
    b.title('GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP', 15),
    b.center(kind, { bold: true, size: 12.5 }),
    b.gap(3),
    b.center(`Mã số doanh nghiệp: ${code}`, { bold: true }),
    b.center(`Đăng ký lần đầu: ${formalDate(first)}`),
    ...(rng.chance(0.5) ? [b.center(`Đăng ký thay đổi lần thứ: ${rng.int(1, 5)}, ${formalDate(ctx.date)}`)] : []),
    b.gap(4),
    b.text('1. Tên công ty', { bold: true }),
    b.field(rng.pick(['Tên công ty viết bằng tiếng Việt', 'Tên doanh nghiệp viết bằng tiếng Việt']), name),
    b.text('Tên công ty viết bằng tiếng nước ngoài: ...'),
    b.text('2. Địa chỉ trụ sở chính', { bold: true }),
    b.text(address.full),
    b.text(`Điện thoại: 02${rng.digits(9)}`),
    b.text('3. Vốn điều lệ', { bold: true }),
    b.field('Vốn điều lệ', `${formatMoney(capital)} đồng`),
    b.field('Bằng chữ', amountInWords(rng, capital), { italic: true }, false),
    b.text('4. Người đại diện theo pháp luật của công ty', { bold: true }),
    b.runs([
      { text: '* Họ và tên: ' },
      { text: upperName(rep.name), bold: true },
      { text: `     Giới tính: ${rep.sex}` },
    ]),
    b.text('Chức danh: Giám đốc'),
    b.text(`Sinh ngày: ${rep.birthDate.split('-').reverse().join('/')}     Dân tộc: Kinh     Quốc tịch: Việt Nam`),
    b.text(`Loại giấy tờ pháp lý của cá nhân: Thẻ Căn cước công dân     Số giấy tờ pháp lý của cá nhân: ${rep.id}`),
    b.field('Địa chỉ thường trú', rep.residence.full, {}, false),
    b.gap(4),
    signRow([], signBlock(rng, ['TRƯỞNG PHÒNG'], randomPerson(rng.fork('head')).name, 'PHÒNG ĐKKD')),
  ];
  return {
    type: 'gcn_dang_ky_doanh_nghiep',
    pages: [a4(rng, blocks, { baseSize: 11.5 })],
    fields: {
      ma_so_doanh_nghiep: code,
      ten_doanh_nghiep: collapse(name),
      dia_chi_tru_so: address.full,
      von_dieu_le: String(capital),
      nguoi_dai_dien: upperName(rep.name),
      ngay_dang_ky_lan_dau: first,
    },
  };
}

export function householdBusinessCertificate(rng: Rng, ctx: DossierContext): DocumentDraft {
  const owner = ctx.applicant;
  const place = randomAddress(rng, ctx.province);
  // Since 07/2025 the household-business code is the owner's 12-digit ID; older ones use a district-specific format.
  const code = rng.chance(0.5) ? owner.id : `${ctx.province.taxPrefix}${rng.pick(['A8', 'B8', 'C8'])}${rng.digits(6)}`;
  const name = `Hộ kinh doanh ${rng.pick(['Tạp hóa', 'Quán', 'Cửa hàng'])} ${owner.name.split(' ').slice(-1)[0]} ${rng.pick(['Phát', 'Lộc', 'Hòa'])}`;
  const line = rng.pick(BUSINESS_LINES);
  const capital = rng.int(5, 300) * 10_000_000;
  const first = randomDate(rng, 2010, 2024);
  const district = districtOf(place).toLocaleUpperCase('vi');
  const blocks: Block[] = [
    b.cols(
      [42, 58],
      [
        b.center(`UBND ${district}`, { size: 11 }),
        b.center('PHÒNG TÀI CHÍNH - KẾ HOẠCH', { bold: true, size: 11 }),
        b.rule(25),
      ],
      motto(rng),
    ),
    b.gap(8),
    b.title('GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH', 15),
    b.center(`Mã số hộ kinh doanh: ${code}`, { bold: true }),
    b.center(`Đăng ký lần đầu: ${formalDate(first)}`),
    b.gap(4),
    b.field('1. Tên hộ kinh doanh', name.toLocaleUpperCase('vi')),
    b.field('2. Địa điểm kinh doanh', place.full, {}, false),
    b.field('3. Ngành, nghề kinh doanh', line, {}, false),
    b.field('4. Vốn kinh doanh', `${formatMoney(capital)} đồng`),
    b.field('Bằng chữ', amountInWords(rng, capital), { italic: true }, false),
    b.text('5. Chủ hộ kinh doanh', { bold: true }),
    b.runs([
      { text: 'Họ và tên: ' },
      { text: upperName(owner.name), bold: true },
      { text: `     Giới tính: ${owner.sex}` },
    ]),
    b.field('Số định danh cá nhân', owner.id),
    b.field('Nơi thường trú', owner.residence.full, {}, false),
    b.gap(4),
    signRow([], signBlock(rng, ['TRƯỞNG PHÒNG'], randomPerson(rng.fork('head')).name, 'UBND')),
  ];
  return {
    type: 'gcn_dang_ky_ho_kinh_doanh',
    pages: [a4(rng, blocks)],
    fields: {
      ma_so_ho_kinh_doanh: code,
      ten_ho_kinh_doanh: collapse(name.toLocaleUpperCase('vi')),
      dia_diem_kinh_doanh: place.full,
      nganh_nghe: line,
      von_kinh_doanh: String(capital),
      chu_ho: upperName(owner.name),
      so_dinh_danh: owner.id,
      ngay_dang_ky_lan_dau: first,
    },
  };
}
