// Dates of one component in their order: an appointment follows the receipt within the procedure's time limit, a
// death follows the birth. A year or month misread by one digit reads as a valid date but breaks the order or span.
import type { FieldResult } from '../page-model.js';
import type { TypeRule } from './rule-pack.js';

const DAY_MS = 86_400_000;

/** Whole days from one ISO date to another (negative when `to` is earlier); null when either is no ISO date. */
export function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / DAY_MS);
}

/** Review reasons for date fields out of the order (`after`) their rules declare. */
export function dateOrderProblems(type: TypeRule, fields: Record<string, FieldResult>): string[] {
  const problems: string[] = [];
  for (const [key, rule] of Object.entries(type.fields)) {
    const field = fields[key];
    const earlier = rule.after ? fields[rule.after.field] : undefined;
    if (!rule.after || !field || !earlier) continue;
    const days = daysBetween(earlier.value, field.value);
    if (days === null) continue;
    if (days < 0) problems.push(`${key} (${field.value}) is before ${rule.after.field} (${earlier.value})`);
    else if (rule.after.maxDays !== undefined && days > rule.after.maxDays)
      problems.push(
        `${key} (${field.value}) is ${days} days after ${rule.after.field} (${earlier.value}), more than ${rule.after.maxDays}`,
      );
  }
  return problems;
}
