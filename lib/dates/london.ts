import { TZDate } from '@date-fns/tz';
import type { CalendarDate } from './parse';

// Instants ↔ London wall-clock, through @date-fns/tz (which uses the platform's
// time-zone data). Every London conversion in the app goes through here.

export const LONDON = 'Europe/London';

/** The London wall-clock reading of an instant (ms since the epoch). */
export function londonWallClock(instant: number) {
  const z = new TZDate(instant, LONDON);
  return { year: z.getFullYear(), month: z.getMonth() + 1, day: z.getDate(), hours: z.getHours(), minutes: z.getMinutes() };
}

/**
 * The instant of a London wall-clock time, or null when that time does not exist
 * (the hour skipped when the clocks go forward). When the clocks go back an hour
 * repeats; the first (BST) occurrence is taken.
 */
export function londonInstant(date: CalendarDate, time = '00:00'): Date | null {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const t = new TZDate(date.year, date.month - 1, date.day, hours, minutes, LONDON).getTime();
  const same = (instant: number) => {
    const w = londonWallClock(instant);
    return w.year === date.year && w.month === date.month && w.day === date.day && w.hours === hours && w.minutes === minutes;
  };
  if (!same(t)) return null;
  return new Date(same(t - 3_600_000) ? t - 3_600_000 : t);
}

/** The London calendar date of an instant. */
export function londonDate(instant: Date): CalendarDate {
  const w = londonWallClock(instant.getTime());
  return { year: w.year, month: w.month, day: w.day };
}

/** The calendar date `n` days after `d` (no time zone involved). */
export function addDays(d: CalendarDate, n: number): CalendarDate {
  const x = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
}

/** The instant a London day starts (midnight, or 1am on the rare day that has no midnight). */
export function londonDayStart(d: CalendarDate): Date {
  return new Date(new TZDate(d.year, d.month - 1, d.day, LONDON).getTime());
}
