// One message catalog: Vietnamese first, English where a Vietnamese text is missing or the user asks for it.
const vi = {
  app_title: 'Tiếp nhận và số hóa hồ sơ',
  sign_in: 'Đăng nhập',
  sign_out: 'Đăng xuất',
  token: 'Mã truy cập (API token)',
  token_hint: 'Mã chỉ được giữ trong phiên trình duyệt này.',
  signed_in_as: 'Người dùng',
  role: 'Vai trò',
  role_intake: 'Tiếp nhận',
  role_reviewer: 'Kiểm tra',
  role_reader: 'Tra cứu',
  role_admin: 'Quản trị',
  nav_new: 'Hồ sơ mới',
  nav_review: 'Hàng đợi kiểm tra',
  nav_lookup: 'Tra cứu công dân',
  nav_open: 'Mở hồ sơ',
  language: 'English',
  procedure: 'Thủ tục',
  procedure_search: 'Tìm thủ tục theo tên hoặc mã',
  no_procedure: 'Không có thủ tục phù hợp',
  applicant_id: 'Số định danh / mã số thuế người nộp',
  applicant_id_hint: 'Nhập hoặc quét mã QR trên thẻ căn cước',
  applicant_name: 'Họ tên người nộp (không bắt buộc)',
  required_components: 'Thành phần hồ sơ bắt buộc',
  on_file: 'Đã có trong kho, dùng lại',
  must_submit: 'Cần nộp',
  create_dossier: 'Tạo hồ sơ',
  dossier_code: 'Mã hồ sơ',
  received_at: 'Ngày tiếp nhận',
  due_date: 'Hẹn trả kết quả',
  go_upload: 'Tải bản quét lên',
  upload: 'Tải bản quét',
  drop_here: 'Kéo thả tệp vào đây hoặc nhấn để chọn (PDF, JPEG, PNG, TIFF)',
  choose_files: 'Chọn tệp',
  start_upload: 'Tải lên',
  uploaded: 'Đã tải lên',
  upload_failed: 'Tải lên thất bại',
  processing: 'Đang xử lý',
  page: 'Trang',
  pages: 'Trang',
  state_queued: 'Chờ',
  state_reading: 'Đang OCR',
  state_read: 'Đã OCR',
  state_recognised: 'Đã nhận dạng',
  state_failed: 'Lỗi',
  status_queued: 'Chờ xử lý',
  status_processing: 'Đang xử lý',
  status_done: 'Xong',
  status_failed: 'Lỗi',
  all_done: 'Đã xử lý xong. Mở hồ sơ để kiểm tra.',
  open_dossier: 'Mở hồ sơ',
  components: 'Thành phần',
  component_type: 'Loại giấy tờ',
  field: 'Trường',
  value: 'Giá trị',
  confidence: 'Độ tin cậy',
  state: 'Trạng thái',
  field_machine: 'Máy đọc',
  field_needs_review: 'Cần kiểm tra',
  field_confirmed: 'Đã xác nhận',
  comp_accepted: 'Chấp nhận',
  comp_needs_review: 'Cần kiểm tra',
  edit: 'Sửa',
  save: 'Lưu',
  cancel: 'Hủy',
  saved: 'Đã lưu',
  download_pdf: 'Tải PDF tìm kiếm được',
  checklist: 'Danh sách kiểm tra',
  missing: 'Thiếu thành phần bắt buộc',
  nothing_missing: 'Đủ thành phần bắt buộc',
  reusable: 'có bản trong kho',
  findings: 'Phát hiện',
  no_findings: 'Không có phát hiện nào',
  evidence: 'Vùng chứa giá trị',
  no_evidence: 'Không xác định được vị trí trên trang',
  select_field: 'Chọn một trường để xem vị trí trên trang',
  from_page: 'Từ trang',
  to_page: 'đến trang',
  review_queue: 'Hàng đợi kiểm tra',
  queue_empty: 'Không còn thành phần nào cần kiểm tra',
  reasons: 'Lý do',
  previous: 'Trước',
  next: 'Tiếp',
  of: 'trên',
  lookup: 'Tra cứu',
  lookup_id: 'Số định danh cá nhân hoặc mã số thuế',
  lookup_audited: 'Mỗi lần tra cứu được ghi vào nhật ký truy cập (người tra cứu, thời điểm, đối tượng).',
  documents_on_file: 'Giấy tờ đã có trong kho',
  no_documents: 'Không có giấy tờ nào còn hiệu lực',
  valid_until: 'Hiệu lực đến',
  no_expiry: 'Không thời hạn',
  provenance: 'Nguồn gốc',
  recognized_at: 'Nhận dạng lúc',
  versions: 'Phiên bản',
  corrected_by: 'Sửa bởi',
  error: 'Lỗi',
  loading: 'Đang tải…',
  forbidden: 'Vai trò của bạn không được làm thao tác này',
  status: 'Trạng thái',
  dossier: 'Hồ sơ',
  files: 'Tệp',
  close: 'Đóng',
} as const;

export type MessageKey = keyof typeof vi;

const en: Partial<Record<MessageKey, string>> = {
  app_title: 'Dossier intake and digitization',
  sign_in: 'Sign in',
  sign_out: 'Sign out',
  token: 'API token',
  token_hint: 'The token is kept for this browser session only.',
  signed_in_as: 'User',
  role: 'Role',
  role_intake: 'Intake',
  role_reviewer: 'Reviewer',
  role_reader: 'Reader',
  role_admin: 'Admin',
  nav_new: 'New dossier',
  nav_review: 'Review queue',
  nav_lookup: 'Citizen lookup',
  language: 'Tiếng Việt',
  procedure: 'Procedure',
  procedure_search: 'Search procedures by name or code',
  applicant_id: "Applicant's ID number / tax code",
  required_components: 'Required components',
  on_file: 'On file, reused',
  must_submit: 'Must submit',
  create_dossier: 'Create dossier',
  dossier_code: 'Dossier code',
  due_date: 'Due date',
  go_upload: 'Upload scans',
  drop_here: 'Drop files here or press to choose (PDF, JPEG, PNG, TIFF)',
  start_upload: 'Upload',
  all_done: 'Processing finished. Open the dossier to check it.',
  open_dossier: 'Open dossier',
  missing: 'Missing required components',
  findings: 'Findings',
  review_queue: 'Review queue',
  previous: 'Previous',
  next: 'Next',
  lookup_audited: 'Every lookup is written to the access log (who, when, whose data).',
  documents_on_file: 'Documents on file',
};

const catalogs = { vi, en } as const;
export type Language = keyof typeof catalogs;

let language: Language = sessionStorage.getItem('sohoa.lang') === 'en' ? 'en' : 'vi';

export function currentLanguage(): Language {
  return language;
}

export function setLanguage(next: Language): void {
  language = next;
  sessionStorage.setItem('sohoa.lang', next);
  document.documentElement.lang = next;
}

/** The message in the current language, falling back to Vietnamese (every key has one). */
export function t(key: MessageKey): string {
  return (language === 'en' ? en[key] : undefined) ?? vi[key];
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function formatPercent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
