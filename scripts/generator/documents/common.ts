// Shared pieces of Vietnamese administrative papers: NĐ 30/2020 header, motto, place-and-date, signature blocks.
import { formalDate } from '../dates.js';
import { moneyToWords, type NumberWordsStyle } from '../number-words.js';
import { A4, type Block, b, type FontFamily, type PageSpec } from '../page-spec.js';
import type { Address, Person } from '../people.js';
import type { Rng } from '../prng.js';
import type { Province } from '../vn-data.js';

/** What a document builder returns: pages to draw and the truth fields (normalised per catalog valueTypes). */
export interface DocumentDraft {
  type: string;
  pages: PageSpec[];
  fields: Record<string, string>;
}

export interface Parcel {
  thua: string;
  to: string;
  /** m², one decimal at most. */
  area: number;
  address: Address;
  landUse: string;
  serial: string;
  registerNo: string;
}

/** Facts shared by the papers of one dossier, so they agree with one another. */
export interface DossierContext {
  applicant: Person;
  other: Person;
  parcel: Parcel;
  province: Province;
  /** ISO date around which the dossier's papers are dated. */
  date: string;
}

export type DocumentBuilder = (rng: Rng, ctx: DossierContext) => DocumentDraft;

// Official papers are mostly set in a Times-like serif.
export const OFFICIAL_FAMILIES: FontFamily[] = [
  'liberation-serif',
  'liberation-serif',
  'serif',
  'serif-condensed',
  'noto-serif',
  'liberation-sans',
  'sans',
];
export const PRINT_FAMILIES: FontFamily[] = ['sans', 'sans-condensed', 'liberation-sans', 'noto-sans', 'serif'];

export function a4(
  rng: Rng,
  blocks: Block[],
  options: { families?: FontFamily[]; paper?: string; baseSize?: number } = {},
): PageSpec {
  const spec: PageSpec = {
    ...A4,
    marginMm: rng.int(15, 22),
    family: rng.pick(options.families ?? OFFICIAL_FAMILIES),
    baseSize: options.baseSize ?? rng.pick([11, 11.5, 12, 12.5]),
    blocks,
  };
  if (options.paper) spec.paper = options.paper;
  return spec;
}

/** Several pages of one document share font and margins. */
export function samePageStyle(first: PageSpec, blocks: Block[]): PageSpec {
  return { ...first, blocks };
}

export function motto(rng: Rng): Block[] {
  return [
    b.center(rng.chance(0.7) ? 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' : 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
      bold: true,
      size: 10.5,
    }),
    b.center('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 11.5 }),
    b.rule(48),
  ];
}

/** "Vinh, ngày 05 tháng 3 năm 2024" */
export function placeDate(place: string, iso: string): string {
  return `${place}, ${formalDate(iso)}`;
}

/** NĐ 30/2020 header: agency top-left with "Số:", motto top-right with the place-and-date line. */
export function officialHeader(
  rng: Rng,
  parent: string | null,
  agency: string,
  number: string | null,
  place: string,
  iso: string,
): Block[] {
  const left: Block[] = [];
  if (parent) left.push(b.center(parent, { size: 10.5 }));
  left.push(b.center(agency, { bold: true, size: 10.5 }), b.rule(25));
  if (number) left.push(b.center(`Số: ${number}`, { size: 12 }));
  return [
    b.cols([42, 58], left, [...motto(rng), b.center(placeDate(place, iso), { italic: true, size: 12 })]),
    b.gap(8),
  ];
}

/** Signature block: authority line(s), scribble, seal over it, signer name. */
export function signBlock(rng: Rng, roles: string[], signer: string, seal: string | null): Block[] {
  const blocks: Block[] = roles.map((r) => b.center(r, { bold: true, size: 12 }));
  if (seal) blocks.push(b.seal(seal, rng.int(34, 40)));
  blocks.push(b.signature(), b.center(signer, { bold: true }));
  return blocks;
}

/** Right-hand signature area beside optional left content (e.g. "Nơi nhận:"). */
export function signRow(left: Block[], right: Block[]): Block {
  return b.cols([45, 55], left, right);
}

export function formatMoney(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function printMoney(rng: Rng, amount: number): string {
  return rng.pick([
    `${formatMoney(amount)} đồng`,
    `${formatMoney(amount)}đ`,
    `${formatMoney(amount)} VNĐ`,
    `${formatMoney(amount)} đồng`,
  ]);
}

export function wordsStyle(rng: Rng): NumberWordsStyle {
  return {
    zeroTens: rng.chance(0.7) ? 'linh' : 'lẻ',
    thousand: rng.chance(0.75) ? 'nghìn' : 'ngàn',
    fourAfterTens: rng.chance(0.7) ? 'bốn' : 'tư',
  };
}

export function amountInWords(rng: Rng, amount: number): string {
  return moneyToWords(amount, { style: wordsStyle(rng), even: rng.chance(0.4) });
}

/** "125,5 m²" as printed; truth is "125.5". */
export function printArea(area: number): string {
  return `${String(area).replace('.', ',')} m²`;
}

export function areaValue(area: number): string {
  return String(area);
}

export function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function personLine(p: Person): string {
  return p.name;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return rng.pick(items);
}

export const OTHER_PEOPLE_ROLES = ['Ông', 'Bà'] as const;

export function honorific(p: Person): string {
  return p.sex === 'Nam' ? 'Ông' : 'Bà';
}

/** Commune-level agency names derived from an address. */
export function communeAgency(address: Address): { parent: string; agency: string; place: string } {
  const parts = address.full.split(', ');
  const commune = parts[parts.length - 3] ?? 'xã';
  return { parent: 'UỶ BAN NHÂN DÂN', agency: commune.toLocaleUpperCase('vi'), place: address.province.seat };
}

export function districtOf(address: Address): string {
  const parts = address.full.split(', ');
  return parts[parts.length - 2] ?? '';
}
