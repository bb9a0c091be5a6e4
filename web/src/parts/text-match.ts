/** Lower case without Vietnamese diacritics, so "dang ky bien dong" finds "Đăng ký biến động". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** The personal ID from what a barcode scanner types for the QR code of a chip ID card ("ID|old ID|name|…"). */
export function applicantFromInput(input: string): { id: string; name?: string } {
  const parts = input.split('|');
  if (parts.length >= 3) return { id: (parts[0] ?? '').trim(), name: (parts[2] ?? '').trim() };
  return { id: input.replace(/[\s.]/g, '') };
}
