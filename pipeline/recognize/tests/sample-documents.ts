// Plain-text renderings of the document types, written from the layouts in domain.md §2 (not from any single
// real sample). Each carries the values a reader would extract, so tests compare against what is printed.

export interface SampleDocument {
  type: string;
  /** One entry per page; lines prefixed ">>" sit in the right column. */
  pages: string[][];
  expected: Record<string, string>;
}

const MOTTO = ['>>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '>>Độc lập - Tự do - Hạnh phúc'];
const MOTTO_OLD = ['>>CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', '>>Độc lập - Tự do - Hạnh phúc'];

export const CAN_CUOC: SampleDocument = {
  type: 'can_cuoc',
  pages: [
    [
      ...MOTTO,
      'CĂN CƯỚC CÔNG DÂN / Citizen Identity Card',
      'Số / No.: 001089012345',
      'Họ và tên / Full name:',
      'NGUYỄN VĂN AN',
      'Ngày sinh / Date of birth: 15/10/1989   Giới tính / Sex: Nam',
      'Quốc tịch / Nationality: Việt Nam',
      'Quê quán / Place of origin: Xã Hòa An, Phú Hòa, Phú Yên',
      'Nơi thường trú / Place of residence: Thôn 3, xã Hòa An,',
      'huyện Phú Hòa, tỉnh Phú Yên',
      'Có giá trị đến / Date of expiry: 15/10/2029',
    ],
    [
      'Đặc điểm nhân dạng / Personal identification: Nốt ruồi C:2cm dưới sau đuôi mắt trái',
      'Ngày, tháng, năm / Date, month, year: 10/08/2021',
      'CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI',
    ],
  ],
  expected: {
    so_dinh_danh: '001089012345',
    ho_ten: 'NGUYỄN VĂN AN',
    ngay_sinh: '1989-10-15',
    gioi_tinh: 'Nam',
    quoc_tich: 'Việt Nam',
    que_quan: 'Xã Hòa An, Phú Hòa, Phú Yên',
    noi_thuong_tru: 'Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
    co_gia_tri_den: '2029-10-15',
  },
};

export const KHAI_SINH: SampleDocument = {
  type: 'giay_khai_sinh',
  pages: [
    [
      'ỦY BAN NHÂN DÂN',
      'XÃ HÒA AN',
      ...MOTTO,
      'GIẤY KHAI SINH',
      'Họ, chữ đệm, tên: TRẦN THỊ BÌNH',
      'Ngày, tháng, năm sinh: 05/01/2015',
      'ghi bằng chữ: Ngày năm tháng một năm hai nghìn không trăm mười lăm',
      'Giới tính: Nữ     Dân tộc: Kinh     Quốc tịch: Việt Nam',
      'Nơi sinh: Trạm Y tế xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
      'Số định danh cá nhân: 054315001234',
      'Họ, chữ đệm, tên người mẹ: LÊ THỊ HOA',
      'Năm sinh: 1990     Dân tộc: Kinh     Quốc tịch: Việt Nam',
      'Họ, chữ đệm, tên người cha: TRẦN VĂN CƯỜNG',
      'Năm sinh: 1988     Dân tộc: Kinh     Quốc tịch: Việt Nam',
      'Số: 45, Quyển số: 01/2015',
      'Nơi đăng ký: Ủy ban nhân dân xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
      'Ngày, tháng, năm đăng ký: 12/01/2015',
    ],
  ],
  expected: {
    ho_ten: 'TRẦN THỊ BÌNH',
    ngay_sinh: '2015-01-05',
    gioi_tinh: 'Nữ',
    noi_sinh: 'Trạm Y tế xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
    so_dinh_danh: '054315001234',
    ho_ten_me: 'LÊ THỊ HOA',
    ho_ten_cha: 'TRẦN VĂN CƯỜNG',
    so: '45',
    quyen_so: '01/2015',
    ngay_dang_ky: '2015-01-12',
    noi_dang_ky: 'Ủy ban nhân dân xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
  },
};

export const HOP_DONG: SampleDocument = {
  type: 'hop_dong_chuyen_nhuong',
  pages: [
    [
      ...MOTTO,
      'HỢP ĐỒNG CHUYỂN NHƯỢNG QUYỀN SỬ DỤNG ĐẤT',
      'Hôm nay, ngày 15 tháng 10 năm 2023, tại Văn phòng công chứng Phú Yên, chúng tôi gồm có:',
      'BÊN CHUYỂN NHƯỢNG (sau đây gọi là Bên A):',
      'Ông: NGUYỄN VĂN AN, sinh năm 1989',
      'CCCD số: 001089012345 cấp ngày 10/08/2021 tại Cục Cảnh sát QLHC về TTXH',
      'Địa chỉ thường trú: Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
      'BÊN NHẬN CHUYỂN NHƯỢNG (sau đây gọi là Bên B):',
      'Bà: PHẠM THỊ THU, sinh năm 1992',
      'CCCD số: 054192004567 cấp ngày 02/03/2022 tại Cục Cảnh sát QLHC về TTXH',
      'Địa chỉ thường trú: Phường 7, thành phố Tuy Hòa, tỉnh Phú Yên',
    ],
    [
      'ĐIỀU 1. QUYỀN SỬ DỤNG ĐẤT CHUYỂN NHƯỢNG',
      'Thửa đất số: 123; Tờ bản đồ số: 45',
      'Địa chỉ thửa đất: Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
      'Diện tích: 125,5 m² (bằng chữ: Một trăm hai mươi lăm phẩy năm mét vuông)',
      'ĐIỀU 2. GIÁ CHUYỂN NHƯỢNG VÀ PHƯƠNG THỨC THANH TOÁN',
      'Giá chuyển nhượng: 1.500.000.000 đồng (Bằng chữ: Một tỷ năm trăm triệu đồng chẵn)',
    ],
  ],
  expected: {
    ben_chuyen_nhuong: 'NGUYỄN VĂN AN',
    so_dinh_danh_ben_chuyen_nhuong: '001089012345',
    ben_nhan_chuyen_nhuong: 'PHẠM THỊ THU',
    so_dinh_danh_ben_nhan_chuyen_nhuong: '054192004567',
    thua_dat_so: '123',
    to_ban_do_so: '45',
    dien_tich: '125.5',
    gia_chuyen_nhuong: '1500000000',
    ngay_ky: '2023-10-15',
  },
};

export const GCN: SampleDocument = {
  type: 'gcn_quyen_su_dung_dat',
  pages: [
    [
      ...MOTTO_OLD,
      'GIẤY CHỨNG NHẬN',
      'QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU NHÀ Ở',
      'VÀ TÀI SẢN KHÁC GẮN LIỀN VỚI ĐẤT',
      'I. Người sử dụng đất, chủ sở hữu nhà ở và tài sản khác gắn liền với đất',
      'Ông: NGUYỄN VĂN AN, sinh năm 1989',
      'CCCD số: 001089012345',
      'Địa chỉ thường trú: Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
      'CS 123456',
    ],
    [
      'II. Thửa đất, nhà ở và tài sản khác gắn liền với đất',
      'a) Thửa đất số: 123          b) Tờ bản đồ số: 45',
      'c) Địa chỉ: Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
      'd) Diện tích: 250,0 m2 (bằng chữ: Hai trăm năm mươi mét vuông)',
      'e) Mục đích sử dụng: Đất ở tại nông thôn',
      'g) Thời hạn sử dụng: Lâu dài',
      'Số vào sổ cấp GCN: CS00123',
    ],
    ['III. Sơ đồ thửa đất, nhà ở và tài sản khác gắn liền với đất'],
    ['IV. Những thay đổi sau khi cấp Giấy chứng nhận'],
  ],
  expected: {
    nguoi_su_dung: 'NGUYỄN VĂN AN',
    so_dinh_danh: '001089012345',
    thua_dat_so: '123',
    to_ban_do_so: '45',
    dia_chi_thua_dat: 'Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
    dien_tich: '250',
    muc_dich_su_dung: 'Đất ở tại nông thôn',
    thoi_han_su_dung: 'Lâu dài',
    so_vao_so: 'CS00123',
    so_phat_hanh: 'CS 123456',
  },
};

export const LPTB: SampleDocument = {
  type: 'to_khai_le_phi_truoc_ba',
  pages: [
    [
      ...MOTTO,
      'Mẫu số: 01/LPTB',
      'TỜ KHAI LỆ PHÍ TRƯỚC BẠ',
      '(Áp dụng đối với tổ chức, cá nhân có tài sản là nhà, đất)',
      '[01] Kỳ tính thuế: Theo từng lần phát sinh',
      '[04] Tên người nộp thuế: PHẠM THỊ THU',
      '[05] Mã số thuế: 0100109106',
      '[06] Địa chỉ: Phường 7, thành phố Tuy Hòa, tỉnh Phú Yên',
      'ĐẶC ĐIỂM NHÀ ĐẤT',
      'Giá trị nhà, đất: 1.500.000.000 đồng',
      'Số tiền lệ phí trước bạ: 7.500.000 đồng',
    ],
  ],
  expected: {
    nguoi_nop: 'PHẠM THỊ THU',
    ma_so_thue: '0100109106',
    dia_chi: 'Phường 7, thành phố Tuy Hòa, tỉnh Phú Yên',
    gia_tri_tai_san: '1500000000',
    so_tien_le_phi: '7500000',
  },
};

export const HOA_DON: SampleDocument = {
  type: 'hoa_don_dien_tu',
  pages: [
    [
      'HÓA ĐƠN BÁN HÀNG',
      '(Bản thể hiện của hóa đơn điện tử)',
      'Ngày 28 tháng 08 năm 2025',
      'Ký hiệu (Serial): 2C25TAA     Số (No.): 00000123',
      'Mã của CQT: 00ABCDEF1234567890',
      'Đơn vị bán hàng: HỘ KINH DOANH VĨNH LONG 999',
      'Mã số thuế: 0100109106-001',
      'Địa chỉ: Phường Chợ Lớn, TP Hồ Chí Minh',
      'Họ tên người mua hàng: Lê Hoàng Minh Phương',
      'Mã số thuế: 0100684378',
      'STT | Tên hàng hóa, dịch vụ | Đơn vị tính | Số lượng | Đơn giá | Thành tiền',
      '1 | Xe rác SH | Chiếc | 20 | 40.000 | 800.000',
      'Tổng tiền thanh toán: 2.680.000',
      'Số tiền viết bằng chữ: Hai triệu sáu trăm tám mươi nghìn đồng',
    ],
  ],
  expected: {
    ky_hieu: '2C25TAA',
    so_hoa_don: '00000123',
    ngay_lap: '2025-08-28',
    ten_nguoi_ban: 'HỘ KINH DOANH VĨNH LONG 999',
    mst_nguoi_ban: '0100109106-001',
    ten_nguoi_mua: 'Lê Hoàng Minh Phương',
    tong_tien_thanh_toan: '2680000',
    so_tien_bang_chu: 'Hai triệu sáu trăm tám mươi nghìn đồng',
  },
};

export const UY_QUYEN: SampleDocument = {
  type: 'giay_uy_quyen',
  pages: [
    [
      ...MOTTO_OLD,
      'GIẤY UỶ QUYỀN',
      'I. BÊN UỶ QUYỀN:',
      'Họ và tên: NGUYỄN VĂN AN',
      'Số định danh cá nhân: 001089012345',
      'II. BÊN ĐƯỢC ỦY QUYỀN:',
      'Họ và tên: TRẦN VĂN BÌNH',
      'Số định danh cá nhân: 052090001122',
      'III. Nội dung ủy quyền: Thay mặt bên ủy quyền nộp hồ sơ đăng ký biến động đất đai',
      'Thời hạn ủy quyền: 06 tháng kể từ ngày ký',
    ],
  ],
  expected: {
    ben_uy_quyen: 'NGUYỄN VĂN AN',
    so_dinh_danh_ben_uy_quyen: '001089012345',
    ben_duoc_uy_quyen: 'TRẦN VĂN BÌNH',
    so_dinh_danh_ben_duoc_uy_quyen: '052090001122',
    noi_dung_uy_quyen: 'Thay mặt bên ủy quyền nộp hồ sơ đăng ký biến động đất đai',
    thoi_han_uy_quyen: '06 tháng kể từ ngày ký',
  },
};

export const TIEP_NHAN: SampleDocument = {
  type: 'phieu_tiep_nhan_ho_so',
  pages: [
    [
      'UBND HUYỆN PHÚ HÒA',
      'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ',
      ...MOTTO,
      'Mã hồ sơ: 000.00.20.H08-231015-0001',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Tiếp nhận hồ sơ của: Ông NGUYỄN VĂN AN',
      'Số định danh cá nhân: 001089012345',
      'Tên thủ tục hành chính: Đăng ký biến động quyền sử dụng đất',
      'Thành phần hồ sơ nộp gồm:',
      '1. Đơn đăng ký biến động đất đai',
      'Thời gian nhận hồ sơ: 14 giờ 30 phút, ngày 15 tháng 10 năm 2023',
      'Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 00 phút, ngày 30 tháng 10 năm 2023',
    ],
  ],
  expected: {
    ma_ho_so: '000.00.20.H08-231015-0001',
    nguoi_nop: 'NGUYỄN VĂN AN',
    so_dinh_danh: '001089012345',
    ten_thu_tuc: 'Đăng ký biến động quyền sử dụng đất',
    ngay_nhan: '2023-10-15',
    ngay_hen_tra: '2023-10-30',
  },
};

export const QUYET_DINH: SampleDocument = {
  type: 'quyet_dinh',
  pages: [
    [
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÌNH ĐỊNH',
      ...MOTTO,
      'Số: 1234/QĐ-UBND',
      '>>Quy Nhơn, ngày 20 tháng 10 năm 2023',
      'QUYẾT ĐỊNH',
      'Về việc giao đất cho hộ gia đình ông Nguyễn Văn An',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH',
      'Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;',
      'QUYẾT ĐỊNH:',
      'Điều 1. Giao 250 m² đất ở cho hộ ông Nguyễn Văn An.',
    ],
    [
      'QUYẾT ĐỊNH:',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      'Điều 3. Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành Quyết định này.',
      'Nơi nhận:',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ],
  ],
  expected: {
    so_quyet_dinh: '1234/QĐ-UBND',
    ngay_ban_hanh: '2023-10-20',
    co_quan_ban_hanh: 'ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH',
    trich_yeu: 'Về việc giao đất cho hộ gia đình ông Nguyễn Văn An',
  },
};

export const KET_HON: SampleDocument = {
  type: 'giay_chung_nhan_ket_hon',
  pages: [
    [
      ...MOTTO,
      'GIẤY CHỨNG NHẬN KẾT HÔN',
      'Số: 12',
      'Thông tin về người chồng',
      'Họ, chữ đệm, tên: LÊ VĂN HÙNG',
      'Ngày, tháng, năm sinh: 02/03/1990',
      'Số định danh cá nhân: 054090001111',
      'Thông tin về người vợ',
      'Họ, chữ đệm, tên: ĐỖ THỊ LAN',
      'Ngày, tháng, năm sinh: 14/07/1993',
      'Số định danh cá nhân: 054193002222',
      'Nơi đăng ký: Ủy ban nhân dân phường 7, thành phố Tuy Hòa',
      'Ngày, tháng, năm đăng ký: 20/05/2018',
    ],
  ],
  expected: {
    so: '12',
    ho_ten_chong: 'LÊ VĂN HÙNG',
    ngay_sinh_chong: '1990-03-02',
    so_dinh_danh_chong: '054090001111',
    ho_ten_vo: 'ĐỖ THỊ LAN',
    ngay_sinh_vo: '1993-07-14',
    so_dinh_danh_vo: '054193002222',
    noi_dang_ky: 'Ủy ban nhân dân phường 7, thành phố Tuy Hòa',
    ngay_dang_ky: '2018-05-20',
  },
};

export const BIEN_LAI: SampleDocument = {
  type: 'bien_lai_thu_phi',
  pages: [
    [
      'UBND HUYỆN PHÚ HÒA',
      ...MOTTO,
      'BIÊN LAI THU PHÍ, LỆ PHÍ',
      '(Bản thể hiện của biên lai điện tử)',
      'Mẫu số: 01BLP2-001     Ký hiệu: AA-22P     Số: 0001234',
      'Tên đơn vị thu phí, lệ phí: Văn phòng đăng ký đất đai',
      'Họ tên người nộp tiền: NGUYỄN VĂN AN',
      'Tên loại phí, lệ phí: Lệ phí cấp giấy chứng nhận quyền sử dụng đất',
      'Số tiền: 50.000 đồng',
      '(Viết bằng chữ): Năm mươi nghìn đồng',
      'Ngày 16 tháng 10 năm 2023',
      'Người thu tiền',
    ],
  ],
  expected: {
    ky_hieu: 'AA-22P',
    so_bien_lai: '0001234',
    nguoi_nop: 'NGUYỄN VĂN AN',
    noi_dung: 'Lệ phí cấp giấy chứng nhận quyền sử dụng đất',
    so_tien: '50000',
    so_tien_bang_chu: 'Năm mươi nghìn đồng',
    ngay_thu: '2023-10-16',
  },
};

export const BIEN_DONG: SampleDocument = {
  type: 'don_dang_ky_bien_dong',
  pages: [
    [
      ...MOTTO,
      'Mẫu số 09/ĐK',
      'ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT',
      'Kính gửi: Văn phòng đăng ký đất đai tỉnh Phú Yên',
      'I. PHẦN KÊ KHAI CỦA NGƯỜI ĐĂNG KÝ',
      '1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất',
      '1.1 Tên: PHẠM THỊ THU',
      '1.2 Giấy tờ nhân thân/pháp nhân: CCCD số 054192004567',
      '1.3 Địa chỉ: Phường 7, thành phố Tuy Hòa, tỉnh Phú Yên',
      '2. Giấy chứng nhận đã cấp',
      '2.1 Thửa đất số: 123     2.2 Tờ bản đồ số: 45',
      '3. Nội dung biến động về: chuyển nhượng quyền sử dụng đất từ ông Nguyễn Văn An',
      '4. Lý do biến động: nhận chuyển nhượng quyền sử dụng đất',
    ],
  ],
  expected: {
    nguoi_dang_ky: 'PHẠM THỊ THU',
    so_dinh_danh: '054192004567',
    dia_chi: 'Phường 7, thành phố Tuy Hòa, tỉnh Phú Yên',
    thua_dat_so: '123',
    to_ban_do_so: '45',
    noi_dung_bien_dong: 'chuyển nhượng quyền sử dụng đất từ ông Nguyễn Văn An',
    ly_do_bien_dong: 'nhận chuyển nhượng quyền sử dụng đất',
  },
};

export const HON_NHAN: SampleDocument = {
  type: 'xac_nhan_tinh_trang_hon_nhan',
  pages: [
    [
      'ỦY BAN NHÂN DÂN',
      'PHƯỜNG 7',
      ...MOTTO,
      'GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN',
      'Xét đề nghị của ông/bà: Trần Văn Bình',
      'XÁC NHẬN:',
      'Họ, chữ đệm, tên: ĐỖ THỊ LAN',
      'Ngày, tháng, năm sinh: 14/07/1993     Giới tính: Nữ',
      'Giấy tờ tùy thân: CCCD số 054193002222',
      'Nơi cư trú: Phường 7, thành phố Tuy Hòa, tỉnh Phú Yên',
      'Tình trạng hôn nhân: Chưa đăng ký kết hôn với ai',
      'Giấy này được cấp để: làm thủ tục đăng ký kết hôn',
      'Giấy này có giá trị sử dụng đến ngày 14/04/2018',
    ],
  ],
  expected: {
    ho_ten: 'ĐỖ THỊ LAN',
    ngay_sinh: '1993-07-14',
    so_dinh_danh: '054193002222',
    noi_cu_tru: 'Phường 7, thành phố Tuy Hòa, tỉnh Phú Yên',
    tinh_trang_hon_nhan: 'Chưa đăng ký kết hôn với ai',
    muc_dich_su_dung: 'làm thủ tục đăng ký kết hôn',
    co_gia_tri_den: '2018-04-14',
  },
};

export const KHAI_TU: SampleDocument = {
  type: 'trich_luc_khai_tu',
  pages: [
    [
      ...MOTTO,
      'TRÍCH LỤC KHAI TỬ',
      'Số: 08/TLKT-BS',
      'Họ, chữ đệm, tên: NGUYỄN VĂN CƯỜNG',
      'Ngày, tháng, năm sinh: 01/01/1940',
      'Số định danh cá nhân: 054040000123',
      'Đã chết vào lúc: 10 giờ 30 phút, ngày 05 tháng 01 năm 2020',
      'Nơi chết: Bệnh viện đa khoa tỉnh Phú Yên',
      'Nguyên nhân chết: Bệnh già',
    ],
  ],
  expected: {
    so: '08/TLKT-BS',
    ho_ten: 'NGUYỄN VĂN CƯỜNG',
    ngay_sinh: '1940-01-01',
    so_dinh_danh: '054040000123',
    ngay_chet: '2020-01-05',
    noi_chet: 'Bệnh viện đa khoa tỉnh Phú Yên',
  },
};

export const DOANH_NGHIEP: SampleDocument = {
  type: 'gcn_dang_ky_doanh_nghiep',
  pages: [
    [
      'SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH PHÚ YÊN',
      'PHÒNG ĐĂNG KÝ KINH DOANH',
      ...MOTTO,
      'GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP',
      'CÔNG TY TRÁCH NHIỆM HỮU HẠN MỘT THÀNH VIÊN',
      'Mã số doanh nghiệp: 0100112437',
      'Đăng ký lần đầu: ngày 03 tháng 04 năm 2015',
      '1. Tên công ty viết bằng tiếng Việt: CÔNG TY TNHH XÂY DỰNG HÒA AN',
      '2. Địa chỉ trụ sở chính: Số 12 đường Trần Hưng Đạo, phường 1,',
      'thành phố Tuy Hòa, tỉnh Phú Yên',
      '3. Vốn điều lệ: 2.000.000.000 đồng',
      'Bằng chữ: Hai tỷ đồng',
      '4. Người đại diện theo pháp luật của công ty',
      'Họ và tên: LÊ VĂN HÙNG     Giới tính: Nam',
      'Chức danh: Giám đốc',
    ],
  ],
  expected: {
    ma_so_doanh_nghiep: '0100112437',
    ngay_dang_ky_lan_dau: '2015-04-03',
    ten_doanh_nghiep: 'CÔNG TY TNHH XÂY DỰNG HÒA AN',
    dia_chi_tru_so: 'Số 12 đường Trần Hưng Đạo, phường 1, thành phố Tuy Hòa, tỉnh Phú Yên',
    von_dieu_le: '2000000000',
    nguoi_dai_dien: 'LÊ VĂN HÙNG',
  },
};

export const HO_KINH_DOANH: SampleDocument = {
  type: 'gcn_dang_ky_ho_kinh_doanh',
  pages: [
    [
      'UBND HUYỆN PHÚ HÒA',
      'PHÒNG TÀI CHÍNH - KẾ HOẠCH',
      ...MOTTO,
      'GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH',
      'Mã số hộ kinh doanh: 37A8012345',
      'Đăng ký lần đầu: ngày 10 tháng 06 năm 2019',
      '1. Tên hộ kinh doanh: TẠP HÓA HÒA AN',
      '2. Địa điểm kinh doanh: Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
      '3. Ngành, nghề kinh doanh: Bán lẻ hàng tạp hóa',
      '4. Vốn kinh doanh: 100.000.000 đồng',
      '5. Chủ hộ kinh doanh:',
      'Họ và tên: NGUYỄN VĂN AN',
      'Số định danh cá nhân: 001089012345',
    ],
  ],
  expected: {
    ma_so_ho_kinh_doanh: '37A8012345',
    ngay_dang_ky_lan_dau: '2019-06-10',
    ten_ho_kinh_doanh: 'TẠP HÓA HÒA AN',
    dia_diem_kinh_doanh: 'Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
    nganh_nghe: 'Bán lẻ hàng tạp hóa',
    von_kinh_doanh: '100000000',
    chu_ho: 'NGUYỄN VĂN AN',
    so_dinh_danh: '001089012345',
  },
};

export const XAY_DUNG: SampleDocument = {
  type: 'giay_phep_xay_dung',
  pages: [
    [
      'UBND HUYỆN PHÚ HÒA',
      ...MOTTO,
      'Số: 56/GPXD',
      '>>Phú Hòa, ngày 12 tháng 12 năm 2023',
      'GIẤY PHÉP XÂY DỰNG',
      '1. Cấp cho: Ông Nguyễn Văn An',
      'Địa chỉ: Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
      '2. Được phép xây dựng công trình: Nhà ở riêng lẻ',
      '- Theo thiết kế: do Công ty TNHH Hòa An lập',
      '- Gồm các nội dung sau:',
      '+ Vị trí xây dựng: Lô đất số: 12, Thửa đất số: 123',
      '+ Diện tích xây dựng tầng 1: 95,5 m²',
      'Địa điểm xây dựng: Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
    ],
  ],
  expected: {
    so_giay_phep: '56/GPXD',
    ngay_cap: '2023-12-12',
    chu_dau_tu: 'NGUYỄN VĂN AN',
    thua_dat_so: '12',
    dien_tich_xay_dung: '95.5',
    dia_diem_xay_dung: 'Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
  },
};

export const TO_KHAI: SampleDocument = {
  type: 'don_to_khai',
  pages: [
    [
      ...MOTTO,
      'TỜ KHAI ĐĂNG KÝ KHAI SINH',
      'Kính gửi: Ủy ban nhân dân xã Hòa An',
      'Họ, chữ đệm, tên người yêu cầu: TRẦN VĂN CƯỜNG',
      'Nơi cư trú: Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
      'Giấy tờ tùy thân: CCCD số 054088001234',
      'Quan hệ với người được khai sinh: Cha',
      'Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:',
      'Họ, chữ đệm, tên: TRẦN THỊ BÌNH',
    ],
  ],
  expected: {
    tieu_de: 'TỜ KHAI ĐĂNG KÝ KHAI SINH',
    nguoi_yeu_cau: 'TRẦN VĂN CƯỜNG',
    so_dinh_danh: '054088001234',
  },
};

export const CU_TRU: SampleDocument = {
  type: 'xac_nhan_cu_tru',
  pages: [
    [
      'BỘ CÔNG AN',
      'CÔNG AN XÃ HÒA AN',
      ...MOTTO,
      'Mẫu CT07 ban hành kèm theo Thông tư số 66/2023/TT-BCA',
      'XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ',
      '1. Họ, chữ đệm và tên: NGUYỄN VĂN AN',
      '2. Ngày, tháng, năm sinh: 15/10/1989     3. Giới tính: Nam',
      '4. Số định danh cá nhân: 001089012345',
      '5. Nơi thường trú: Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
      '6. Nơi tạm trú: Phường 7, thành phố Tuy Hòa, tỉnh Phú Yên',
      '7. Họ, chữ đệm và tên chủ hộ: NGUYỄN VĂN CƯỜNG',
      '8. Quan hệ với chủ hộ: Con',
    ],
  ],
  expected: {
    ho_ten: 'NGUYỄN VĂN AN',
    ngay_sinh: '1989-10-15',
    gioi_tinh: 'Nam',
    so_dinh_danh: '001089012345',
    noi_thuong_tru: 'Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
    noi_tam_tru: 'Phường 7, thành phố Tuy Hòa, tỉnh Phú Yên',
    ho_ten_chu_ho: 'NGUYỄN VĂN CƯỜNG',
    quan_he_voi_chu_ho: 'Con',
  },
};

export const HO_KHAU: SampleDocument = {
  type: 'so_ho_khau',
  pages: [
    ['>>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỔ HỘ KHẨU', 'Số: 170012345'],
    [
      'Họ và tên chủ hộ: NGUYỄN VĂN CƯỜNG',
      'Nơi thường trú: Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
      'Quan hệ với chủ hộ: Chủ hộ',
    ],
  ],
  expected: {
    so: '170012345',
    ho_ten_chu_ho: 'NGUYỄN VĂN CƯỜNG',
    noi_thuong_tru: 'Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
  },
};

export const TNCN: SampleDocument = {
  type: 'to_khai_thue_tncn',
  pages: [
    [
      ...MOTTO,
      'Mẫu số: 03/BĐS-TNCN',
      'TỜ KHAI THUẾ THU NHẬP CÁ NHÂN',
      '(Áp dụng đối với cá nhân có thu nhập từ chuyển nhượng bất động sản)',
      '[04] Tên người nộp thuế: NGUYỄN VĂN AN',
      '[05] Mã số thuế: 0100684378',
      'Giá chuyển nhượng: 1.500.000.000 đồng',
      'Số thuế phải nộp: 30.000.000 đồng',
    ],
  ],
  expected: {
    nguoi_nop: 'NGUYỄN VĂN AN',
    ma_so_thue: '0100684378',
    gia_chuyen_nhuong: '1500000000',
    so_thue_phai_nop: '30000000',
  },
};

export const NOP_TIEN: SampleDocument = {
  type: 'giay_nop_tien_nsnn',
  pages: [
    [
      'Mẫu số: C1-02/NS',
      'GIẤY NỘP TIỀN VÀO NGÂN SÁCH NHÀ NƯỚC',
      'Người nộp thuế: NGUYỄN VĂN AN',
      'Mã số thuế: 0100684378',
      'Đề nghị NH/KBNN: KHO BẠC NHÀ NƯỚC PHÚ HÒA trích TK số: 123456',
      'Tổng số tiền: 30.000.000',
      'Tổng số tiền ghi bằng chữ: Ba mươi triệu đồng',
      'Ngày 20 tháng 10 năm 2023',
    ],
  ],
  expected: {
    nguoi_nop: 'NGUYỄN VĂN AN',
    ma_so_thue: '0100684378',
    so_tien: '30000000',
    so_tien_bang_chu: 'Ba mươi triệu đồng',
    ngay_nop: '2023-10-20',
  },
};

export const BAN_DO: SampleDocument = {
  type: 'trich_luc_ban_do',
  pages: [
    [
      'VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI TỈNH PHÚ YÊN',
      'TRÍCH LỤC BẢN ĐỒ ĐỊA CHÍNH',
      '1. Thửa đất số: 123     2. Tờ bản đồ số: 45',
      '3. Địa chỉ thửa đất: Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
      '4. Diện tích: 250,0 m²',
      'Bảng kê tọa độ, chiều dài cạnh thửa',
      'Số hiệu đỉnh thửa | X (m) | Y (m) | Chiều dài cạnh (m)',
    ],
  ],
  expected: {
    thua_dat_so: '123',
    to_ban_do_so: '45',
    dia_chi_thua_dat: 'Thôn 3, xã Hòa An, huyện Phú Hòa, tỉnh Phú Yên',
    dien_tich: '250',
  },
};

export const THUA_KE: SampleDocument = {
  type: 'van_ban_thua_ke',
  pages: [
    [
      ...MOTTO,
      'VĂN BẢN THỎA THUẬN PHÂN CHIA DI SẢN THỪA KẾ',
      'Chúng tôi là những người thừa kế theo pháp luật của:',
      'Người để lại di sản: NGUYỄN VĂN CƯỜNG',
      'Ông Nguyễn Văn Cường đã chết ngày 05/01/2020 theo Trích lục khai tử số 08/TLKT-BS.',
      'Di sản là quyền sử dụng thửa đất số: 123, tờ bản đồ số: 45',
    ],
  ],
  expected: {
    nguoi_de_lai_di_san: 'NGUYỄN VĂN CƯỜNG',
    ngay_chet: '2020-01-05',
    thua_dat_so: '123',
    to_ban_do_so: '45',
  },
};

export const CONG_VAN: SampleDocument = {
  type: 'cong_van',
  pages: [
    [
      'UỶ BAN NHÂN DÂN',
      'HUYỆN PHÚ HÒA',
      ...MOTTO,
      'Số: 1906/UBND-VP',
      '>>Phú Hòa, ngày 03 tháng 11 năm 2023',
      'V/v triển khai số hóa hồ sơ thủ tục hành chính',
      'Kính gửi: Các phòng, ban chuyên môn thuộc UBND huyện',
      'Thực hiện Thông tư số 01/2023/TT-VPCP, UBND huyện đề nghị các đơn vị triển khai số hóa.',
    ],
  ],
  expected: {
    so_ky_hieu: '1906/UBND-VP',
    ngay_ban_hanh: '2023-11-03',
    co_quan_ban_hanh: 'UỶ BAN NHÂN DÂN HUYỆN PHÚ HÒA',
    trich_yeu: 'V/v triển khai số hóa hồ sơ thủ tục hành chính',
  },
};

/** Seven documents as one scanned dossier: receipt, application, card, GCN, contract, declaration, decision. */
export const DOSSIER_ORDER = [TIEP_NHAN, UY_QUYEN, CAN_CUOC, GCN, HOP_DONG, LPTB, QUYET_DINH];

export const ALL_SAMPLES = [
  CAN_CUOC,
  KHAI_SINH,
  KET_HON,
  HON_NHAN,
  KHAI_TU,
  GCN,
  HOP_DONG,
  BIEN_DONG,
  LPTB,
  BIEN_LAI,
  HOA_DON,
  DOANH_NGHIEP,
  HO_KINH_DOANH,
  UY_QUYEN,
  TIEP_NHAN,
  QUYET_DINH,
  XAY_DUNG,
  TO_KHAI,
  CU_TRU,
  HO_KHAU,
  TNCN,
  NOP_TIEN,
  BAN_DO,
  THUA_KE,
  CONG_VAN,
];
