// Real Vietnamese names and administrative units (pre-07/2025 three-level addresses, as on most archived papers).

export const FAMILY_NAMES = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Trần',
  'Lê',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trịnh',
  'Đoàn',
  'Lương',
  'Tạ',
  'Quách',
  'Mai',
  'Cao',
] as const;

export const MIDDLE_MALE = [
  'Văn',
  'Văn',
  'Đức',
  'Minh',
  'Quang',
  'Hữu',
  'Công',
  'Thành',
  'Xuân',
  'Ngọc',
  'Trọng',
  'Quốc',
] as const;
export const MIDDLE_FEMALE = [
  'Thị',
  'Thị',
  'Thị',
  'Ngọc',
  'Thu',
  'Thanh',
  'Hồng',
  'Mỹ',
  'Kim',
  'Phương',
  'Bích',
] as const;
export const GIVEN_MALE = [
  'Hùng',
  'Dũng',
  'Cường',
  'Tuấn',
  'Thắng',
  'Quyết',
  'Khải',
  'Phúc',
  'Lộc',
  'Đạt',
  'Nghĩa',
  'Hưng',
  'Sơn',
  'Tùng',
  'Trường',
  'Bảo',
  'Huy',
  'Khoa',
  'Việt',
  'Thịnh',
  'Đông',
  'Toàn',
  'Hiếu',
  'Lâm',
  'Vĩnh',
  'Kiên',
] as const;
export const GIVEN_FEMALE = [
  'Hương',
  'Lan',
  'Hạnh',
  'Ngọc',
  'Nhung',
  'Hằng',
  'Thảo',
  'Trang',
  'Huyền',
  'Yến',
  'Loan',
  'Thủy',
  'Oanh',
  'Diệp',
  'Mai',
  'Dung',
  'Quỳnh',
  'Tuyết',
  'Nguyệt',
  'Ánh',
  'Vân',
  'Liên',
  'Hoa',
  'Thư',
  'Giang',
  'Phượng',
] as const;

export interface District {
  /** Printed with its unit word, e.g. "huyện Nghi Lộc". */
  name: string;
  communes: readonly string[];
}

export interface Province {
  /** 2-digit GSO code (personal-ID prefix is "0" + this). */
  code: string;
  /** Printed with its unit word, e.g. "tỉnh Nghệ An". */
  name: string;
  /** Bare name, as on ID cards. */
  short: string;
  /** Town for the place-and-date line. */
  seat: string;
  /** 2-digit range prefix for tax codes issued here. */
  taxPrefix: string;
  districts: readonly District[];
}

export const PROVINCES: readonly Province[] = [
  {
    code: '01',
    name: 'thành phố Hà Nội',
    short: 'Hà Nội',
    seat: 'Hà Nội',
    taxPrefix: '01',
    districts: [
      {
        name: 'quận Đống Đa',
        communes: ['phường Kim Liên', 'phường Láng Hạ', 'phường Văn Chương', 'phường Ô Chợ Dừa'],
      },
      { name: 'quận Cầu Giấy', communes: ['phường Dịch Vọng', 'phường Nghĩa Đô', 'phường Yên Hòa', 'phường Mai Dịch'] },
      { name: 'huyện Đông Anh', communes: ['xã Uy Nỗ', 'xã Cổ Loa', 'xã Vân Nội', 'thị trấn Đông Anh'] },
    ],
  },
  {
    code: '79',
    name: 'Thành phố Hồ Chí Minh',
    short: 'TP. Hồ Chí Minh',
    seat: 'Thành phố Hồ Chí Minh',
    taxPrefix: '03',
    districts: [
      { name: 'Quận 3', communes: ['Phường 7', 'Phường Võ Thị Sáu', 'Phường 9', 'Phường 12'] },
      { name: 'quận Bình Thạnh', communes: ['Phường 25', 'Phường 14', 'Phường 2', 'Phường 17'] },
      { name: 'huyện Củ Chi', communes: ['xã Tân Thạnh Đông', 'xã Phước Vĩnh An', 'thị trấn Củ Chi'] },
    ],
  },
  {
    code: '40',
    name: 'tỉnh Nghệ An',
    short: 'Nghệ An',
    seat: 'Vinh',
    taxPrefix: '29',
    districts: [
      { name: 'thành phố Vinh', communes: ['phường Hưng Bình', 'phường Lê Lợi', 'xã Nghi Phú', 'phường Trường Thi'] },
      { name: 'huyện Nghi Lộc', communes: ['xã Nghi Trung', 'xã Nghi Long', 'thị trấn Quán Hành'] },
      { name: 'huyện Diễn Châu', communes: ['xã Diễn Kỷ', 'xã Diễn Thịnh', 'thị trấn Diễn Châu'] },
    ],
  },
  {
    code: '38',
    name: 'tỉnh Thanh Hóa',
    short: 'Thanh Hóa',
    seat: 'Thanh Hóa',
    taxPrefix: '28',
    districts: [
      { name: 'thành phố Thanh Hóa', communes: ['phường Điện Biên', 'phường Đông Thọ', 'phường Quảng Thắng'] },
      { name: 'huyện Hoằng Hóa', communes: ['xã Hoằng Đạo', 'xã Hoằng Quý', 'thị trấn Bút Sơn'] },
    ],
  },
  {
    code: '52',
    name: 'tỉnh Bình Định',
    short: 'Bình Định',
    seat: 'Quy Nhơn',
    taxPrefix: '41',
    districts: [
      { name: 'thành phố Quy Nhơn', communes: ['phường Lý Thường Kiệt', 'phường Ghềnh Ráng', 'phường Nhơn Bình'] },
      { name: 'thị xã An Nhơn', communes: ['phường Bình Định', 'xã Nhơn Hậu', 'xã Nhơn Phong'] },
    ],
  },
  {
    code: '48',
    name: 'thành phố Đà Nẵng',
    short: 'Đà Nẵng',
    seat: 'Đà Nẵng',
    taxPrefix: '04',
    districts: [
      { name: 'quận Hải Châu', communes: ['phường Hòa Cường Bắc', 'phường Thạch Thang', 'phường Bình Hiên'] },
      { name: 'huyện Hòa Vang', communes: ['xã Hòa Phong', 'xã Hòa Tiến', 'xã Hòa Nhơn'] },
    ],
  },
  {
    code: '31',
    name: 'thành phố Hải Phòng',
    short: 'Hải Phòng',
    seat: 'Hải Phòng',
    taxPrefix: '02',
    districts: [
      { name: 'quận Lê Chân', communes: ['phường An Biên', 'phường Dư Hàng Kênh', 'phường Niệm Nghĩa'] },
      { name: 'huyện Thủy Nguyên', communes: ['xã Lập Lễ', 'xã Tam Hưng', 'thị trấn Núi Đèo'] },
    ],
  },
  {
    code: '92',
    name: 'thành phố Cần Thơ',
    short: 'Cần Thơ',
    seat: 'Cần Thơ',
    taxPrefix: '18',
    districts: [
      { name: 'quận Ninh Kiều', communes: ['phường An Hòa', 'phường Xuân Khánh', 'phường Tân An'] },
      { name: 'huyện Phong Điền', communes: ['xã Mỹ Khánh', 'xã Nhơn Ái', 'thị trấn Phong Điền'] },
    ],
  },
  {
    code: '66',
    name: 'tỉnh Đắk Lắk',
    short: 'Đắk Lắk',
    seat: 'Buôn Ma Thuột',
    taxPrefix: '60',
    districts: [
      { name: 'thành phố Buôn Ma Thuột', communes: ['phường Tân Lợi', 'phường Ea Tam', 'xã Hòa Thắng'] },
      { name: 'huyện Krông Pắc', communes: ['xã Ea Kênh', 'xã Hòa An', 'thị trấn Phước An'] },
    ],
  },
  {
    code: '36',
    name: 'tỉnh Nam Định',
    short: 'Nam Định',
    seat: 'Nam Định',
    taxPrefix: '06',
    districts: [
      { name: 'huyện Hải Hậu', communes: ['xã Hải Minh', 'xã Hải Đông', 'thị trấn Yên Định'] },
      { name: 'huyện Giao Thủy', communes: ['xã Giao Thiện', 'xã Bạch Long', 'thị trấn Ngô Đồng'] },
    ],
  },
];

export const PROVINCE_CODES = new Set(PROVINCES.map((p) => p.code));

export const VILLAGES = [
  'Thôn 1',
  'Thôn 3',
  'Xóm Đông',
  'Xóm Chùa',
  'Thôn Trung',
  'Ấp 2',
  'Khối 5',
  'Tổ dân phố 4',
  'Khu phố 6',
] as const;
export const STREETS = [
  'đường Lê Lợi',
  'đường Trần Hưng Đạo',
  'phố Xã Đàn',
  'đường Nguyễn Văn Cừ',
  'đường Hai Bà Trưng',
  'ngõ 34 phố Thái Hà',
  'hẻm 12 đường Nguyễn Trãi',
  'đường Quang Trung',
  'đường Phan Bội Châu',
] as const;

export const LAND_USES = [
  'Đất ở tại nông thôn (ONT)',
  'Đất ở tại đô thị (ODT)',
  'Đất trồng cây lâu năm (CLN)',
  'Đất trồng lúa (LUC)',
  'Đất nuôi trồng thủy sản (NTS)',
] as const;

export const BUSINESS_LINES = [
  'Bán lẻ lương thực, thực phẩm',
  'Dịch vụ ăn uống',
  'Sửa chữa xe có động cơ',
  'May mặc',
  'Bán buôn vật liệu xây dựng',
  'Cắt tóc, gội đầu',
  'Kinh doanh tạp hóa',
] as const;

export const PROCEDURES = [
  'Đăng ký biến động quyền sử dụng đất do chuyển nhượng',
  'Cấp giấy phép xây dựng nhà ở riêng lẻ',
  'Đăng ký khai sinh',
  'Đăng ký thành lập hộ kinh doanh',
  'Cấp Giấy xác nhận tình trạng hôn nhân',
  'Chứng thực hợp đồng chuyển nhượng quyền sử dụng đất',
  'Đăng ký thường trú',
] as const;

export const GOODS = [
  ['Xi măng PCB40', 'Tấn', 1_650_000],
  ['Thép cuộn D8', 'Kg', 17_500],
  ['Gạch ống 8x18', 'Viên', 1_300],
  ['Sơn nước nội thất', 'Thùng', 1_250_000],
  ['Dịch vụ tư vấn hồ sơ', 'Lần', 2_000_000],
  ['Giấy in A4', 'Ram', 72_000],
  ['Máy tính xách tay', 'Chiếc', 15_990_000],
] as const;
