// Consistency across the components of one dossier: the same person appears on the application, the ID card and
// the certificates, and their ID number, name and birth date must agree. Pure: components in, findings out.
import type { ComponentResult } from '../page-model.js';
import { canonicalTones, foldKey } from './vietnamese-text.js';

export type FindingKind = 'id-mismatch' | 'name-mismatch' | 'birth-date-mismatch';

/** What the findings read of a component: its type, pages and field values (stored results qualify). */
export type FindingInput = Pick<ComponentResult, 'type' | 'pages'> & { fields: Record<string, { value: string }> };

export interface Finding {
  kind: FindingKind;
  message: string;
  components: Array<{ type: string; pages: [number, number] }>;
  /** Field keys involved, in the order of `components`. */
  fields: string[];
}

/** Fields of one person on one component type: an ID number with the name (and birth date) printed beside it. */
export interface PersonFields {
  id: string;
  name: string;
  birthDate?: string;
  /** Who this is on the document, for messages ("chồng", "bên ủy quyền"). */
  role?: string;
}

/** Person field groups per catalog type (keys verbatim from schemas/catalog.json). */
export const PERSON_FIELDS: Readonly<Record<string, readonly PersonFields[]>> = {
  can_cuoc: [{ id: 'so_dinh_danh', name: 'ho_ten', birthDate: 'ngay_sinh' }],
  giay_khai_sinh: [{ id: 'so_dinh_danh', name: 'ho_ten', birthDate: 'ngay_sinh' }],
  giay_chung_nhan_ket_hon: [
    { id: 'so_dinh_danh_chong', name: 'ho_ten_chong', birthDate: 'ngay_sinh_chong', role: 'chồng' },
    { id: 'so_dinh_danh_vo', name: 'ho_ten_vo', birthDate: 'ngay_sinh_vo', role: 'vợ' },
  ],
  xac_nhan_tinh_trang_hon_nhan: [{ id: 'so_dinh_danh', name: 'ho_ten', birthDate: 'ngay_sinh' }],
  trich_luc_khai_tu: [{ id: 'so_dinh_danh', name: 'ho_ten', birthDate: 'ngay_sinh' }],
  xac_nhan_cu_tru: [{ id: 'so_dinh_danh', name: 'ho_ten', birthDate: 'ngay_sinh' }],
  gcn_quyen_su_dung_dat: [{ id: 'so_dinh_danh', name: 'nguoi_su_dung' }],
  hop_dong_chuyen_nhuong: [
    { id: 'so_dinh_danh_ben_chuyen_nhuong', name: 'ben_chuyen_nhuong', role: 'bên chuyển nhượng' },
    { id: 'so_dinh_danh_ben_nhan_chuyen_nhuong', name: 'ben_nhan_chuyen_nhuong', role: 'bên nhận chuyển nhượng' },
  ],
  don_dang_ky_bien_dong: [{ id: 'so_dinh_danh', name: 'nguoi_dang_ky' }],
  gcn_dang_ky_ho_kinh_doanh: [{ id: 'so_dinh_danh', name: 'chu_ho' }],
  giay_uy_quyen: [
    { id: 'so_dinh_danh_ben_uy_quyen', name: 'ben_uy_quyen', role: 'bên ủy quyền' },
    { id: 'so_dinh_danh_ben_duoc_uy_quyen', name: 'ben_duoc_uy_quyen', role: 'bên được ủy quyền' },
  ],
  phieu_tiep_nhan_ho_so: [{ id: 'so_dinh_danh', name: 'nguoi_nop' }],
  don_to_khai: [{ id: 'so_dinh_danh', name: 'nguoi_yeu_cau' }],
};

/** IDs this many digits apart are read as one person's number misprinted or misread, not two people. */
export const NEAR_ID_DIGITS = 2;

interface Mention {
  component: FindingInput;
  group: PersonFields;
  id: string | null;
  name: string | null;
  birthDate: string | null;
}

function mentions(components: FindingInput[], table: Readonly<Record<string, readonly PersonFields[]>>) {
  const out: Mention[] = [];
  for (const component of components) {
    for (const group of table[component.type] ?? []) {
      const id = component.fields[group.id]?.value.replace(/\s+/g, '') || null;
      const name = component.fields[group.name]?.value.trim() || null;
      const birthDate = (group.birthDate && component.fields[group.birthDate]?.value) || null;
      if (id || name) out.push({ component, group, id, name, birthDate });
    }
  }
  return out;
}

/** Names compare without case and tone-placement differences ("Hoà" = "Hòa"; "NGUYỄN" = "Nguyễn"). */
function nameKey(name: string): string {
  return canonicalTones(name).toLocaleLowerCase('vi').replace(/\s+/g, ' ');
}

function digitsApart(a: string, b: string): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

function where(m: Mention): string {
  const [p0, p1] = m.component.pages;
  const pages = p0 === p1 ? `p${p0}` : `p${p0}-${p1}`;
  return `${m.component.type}${m.group.role ? ` (${m.group.role})` : ''}, ${pages}`;
}

function finding(kind: FindingKind, message: string, a: Mention, b: Mention, key: keyof PersonFields): Finding {
  return {
    kind,
    message,
    components: [a, b].map((m) => ({ type: m.component.type, pages: m.component.pages })),
    fields: [a.group[key] as string, b.group[key] as string],
  };
}

/**
 * Findings for one dossier: the same ID number printed with different names or birth dates, and the same person
 * (same name, or an ID number a digit or two away) printed with different ID numbers. Each pair is reported once.
 */
export function dossierFindings(
  components: FindingInput[],
  table: Readonly<Record<string, readonly PersonFields[]>> = PERSON_FIELDS,
): Finding[] {
  const all = mentions(components, table);
  const out: Finding[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (a.component === b.component) continue;
      const sameName = a.name !== null && b.name !== null && nameKey(a.name) === nameKey(b.name);
      if (a.id && b.id && a.id === b.id) {
        if (a.name && b.name && !sameName) {
          const accentsOnly = foldKey(a.name) === foldKey(b.name);
          out.push(
            finding(
              'name-mismatch',
              `ID number ${a.id} is printed with two names: "${a.name}" (${where(a)}) and "${b.name}" (${where(b)})` +
                (accentsOnly ? '; they differ only in diacritics, possibly misread' : ''),
              a,
              b,
              'name',
            ),
          );
        }
        if (a.birthDate && b.birthDate && a.birthDate !== b.birthDate) {
          out.push(
            finding(
              'birth-date-mismatch',
              `ID number ${a.id} is printed with two birth dates: ${a.birthDate} (${where(a)}) and ${b.birthDate} (${where(b)})`,
              a,
              b,
              'birthDate',
            ),
          );
        }
        continue;
      }
      if (!a.id || !b.id) continue;
      const near = digitsApart(a.id, b.id) <= NEAR_ID_DIGITS && (sameName || a.name === null || b.name === null);
      if (sameName || near) {
        const who = a.name ?? b.name;
        out.push(
          finding(
            'id-mismatch',
            `${who ? `"${who}"` : 'The same person'} is printed with two ID numbers: ${a.id} (${where(a)}) and ${b.id} (${where(b)})`,
            a,
            b,
            'id',
          ),
        );
      }
    }
  }
  return out;
}
