// The calendar of protocol tasks, pure: dates as "YYYY-MM-DD" strings (calendar days, no time zone),
// recurring duties' occurrences up to a horizon, month ends kept (a duty due on the 31st falls on the
// last day of a shorter month, and on the 31st again when the month has one).
import type { Recurrence } from '../import/protocolDocument.ts';

/** How far ahead of today a recurring duty's occurrences exist. */
export const HORIZON_MONTHS = 12;

/** Months between two occurrences of a recurring duty. */
export const STEP_MONTHS: Record<Exclude<Recurrence, 'NONE'>, number> = { MONTHLY: 1, QUARTERLY: 3, YEARLY: 12 };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const format = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` plus `months` months, on the same day of the month or the month's last day when it is shorter. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * The due dates of a duty: the first deadline, then for a recurring one every step after it (counted
 * from the first, so 31 January → 28/29 February → 31 March), up to and including `until`. The first
 * deadline is always there, even after `until`.
 */
export function occurrenceDates(first: string, recurrence: Recurrence, until: string): string[] {
  const dates = [first];
  if (recurrence === 'NONE') return dates;
  const step = STEP_MONTHS[recurrence];
  for (let k = 1; ; k++) {
    const next = addMonths(first, k * step);
    if (next > until) break;
    dates.push(next);
  }
  return dates;
}

/** The date up to which occurrences exist when today is `today`. */
export function horizonFrom(today: string): string {
  return addMonths(today, HORIZON_MONTHS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** A @db.Date column's value (midnight UTC) as "YYYY-MM-DD", and back. */
export const dateOnly = (value: Date): string => value.toISOString().slice(0, 10);
export const asDateColumn = (date: string): Date => new Date(`${date}T00:00:00Z`);
