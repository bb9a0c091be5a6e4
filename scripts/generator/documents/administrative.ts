// Administrative papers: power of attorney, one-stop receipt, decision, official letter, applications, unrelated pages.
import { addDays, formalDate, printDate } from '../dates.js';
import { type Block, b } from '../page-spec.js';
import { type Person, randomPerson, upperName } from '../people.js';
import type { Rng } from '../prng.js';
import { PROCEDURES } from '../vn-data.js';
import {
  a4,
  collapse,
  communeAgency,
  type DocumentDraft,
  type DossierContext,
  districtOf,
  honorific,
  motto,
  officialHeader,
  PRINT_FAMILIES,
  placeDate,
  samePageStyle,
  signBlock,
  signRow,
} from './common.js';

function personLines(p: Person): Block[] {
  return [
    b.runs([
      { text: 'Họ và tên: ' },
      { text: upperName(p.name), bold: true },
      { text: `     Sinh ngày: ${printDate(p.birthDate, 'slash')}` },
    ]),
    b.field('CCCD số', p.id),
    b.field('Nơi cư trú', p.residence.full, {}, false),
  ];
}

export function powerOfAttorney(rng: Rng, ctx: DossierContext): DocumentDraft {
  const principal = ctx.applicant;
  const agent = ctx.other;
  const contract = rng.chance(0.3);
  const title = contract ? 'HỢP ĐỒNG ỦY QUYỀN' : rng.pick(['GIẤY ỦY QUYỀN', 'GIẤY UỶ QUYỀN']);
  const scope = rng.pick([
    `Thay mặt bên ủy quyền nộp hồ sơ, nhận kết quả thủ tục đăng ký biến động đất đai đối với thửa đất số ${ctx.parcel.thua}, tờ bản đồ số ${ctx.parcel.to}`,
    'Thay mặt bên ủy quyền làm thủ tục đăng ký khai sinh, ký các giấy tờ liên quan',
    'Liên hệ cơ quan thuế kê khai, nộp thuế và lệ phí trước bạ',
  ]);
  const term = rng.pick([
    'Kể từ ngày ký đến khi hoàn thành công việc được ủy quyền',
    '06 tháng kể từ ngày ký',
    '01 năm kể từ ngày ký',
  ]);
  const [l1, l2] = contract
    ? ['BÊN ỦY QUYỀN', 'BÊN ĐƯỢC ỦY QUYỀN']
    : rng.pick([
        ['I. Bên ủy quyền', 'II. Bên được ủy quyền'],
        ['I. Người ủy quyền', 'II. Người được ủy quyền'],
      ] as const);
  const blocks: Block[] = [
    ...motto(rng),
    b.gap(6),
    b.title(title, 16),
    b.gap(4),
    b.text(`Hôm nay, ${formalDate(ctx.date)}, chúng tôi gồm:`, { indent: 10 }),
    b.text(`${l1}:`, { bold: true }),
    ...personLines(principal),
    b.gap(2),
    b.text(`${l2}:`, { bold: true }),
    ...personLines(agent),
    b.gap(2),
    b.field('III. Nội dung ủy quyền', scope, { align: 'justify' }, false),
    b.field('IV. Thời hạn ủy quyền', term, {}, false),
    b.text(
      'Bên được ủy quyền có trách nhiệm thực hiện đúng nội dung ủy quyền và không được ủy quyền lại cho người khác. Chúng tôi cam kết chịu trách nhiệm trước pháp luật về nội dung ủy quyền này.',
      { align: 'justify', indent: 10 },
    ),
    b.gap(6),
    b.cols(
      [50, 50],
      [
        b.center(contract ? 'BÊN ỦY QUYỀN' : 'NGƯỜI ỦY QUYỀN', { bold: true }),
        b.signature(),
        b.center(principal.name, { bold: true }),
      ],
      [
        b.center(contract ? 'BÊN ĐƯỢC ỦY QUYỀN' : 'NGƯỜI ĐƯỢC ỦY QUYỀN', { bold: true }),
        b.signature(),
        b.center(agent.name, { bold: true }),
      ],
    ),
  ];
  return {
    type: 'giay_uy_quyen',
    pages: [a4(rng, blocks)],
    fields: {
      ben_uy_quyen: upperName(principal.name),
      so_dinh_danh_ben_uy_quyen: principal.id,
      ben_duoc_uy_quyen: upperName(agent.name),
      so_dinh_danh_ben_duoc_uy_quyen: agent.id,
      noi_dung_uy_quyen: collapse(scope),
      thoi_han_uy_quyen: term,
    },
  };
}

export function dossierReceipt(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.applicant;
  const h = `H${String(rng.int(1, 63)).padStart(2, '0')}`;
  const code = `000.${rng.pick(['00', '20', '21', '30'])}.${rng.int(10, 40)}.${h}-${ctx.date.slice(2).replaceAll('-', '')}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
  const procedure = rng.pick(PROCEDURES);
  const due = addDays(ctx.date, rng.int(3, 30));
  const title = rng.pick([
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    'PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    'BIÊN NHẬN HỒ SƠ',
  ] as const);
  const unit = 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG';
  const when = (iso: string) =>
    `${rng.int(7, 16)} giờ ${String(rng.int(0, 59)).padStart(2, '0')} phút, ${formalDate(iso)}`;
  const blocks: Block[] = [
    ...officialHeader(
      rng,
      `UBND ${p.residence.province.short.toLocaleUpperCase('vi')}`,
      unit,
      `${rng.int(1, 9999)}/TTPVHCC`,
      p.residence.province.seat,
      ctx.date,
    ),
    b.title(title, 14),
    b.center(`Mã hồ sơ: ${code}`, { bold: true }),
    b.gap(3),
    b.text(`${unit.charAt(0)}${unit.slice(1).toLocaleLowerCase('vi')} ${p.residence.province.name}`, { indent: 10 }),
    b.runs([{ text: 'Tiếp nhận hồ sơ của: Ông/Bà: ' }, { text: upperName(p.name), bold: true }]),
    b.field('Số định danh cá nhân', p.id),
    b.field('Địa chỉ', p.residence.full, {}, false),
    b.text(`Số điện thoại: 09${rng.digits(8)}     Email: ...`),
    b.field('Tên thủ tục hành chính', procedure, {}, false),
    b.text('Thành phần hồ sơ nộp gồm:'),
    ...['Đơn đề nghị (bản chính)', 'Căn cước công dân (bản sao)', 'Giấy tờ liên quan (bản sao chứng thực)'].map(
      (t, i) => b.text(`${i + 1}. ${t}`, { indent: 8 }),
    ),
    b.text('Số lượng hồ sơ: 01 (bộ)'),
    b.text(`Thời gian giải quyết hồ sơ theo quy định là: ${rng.int(3, 30)} ngày làm việc`),
    b.field('Thời gian nhận hồ sơ', when(ctx.date), {}, false),
    b.field('Thời gian trả kết quả giải quyết hồ sơ', when(due), {}, false),
    b.text('Đăng ký nhận kết quả tại: Bộ phận một cửa'),
    b.text(`Vào Sổ theo dõi hồ sơ, Quyển số: ${String(rng.int(1, 20)).padStart(2, '0')}`),
    b.gap(4),
    b.cols(
      [50, 50],
      [b.center('NGƯỜI NỘP HỒ SƠ', { bold: true }), b.signature(), b.center(p.name)],
      [
        b.center('NGƯỜI TIẾP NHẬN HỒ SƠ', { bold: true }),
        b.signature(),
        b.center(randomPerson(rng.fork('clerk')).name),
      ],
    ),
  ];
  return {
    type: 'phieu_tiep_nhan_ho_so',
    pages: [a4(rng, blocks, { families: PRINT_FAMILIES })],
    fields: {
      ma_ho_so: code,
      ten_thu_tuc: procedure,
      nguoi_nop: upperName(p.name),
      so_dinh_danh: p.id,
      ngay_nhan: ctx.date,
      ngay_hen_tra: due,
    },
  };
}

export function decision(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.applicant;
  const level = rng.pick(['province', 'district', 'commune'] as const);
  const district = districtOf(p.residence);
  const parent = level === 'province' ? null : 'UỶ BAN NHÂN DÂN';
  const agencyText =
    level === 'province'
      ? `ỦY BAN NHÂN DÂN ${p.residence.province.name.toLocaleUpperCase('vi')}`
      : level === 'district'
        ? district.toLocaleUpperCase('vi')
        : communeAgency(p.residence).agency;
  const suffix = rng.pick(['UBND', 'UBND', 'CTUBND']);
  const number = `${rng.int(1, 4999)}/QĐ-${suffix}`;
  const subject = rng.pick([
    `Về việc cấp Giấy chứng nhận quyền sử dụng đất cho ${honorific(p).toLowerCase()} ${p.name}`,
    `Về việc cho phép chuyển mục đích sử dụng đất của hộ ${honorific(p).toLowerCase()} ${p.name}`,
    `Về việc phê duyệt phương án bồi thường, hỗ trợ cho hộ ${honorific(p).toLowerCase()} ${p.name}`,
    'Về việc thành lập Tổ công tác số hóa hồ sơ thủ tục hành chính',
  ]);
  const agencyForTruth = parent ? `${parent} ${agencyText}` : agencyText;
  const page1: Block[] = [
    ...officialHeader(rng, parent, agencyText, number, p.residence.province.seat, ctx.date),
    b.title('QUYẾT ĐỊNH', 15),
    b.center(subject, { bold: true, size: 12.5 }),
    b.rule(40),
    b.gap(3),
    b.center(`CHỦ TỊCH ỦY BAN NHÂN DÂN ${agencyText.replace(/^ỦY BAN NHÂN DÂN /, '')}`, { bold: true }),
    b.gap(2),
    b.text('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;', {
      italic: true,
      indent: 10,
      align: 'justify',
    }),
    b.text('Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;', { italic: true, indent: 10, align: 'justify' }),
    b.text(
      `Xét đề nghị của Trưởng phòng Tài nguyên và Môi trường tại Tờ trình số ${rng.int(10, 900)}/TTr-TNMT ${formalDate(addDays(ctx.date, -rng.int(3, 20)))}.`,
      { italic: true, indent: 10, align: 'justify' },
    ),
    b.gap(2),
    b.center('QUYẾT ĐỊNH:', { bold: true }),
    b.runs(
      [
        { text: 'Điều 1. ', bold: true },
        {
          text: `${subject.replace(/^Về việc /, 'Chấp thuận việc ')}, thửa đất số ${ctx.parcel.thua}, tờ bản đồ số ${ctx.parcel.to}, diện tích ${String(ctx.parcel.area).replace('.', ',')} m², tại ${ctx.parcel.address.full}.`,
        },
      ],
      { align: 'justify', indent: 10 },
    ),
    b.runs([{ text: 'Điều 2. ', bold: true }, { text: 'Quyết định này có hiệu lực kể từ ngày ký.' }], { indent: 10 }),
    b.runs(
      [
        { text: 'Điều 3. ', bold: true },
        {
          text: 'Chánh Văn phòng, Trưởng phòng Tài nguyên và Môi trường và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.',
        },
      ],
      { align: 'justify', indent: 10 },
    ),
    b.gap(5),
    signRow(
      [
        b.text('Nơi nhận:', { bold: true, italic: true, size: 10 }),
        b.text('- Như Điều 3;', { size: 10 }),
        b.text('- Lưu: VT.', { size: 10 }),
      ],
      signBlock(
        rng,
        rng.chance(0.5) ? ['CHỦ TỊCH'] : ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        randomPerson(rng.fork('signer')).name,
        'UBND',
      ),
    ),
  ];
  return {
    type: 'quyet_dinh',
    pages: [a4(rng, page1)],
    fields: {
      so_quyet_dinh: number,
      ngay_ban_hanh: ctx.date,
      co_quan_ban_hanh: collapse(agencyForTruth),
      trich_yeu: collapse(subject.replace(/^Về việc /, 'Về việc ')),
    },
  };
}

export function officialLetter(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.applicant;
  const kind = rng.pick([
    { title: null, abbr: null },
    { title: 'THÔNG BÁO', abbr: 'TB' },
    { title: 'TỜ TRÌNH', abbr: 'TTr' },
    { title: 'BÁO CÁO', abbr: 'BC' },
    { title: 'KẾ HOẠCH', abbr: 'KH' },
  ] as const);
  const parent = `UBND ${p.residence.province.short.toLocaleUpperCase('vi')}`;
  const agency = rng.pick(['SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', 'SỞ TƯ PHÁP', 'SỞ XÂY DỰNG']);
  const agencyAbbr = { 'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG': 'STNMT', 'SỞ TƯ PHÁP': 'STP', 'SỞ XÂY DỰNG': 'SXD' }[agency];
  const number = kind.abbr
    ? `${rng.int(1, 3000)}/${kind.abbr}-${agencyAbbr}`
    : `${rng.int(1, 3000)}/${agencyAbbr}-${rng.pick(['VP', 'QLĐĐ', 'HCTP'])}`;
  const subject = rng.pick([
    'Về việc hướng dẫn số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    'Về việc giải quyết hồ sơ đăng ký biến động đất đai quá hạn',
    'Về việc tăng cường cải cách thủ tục hành chính năm 2024',
  ]);
  const header = officialHeader(rng, parent, agency, number, p.residence.province.seat, ctx.date);
  const blocks: Block[] = kind.title
    ? [...header, b.title(kind.title, 15), b.center(subject.replace(/^Về việc/, 'Về việc'), { bold: true }), b.rule(40)]
    : [
        b.cols(
          [42, 58],
          [
            b.center(parent, { size: 11.5 }),
            b.center(agency, { bold: true, size: 11.5 }),
            b.rule(25),
            b.center(`Số: ${number}`),
            b.center(`V/v ${subject.replace(/^Về việc /, '')}`, { size: 10.5 }),
          ],
          [...motto(rng), b.center(placeDate(p.residence.province.seat, ctx.date), { italic: true })],
        ),
        b.gap(6),
        b.center(`Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố`, { bold: false }),
      ];
  blocks.push(
    b.gap(4),
    b.text(
      'Thực hiện Nghị định số 45/2020/NĐ-CP ngày 08 tháng 4 năm 2020 của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện tử và Thông tư số 01/2023/TT-VPCP, để bảo đảm việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt yêu cầu, đề nghị các cơ quan, đơn vị triển khai các nội dung sau:',
      { align: 'justify', indent: 10 },
    ),
    b.text('1. Rà soát, thống kê hồ sơ tiếp nhận trong kỳ; bảo đảm 100% hồ sơ được số hóa khi tiếp nhận.', {
      align: 'justify',
      indent: 10,
    }),
    b.text('2. Cập nhật kết quả số hóa vào Kho quản lý dữ liệu điện tử của tổ chức, cá nhân.', {
      align: 'justify',
      indent: 10,
    }),
    b.text('3. Báo cáo kết quả thực hiện trước ngày 25 hằng tháng.', { align: 'justify', indent: 10 }),
    b.gap(5),
    signRow(
      [
        b.text('Nơi nhận:', { bold: true, italic: true, size: 10 }),
        b.text('- Như trên;', { size: 10 }),
        b.text('- Lưu: VT.', { size: 10 }),
      ],
      signBlock(rng, ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], randomPerson(rng.fork('signer')).name, agency),
    ),
  );
  return {
    type: 'cong_van',
    pages: [a4(rng, blocks)],
    fields: {
      so_ky_hieu: number,
      ngay_ban_hanh: ctx.date,
      co_quan_ban_hanh: `${parent} ${agency}`,
      trich_yeu: kind.title ? subject : `V/v ${subject.replace(/^Về việc /, '')}`,
    },
  };
}

export function application(rng: Rng, ctx: DossierContext): DocumentDraft {
  const p = ctx.applicant;
  const title = rng.pick([
    'ĐƠN ĐỀ NGHỊ CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH',
    'TỜ KHAI ĐĂNG KÝ KHAI SINH',
    'ĐƠN XIN XÁC NHẬN NƠI CƯ TRÚ',
    'ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG',
    'TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN',
  ]);
  const nameLabel = rng.pick(['Họ, chữ đệm, tên người yêu cầu', 'Họ và tên', 'Tên tôi là'] as const);
  const agency = communeAgency(p.residence);
  const blocks: Block[] = [
    ...motto(rng),
    b.gap(8),
    b.title(title, 14),
    b.gap(4),
    b.center(`Kính gửi: Ủy ban nhân dân ${agency.agency.toLocaleLowerCase('vi')}`),
    b.gap(4),
    b.field(nameLabel, upperName(p.name)),
    b.field('Ngày, tháng, năm sinh', printDate(p.birthDate, 'slash'), {}, false),
    b.field('Số định danh cá nhân', p.id),
    b.field('Nơi cư trú', p.residence.full, {}, false),
    b.text(`Số điện thoại liên hệ: 09${rng.digits(8)}`),
    b.text(
      'Đề nghị cơ quan có thẩm quyền xem xét, giải quyết yêu cầu nêu trên. Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.',
      { align: 'justify', indent: 10 },
    ),
    b.gap(6),
    signRow(
      [],
      [
        b.center(`Làm tại: ${placeDate(agency.place, ctx.date)}`, { italic: true }),
        b.center('Người yêu cầu', { bold: true }),
        b.center('(Ký, ghi rõ họ, chữ đệm, tên)', { italic: true, size: 10 }),
        b.signature(),
        b.center(p.name, { bold: true }),
      ],
    ),
  ];
  const first = a4(rng, blocks, { families: PRINT_FAMILIES });
  return {
    type: 'don_to_khai',
    pages: [first],
    fields: { tieu_de: title, nguoi_yeu_cau: upperName(p.name), so_dinh_danh: p.id },
  };
}

/** An unrelated page (meeting notes, a price list) that the recogniser should leave as `khac`. */
export function unrelatedPage(rng: Rng, _ctx: DossierContext): DocumentDraft {
  const body = rng.pick([
    [
      'GHI CHÚ CUỘC HỌP',
      'Thành phần: đại diện các phòng chuyên môn.',
      'Nội dung: thống nhất lịch trực bộ phận một cửa trong tháng; phân công cán bộ hướng dẫn người dân nộp hồ sơ trực tuyến.',
      'Thời gian kết thúc: 16 giờ 30 phút.',
    ],
    [
      'BẢNG GIÁ DỊCH VỤ PHOTO',
      'Photo A4 một mặt: 500 đồng/trang.',
      'Photo A4 hai mặt: 800 đồng/trang.',
      'Ép plastic khổ CCCD: 5.000 đồng/cái.',
    ],
    [
      'HƯỚNG DẪN SỬ DỤNG MÁY LẤY SỐ THỨ TỰ',
      'Bước 1: Chọn lĩnh vực cần giải quyết.',
      'Bước 2: Nhận phiếu số thứ tự và chờ gọi tại quầy.',
      'Bước 3: Xuất trình giấy tờ tùy thân khi được gọi.',
    ],
  ]);
  const blocks: Block[] = [
    b.text(body[0] ?? '', { bold: true, size: 14 }),
    b.gap(4),
    ...body.slice(1).map((t) => b.text(t, { align: 'justify' })),
  ];
  const first = a4(rng, blocks, { families: PRINT_FAMILIES });
  return { type: 'khac', pages: [samePageStyle(first, blocks)], fields: {} };
}
