import { describe, expect, it } from 'vitest';
import { loadHolidayTable, parseHolidayTable } from '../../service/calendar/holiday-table.js';
import {
  addWorkingDays,
  CalendarCoverageError,
  dueDateFor,
  isWorkingDay,
  vietnamDate,
} from '../../service/calendar/working-days.js';
import { formatDossierCode, parseDossierCode } from '../../service/dossiers/dossier-code.js';

const table = loadHolidayTable();

describe('working days (BLDS day model, holiday table)', () => {
  it('reproduces the worked example: 5 days from Thu 24/04/2025 is Mon 05/05/2025 (make-up Sat 26/04 counts)', () => {
    expect(isWorkingDay('2025-04-26', table)).toBe(true);
    expect(addWorkingDays('2025-04-24', 5, table)).toBe('2025-05-05');
  });

  it('skips Tết Ất Tỵ 2025 (25/01 – 02/02)', () => {
    // Fri 24/01 + 1 working day: the whole Tết week is off, so Mon 03/02.
    expect(addWorkingDays('2025-01-24', 1, table)).toBe('2025-02-03');
    expect(addWorkingDays('2025-01-23', 3, table)).toBe('2025-02-04');
  });

  it('skips Tết Bính Ngọ 2026 (14/02 – 22/02) and the 2026 Giỗ Tổ make-up day', () => {
    expect(addWorkingDays('2026-02-13', 1, table)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-12', 2, table)).toBe('2026-02-23');
    expect(isWorkingDay('2026-04-27', table)).toBe(false);
  });

  it('skips 30/4 – 1/5 in 2026 and the Quốc khánh swap (Sat 22/08 worked, Mon 31/08 off)', () => {
    // Received Fri 24/04/2026: Mon 27 off, Tue 28 (1), Wed 29 (2), Thu 30 + Fri 1 off, Mon 4 (3), Tue 5 (4), Wed 6 (5).
    expect(addWorkingDays('2026-04-24', 5, table)).toBe('2026-05-06');
    expect(addWorkingDays('2026-08-21', 1, table)).toBe('2026-08-22');
    expect(addWorkingDays('2026-08-28', 1, table)).toBe('2026-09-03');
  });

  it('uses the Vietnam calendar date of the receipt instant (UTC+7), not the machine timezone', () => {
    expect(vietnamDate(new Date('2026-04-23T18:30:00Z'))).toBe('2026-04-24');
    expect(dueDateFor(new Date('2026-04-23T18:30:00Z'), 5, table)).toBe('2026-05-06');
  });

  it('refuses dates beyond the table instead of guessing', () => {
    expect(() => addWorkingDays('2026-12-30', 3, table)).toThrow(CalendarCoverageError);
    expect(() => addWorkingDays('2024-06-03', 1, table)).toThrow(/no holiday schedule for 2024/);
  });

  it('rejects a table listing a date outside its covered years', () => {
    expect(() =>
      parseHolidayTable({
        timezone: 'Asia/Ho_Chi_Minh',
        coveredYears: [2025],
        weekendDays: [0, 6],
        daysOff: [{ date: '2026-01-01', name: 'x' }],
        makeUpWorkingDays: [],
      }),
    ).toThrow(/outside the covered years/);
  });
});

describe('dossier code', () => {
  it('formats and parses agency-YYMMDD-sequence, the sequence growing past four digits', () => {
    expect(formatDossierCode('000.00.20.H08', '231015', 1)).toBe('000.00.20.H08-231015-0001');
    expect(formatDossierCode('H56.14', '260424', 12345)).toBe('H56.14-260424-12345');
    expect(parseDossierCode('000.00.20.H08-231015-0001')).toEqual({
      agencyCode: '000.00.20.H08',
      day: '231015',
      sequence: 1,
    });
    expect(parseDossierCode('H08-2310-0001')).toBeNull();
  });
});
