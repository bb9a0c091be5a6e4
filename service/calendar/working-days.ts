// Deadlines in working days (BLDS 2015 Đ147–148): the day of receipt is not counted; the due date is the N-th working
// day after it. Weekends, public holidays and make-up Saturdays come from the holiday table; a date in a year the
// table does not cover is an error, never a guess.
import type { HolidayTable } from './holiday-table.js';

export class CalendarCoverageError extends Error {
  constructor(
    readonly date: string,
    covered: Iterable<number>,
  ) {
    super(
      `no holiday schedule for ${date.slice(0, 4)} (the table covers ${[...covered].sort().join(', ')}); ` +
        'add that year to service/data/holidays.json',
    );
    this.name = 'CalendarCoverageError';
  }
}

/** Vietnam has used UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The calendar date (YYYY-MM-DD) of an instant in Vietnam, whatever the machine's timezone. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(iso: string, table: HolidayTable): boolean {
  if (!table.coveredYears.has(Number(iso.slice(0, 4)))) throw new CalendarCoverageError(iso, table.coveredYears);
  if (table.makeUpWorkingDays.has(iso)) return true;
  if (table.daysOff.has(iso)) return false;
  return !table.weekendDays.has(new Date(`${iso}T00:00:00Z`).getUTCDay());
}

/** The N-th working day after the receipt date (YYYY-MM-DD); N = 0 means the receipt day itself. */
export function addWorkingDays(receivedOn: string, workingDays: number, table: HolidayTable): string {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new Error(`working days must be a whole number >= 0, got ${workingDays}`);
  }
  // Checks the receipt year too: a receipt in an unknown year has no reliable deadline.
  isWorkingDay(receivedOn, table);
  let day = receivedOn;
  let left = workingDays;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, table)) left -= 1;
  }
  return day;
}

/** Due date of a dossier received at an instant, in Vietnam's calendar. */
export function dueDateFor(receivedAt: Date, workingDays: number, table: HolidayTable): string {
  return addWorkingDays(vietnamDate(receivedAt), workingDays, table);
}
