import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../../pipeline/package-root.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const day = z.object({ date: isoDate, name: z.string(), source: z.string().optional() });
const tableSchema = z.object({
  timezone: z.literal('Asia/Ho_Chi_Minh'),
  coveredYears: z.array(z.number().int()).min(1),
  weekendDays: z.array(z.number().int().min(0).max(6)),
  daysOff: z.array(day),
  makeUpWorkingDays: z.array(day),
});

/** Which days are worked: the announced schedule for the covered years; any other year is unknown. */
export interface HolidayTable {
  coveredYears: ReadonlySet<number>;
  /** 0 = Sunday ... 6 = Saturday. */
  weekendDays: ReadonlySet<number>;
  daysOff: ReadonlyMap<string, string>;
  makeUpWorkingDays: ReadonlyMap<string, string>;
}

export function defaultHolidayTablePath(root: string = packageRoot()): string {
  return join(root, 'service', 'data', 'holidays.json');
}

/** Parses and checks a holiday table: every listed date must lie in a covered year. */
export function parseHolidayTable(json: unknown): HolidayTable {
  const t = tableSchema.parse(json);
  const covered = new Set(t.coveredYears);
  for (const d of [...t.daysOff, ...t.makeUpWorkingDays]) {
    if (!covered.has(Number(d.date.slice(0, 4)))) {
      throw new Error(
        `holiday table: ${d.date} (${d.name}) lies outside the covered years ${t.coveredYears.join(', ')}`,
      );
    }
  }
  return {
    coveredYears: covered,
    weekendDays: new Set(t.weekendDays),
    daysOff: new Map(t.daysOff.map((d) => [d.date, d.name])),
    makeUpWorkingDays: new Map(t.makeUpWorkingDays.map((d) => [d.date, d.name])),
  };
}

export function loadHolidayTable(path: string = defaultHolidayTablePath()): HolidayTable {
  return parseHolidayTable(JSON.parse(readFileSync(path, 'utf8')));
}
