// Calendar dates kept as ISO strings (the truth format) and printed in the styles found on Vietnamese papers.
import type { Rng } from './prng.js';

export type DateStyle = 'slash' | 'dash' | 'dot' | 'words' | 'unpadded';

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function randomDate(rng: Rng, fromYear: number, toYear: number): string {
  const year = rng.int(fromYear, toYear);
  const month = rng.int(1, 12);
  return isoDate(year, month, rng.int(1, daysInMonth(year, month)));
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // 29 February moves to 28 February in a non-leap year.
  return isoDate(y + years, m, Math.min(d, daysInMonth(y + years, m)));
}

/** Formal NĐ 30/2020 style: day below 10 and months 1–2 zero-padded. */
export function formalDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${String(d).padStart(2, '0')} tháng ${month} năm ${y}`;
}

export function printDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  switch (style) {
    case 'slash':
      return `${d}/${m}/${y}`;
    case 'dash':
      return `${d}-${m}-${y}`;
    case 'dot':
      return `${d}.${m}.${y}`;
    case 'unpadded':
      return `${Number(d)}/${Number(m)}/${y}`;
    case 'words':
      return formalDate(iso);
  }
}

export function randomNumericStyle(rng: Rng): DateStyle {
  return rng.pick(['slash', 'slash', 'slash', 'dash', 'dot', 'unpadded'] as const);
}
