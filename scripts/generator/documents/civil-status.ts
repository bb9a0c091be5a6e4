// Civil-status papers: birth, marriage, marital status, death, residence (CT07), household book.
import { addDays, formalDate, printDate, randomDate, randomNumericStyle } from '../dates.js';
import { type Block, b } from '../page-spec.js';
import { randomPerson, upperName } from '../people.js';
import type { Rng } from '../prng.js';
import {
  a4,
  communeAgency,
  type DocumentDraft,
  type DossierContext,
  motto,
  officialHeader,
  placeDate,
  signBlock,
  signRow,
} from './common.js';

function registrar(rng: Rng, ctx: DossierContext) {
  const a = communeAgency(ctx.applicant.residence);
  return { ...a, officer: randomPerson(rng.fork('officer')).name };
}

export function birthCertificate(rng: Rng, ctx: DossierContext): DocumentDraft {
  // The child is a new person born after 2000 so the ID follows the 21st-century digit.
  const child = randomPerson(rng.fork('child'), { fromYear: 2008, toYear: 2023 });
  const mother = randomPerson(rng.fork('mother'), { sex: 'Nữ', fromYear: 1975, toYear: 1995 });
  const father =
    ctx.applicant.sex === 'Nam'
      ? ctx.applicant
      : randomPerson(rng.fork('father'), { sex: 'Nam', fromYear: 1970, toYear: 1993 });
  const reg = registrar(rng, ctx);
  const regDate = addDays(child.birthDate, rng.int(5, 50));
  const title = rng.pick(['GIẤY KHAI SINH', 'TRÍCH LỤC KHAI SINH', 'BẢN SAO GIẤY KHAI SINH'] as const);
  const nameLabel = rng.pick(['Họ, chữ đệm, tên', 'Họ, chữ đệm và tên', 'Họ và tên'] as const);
  const so = String(rng.int(1, 320));
  const quyen = `${String(rng.int(1, 3)).padStart(2, '0')}/${regDate.slice(0, 4)}`;
  const style = randomNumericStyle(rng);
  const withId = rng.chance(0.8);
  const birthPlace = `${rng.pick(['Bệnh viện Phụ sản', 'Trạm y tế', 'Bệnh viện Đa khoa'])} ${child.birthProvince.short}`;
  const blocks: Block[] = [
    b.cols(
      [42, 58],
      [b.center(reg.parent, { size: 11 }), b.center(reg.agency, { bold: true, size: 11 }), b.rule(25)],
      motto(rng),
    ),
    b.gap(8),
    b.title(title, 16),
    b.center(`Số: ${so}    Quyển số: ${quyen}`, { size: 11.5 }),
    b.gap(6),
    b.field(nameLabel, upperName(child.name)),
    b.field('Ngày, tháng, năm sinh', printDate(child.birthDate, style)),
    b.text(`ghi bằng chữ: ${formalDate(child.birthDate)}`, { italic: true }),
    b.runs([
      { text: 'Giới tính: ' },
      { text: child.sex, bold: true },
      { text: '     Dân tộc: Kinh     Quốc tịch: Việt Nam' },
    ]),
    b.field('Nơi sinh', birthPlace, {}, false),
    b.field('Quê quán', child.hometown.full, {}, false),
  ];
  if (withId) blocks.push(b.field('Số định danh cá nhân', child.id));
  blocks.push(
    b.gap(3),
    b.field(
      rng.pick(['Họ, chữ đệm, tên người mẹ', 'Họ và tên mẹ', 'Họ, chữ đệm và tên người mẹ']),
      upperName(mother.name),
    ),
    b.text(`Năm sinh: ${mother.birthDate.slice(0, 4)}     Dân tộc: Kinh     Quốc tịch: Việt Nam`),
    b.field('Nơi cư trú', mother.residence.full, {}, false),
    b.field(
      rng.pick(['Họ, chữ đệm, tên người cha', 'Họ và tên cha', 'Họ, chữ đệm và tên người cha']),
      upperName(father.name),
    ),
    b.text(`Năm sinh: ${father.birthDate.slice(0, 4)}     Dân tộc: Kinh     Quốc tịch: Việt Nam`),
    b.gap(3),
    b.field('Nơi đăng ký khai sinh', `Ủy ban nhân dân ${reg.agency.toLocaleLowerCase('vi')}`, {}, false),
    b.field('Ngày, tháng, năm đăng ký', printDate(regDate, style), {}, false),
    b.gap(6),
    signRow(
      [],
      [
        b.center(placeDate(reg.place, regDate), { italic: true }),
        ...signBlock(rng, ['NGƯỜI KÝ GIẤY KHAI SINH'], reg.officer, 'UBND'),
      ],
    ),
  );
  const fields: Record<string, string> = {
    ho_ten: upperName(child.name),
    ngay_sinh: child.birthDate,
    gioi_tinh: child.sex,
    noi_sinh: birthPlace,
    ho_ten_me: upperName(mother.name),
    ho_ten_cha: upperName(father.name),
    so,
    quyen_so: quyen,
    ngay_dang_ky: regDate,
    noi_dang_ky: `Ủy ban nhân dân ${reg.agency.toLocaleLowerCase('vi')}`,
  };
  if (withId) fields.so_dinh_danh = child.id;
  return { type: 'giay_khai_sinh', pages: [a4(rng, blocks)], fields };
}

export function marriageCertificate(rng: Rng, ctx: DossierContext): DocumentDraft {
  const a = ctx.applicant;
  const husband = a.sex === 'Nam' ? a : randomPerson(rng.fork('husband'), { sex: 'Nam', fromYear: 1960, toYear: 1998 });
  const wife = a.sex === 'Nữ' ? a : randomPerson(rng.fork('wife'), { sex: 'Nữ', fromYear: 1962, toYear: 2000 });
  const reg = registrar(rng, ctx);
  const young = [husband.birthDate, wife.birthDate].sort()[1] as string;
  const regDate = randomDate(rng, Number(young.slice(0, 4)) + 20, 2024);
  const so = String(rng.int(1, 150));
  const style = randomNumericStyle(rng);
  const side = (who: string, p: typeof a): Block[] => [
    b.text(`Thông tin về người ${who}`, { bold: true }),
    b.field(`Họ, chữ đệm, tên ${who}`, upperName(p.name), { size: 11 }),
    b.field(`Ngày, tháng, năm sinh của ${who}`, printDate(p.birthDate, style), { size: 11 }),
    b.text('Dân tộc: Kinh   Quốc tịch: Việt Nam', { size: 11 }),
    b.field('Nơi cư trú', p.residence.full, { size: 11 }, false),
    b.field(`Số định danh cá nhân của ${who}`, p.id, { size: 11 }),
  ];
  const title = rng.pick(['GIẤY CHỨNG NHẬN KẾT HÔN', 'TRÍCH LỤC KẾT HÔN'] as const);
  const blocks: Block[] = [
    b.cols(
      [42, 58],
      [b.center(reg.parent, { size: 11 }), b.center(reg.agency, { bold: true, size: 11 }), b.rule(25)],
      motto(rng),
    ),
    b.gap(8),
    b.title(title, 16),
    b.center(`Số: ${so}, Quyển số: ${String(rng.int(1, 2)).padStart(2, '0')}/${regDate.slice(0, 4)}`),
    b.gap(6),
    b.cols([50, 50], side('chồng', husband), side('vợ', wife)),
    b.gap(4),
    b.field('Nơi đăng ký', `Ủy ban nhân dân ${reg.agency.toLocaleLowerCase('vi')}, ${reg.place}`, {}, false),
    b.field('Ngày, tháng, năm đăng ký', printDate(regDate, style), {}, false),
    b.gap(6),
    b.cols(
      [25, 25, 50],
      [b.center('Chồng', { bold: true }), b.signature(), b.center(husband.name)],
      [b.center('Vợ', { bold: true }), b.signature(), b.center(wife.name)],
      [...signBlock(rng, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], reg.officer, 'UBND')],
    ),
  ];
  return {
    type: 'giay_chung_nhan_ket_hon',
    pages: [a4(rng, blocks)],
    fields: {
      ho_ten_chong: upperName(husband.name),
      ngay_sinh_chong: husband.birthDate,
      so_dinh_danh_chong: husband.id,
      ho_ten_vo: upperName(wife.name),
      ngay_sinh_vo: wife.birthDate,
      so_dinh_danh_vo: wife.id,
      ngay_dang_ky: regDate,
      noi_dang_ky: `Ủy ban nhân dân ${reg.agency.toLocaleLowerCase('vi')}, ${reg.place}`,
      so,
    },
  };
}

export function maritalStatus(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.applicant;
  const reg = registrar(rng, ctx);
  const issued = ctx.date;
  const until = addDays(issued, 182);
  const status = rng.pick([
    'Hiện tại chưa đăng ký kết hôn với ai',
    'Đã ly hôn, hiện tại chưa đăng ký kết hôn với ai',
    'Đang có vợ/chồng',
  ]);
  const purpose = rng.pick([
    'Làm thủ tục chuyển nhượng quyền sử dụng đất',
    'Bổ sung hồ sơ vay vốn ngân hàng',
    'Đăng ký kết hôn',
  ]);
  const style = randomNumericStyle(rng);
  const blocks: Block[] = [
    ...officialHeader(rng, reg.parent, reg.agency, `${rng.int(10, 400)}/UBND-XNTTHN`, reg.place, issued),
    b.title('GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN', 15),
    b.gap(5),
    b.text(`Xét đề nghị của ông/bà: ${reg.officer}, công chức tư pháp - hộ tịch,`, { indent: 10 }),
    b.text('XÁC NHẬN:', { bold: true }),
    b.field('Họ, chữ đệm, tên', upperName(p.name)),
    b.field('Ngày, tháng, năm sinh', printDate(p.birthDate, style)),
    b.text(`Giới tính: ${p.sex}     Dân tộc: Kinh     Quốc tịch: Việt Nam`),
    b.field('Số định danh cá nhân', p.id),
    b.field('Nơi cư trú', p.residence.full, {}, false),
    b.field('Tình trạng hôn nhân', status, {}, false),
    b.field('Giấy này được cấp để', purpose, {}, false),
    b.text(`Giấy này có giá trị sử dụng đến ${formalDate(until)}.`),
    b.gap(6),
    signRow(
      [],
      signBlock(
        rng,
        ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        randomPerson(rng.fork('signer')).name,
        'UBND',
      ),
    ),
  ];
  return {
    type: 'xac_nhan_tinh_trang_hon_nhan',
    pages: [a4(rng, blocks)],
    fields: {
      ho_ten: upperName(p.name),
      ngay_sinh: p.birthDate,
      so_dinh_danh: p.id,
      noi_cu_tru: p.residence.full,
      tinh_trang_hon_nhan: status,
      muc_dich_su_dung: purpose,
      co_gia_tri_den: until,
    },
  };
}

export function deathRecord(rng: Rng, ctx: DossierContext): DocumentDraft {
  const d = randomPerson(rng.fork('deceased'), { fromYear: 1925, toYear: 1960 });
  const deathDate = randomDate(rng, 2005, 2023);
  const reg = registrar(rng, ctx);
  const regDate = addDays(deathDate, rng.int(2, 20));
  const title = deathDate < '2016-01-01' ? 'GIẤY CHỨNG TỬ' : 'TRÍCH LỤC KHAI TỬ';
  const so = String(rng.int(1, 90));
  const place = rng.chance(0.6) ? `Tại nhà, ${d.residence.full}` : `Bệnh viện Đa khoa ${d.residence.province.short}`;
  const h = rng.int(0, 23);
  const blocks: Block[] = [
    b.cols(
      [42, 58],
      [b.center(reg.parent, { size: 11 }), b.center(reg.agency, { bold: true, size: 11 }), b.rule(25)],
      motto(rng),
    ),
    b.gap(8),
    b.title(title, 16),
    b.center(`Số: ${so}/TLKT`, { size: 11.5 }),
    b.gap(6),
    b.field('Họ, chữ đệm, tên', upperName(d.name)),
    b.field('Ngày, tháng, năm sinh', printDate(d.birthDate, 'slash')),
    b.text(`Giới tính: ${d.sex}     Dân tộc: Kinh     Quốc tịch: Việt Nam`),
    b.field('Số định danh cá nhân', d.id),
    b.field('Nơi cư trú cuối cùng', d.residence.full, {}, false),
    b.field('Đã chết vào lúc', `${h} giờ ${rng.int(0, 59)} phút, ${formalDate(deathDate)}`, {}, false),
    b.field('Nơi chết', place, {}, false),
    b.field('Nguyên nhân chết', rng.pick(['Bệnh già', 'Bệnh tật', 'Tai nạn giao thông']), {}, false),
    b.gap(6),
    signRow(
      [],
      [
        b.center(placeDate(reg.place, regDate), { italic: true }),
        ...signBlock(rng, ['NGƯỜI KÝ TRÍCH LỤC'], reg.officer, 'UBND'),
      ],
    ),
  ];
  return {
    type: 'trich_luc_khai_tu',
    pages: [a4(rng, blocks)],
    fields: {
      ho_ten: upperName(d.name),
      ngay_sinh: d.birthDate,
      so_dinh_danh: d.id,
      ngay_chet: deathDate,
      noi_chet: place,
      so: `${so}/TLKT`,
    },
  };
}

export function residenceConfirmation(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.applicant;
  const head = rng.chance(0.5) ? p : randomPerson(rng.fork('head'), { fromYear: 1950, toYear: 1975 });
  const relation = head === p ? 'Chủ hộ' : rng.pick(['Con', 'Vợ', 'Chồng', 'Cháu']);
  const temp = rng.chance(0.3) ? p.hometown.full : null;
  const police = `CÔNG AN ${p.residence.full.split(', ').slice(-3, -2)[0]?.toLocaleUpperCase('vi') ?? 'XÃ'}`;
  const blocks: Block[] = [
    ...officialHeader(
      rng,
      `CÔNG AN ${p.residence.province.short.toLocaleUpperCase('vi')}`,
      police,
      `${rng.int(100, 999)}/XN`,
      p.residence.province.seat,
      ctx.date,
    ),
    b.center('Mẫu CT07 ban hành kèm theo Thông tư số 66/2023/TT-BCA', { italic: true, size: 10 }),
    b.title('XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ', 15),
    b.gap(5),
    b.field('Họ, chữ đệm và tên', upperName(p.name)),
    b.field('Ngày, tháng, năm sinh', printDate(p.birthDate, 'slash')),
    b.field('Giới tính', p.sex),
    b.field('Số định danh cá nhân', p.id),
    b.text('Dân tộc: Kinh     Tôn giáo: Không     Quốc tịch: Việt Nam'),
    b.field('Nơi thường trú', p.residence.full, {}, false),
    b.field('Nơi tạm trú', temp ?? '', {}, false),
    b.field('Nơi ở hiện tại', p.residence.full, {}, false),
    b.field('Họ, chữ đệm và tên chủ hộ', upperName(head.name)),
    b.field('Quan hệ với chủ hộ', relation, {}, false),
    b.gap(6),
    signRow([], signBlock(rng, ['TRƯỞNG CÔNG AN'], randomPerson(rng.fork('police')).name, 'CÔNG AN')),
  ];
  const fields: Record<string, string> = {
    ho_ten: upperName(p.name),
    ngay_sinh: p.birthDate,
    gioi_tinh: p.sex,
    so_dinh_danh: p.id,
    noi_thuong_tru: p.residence.full,
    ho_ten_chu_ho: upperName(head.name),
    quan_he_voi_chu_ho: relation,
  };
  if (temp) fields.noi_tam_tru = temp;
  return { type: 'xac_nhan_cu_tru', pages: [a4(rng, blocks)], fields };
}

export function householdBook(rng: Rng, ctx: DossierContext): DocumentDraft {
  const head = ctx.applicant;
  const so = String(rng.int(100000, 999999));
  const blocks: Block[] = [
    ...motto(rng),
    b.gap(20),
    b.title('SỔ HỘ KHẨU', 26),
    b.gap(10),
    b.center(`Sổ số: ${so}`, { size: 14, bold: true }),
    b.gap(10),
    b.field('Họ và tên chủ hộ', upperName(head.name), { size: 13 }),
    b.field('Nơi thường trú', head.residence.full, { size: 13 }, false),
    b.gap(10),
    signRow(
      [],
      [
        b.center(
          placeDate(head.residence.province.seat, `${rng.int(1998, 2015)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`),
          { italic: true },
        ),
        ...signBlock(rng, ['TRƯỞNG CÔNG AN'], randomPerson(rng.fork('police')).name, 'CÔNG AN'),
      ],
    ),
  ];
  return {
    type: 'so_ho_khau',
    pages: [a4(rng, blocks, { paper: '#f3ecdc' })],
    fields: { so, ho_ten_chu_ho: upperName(head.name), noi_thuong_tru: head.residence.full },
  };
}
