// Bulletin dates and times are Europe/London wall-clock; the database stores instants.
import { TZDate } from '@date-fns/tz';

export const LONDON = 'Europe/London';

type YMD = { year: number; month0: number; day: number };

function parseDate(date: string): YMD {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Expected a YYYY-MM-DD date, got "${date}"`);
  return { year: Number(m[1]), month0: Number(m[2]) - 1, day: Number(m[3]) };
}

function parseTime(time: string): { hours: number; minutes: number } {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) throw new Error(`Expected an HH:MM time, got "${time}"`);
  return { hours: Number(m[1]), minutes: Number(m[2]) };
}

/** The instant of a London wall-clock time, as a plain Date. */
export function londonInstant(date: string, time = '00:00'): Date {
  const { year, month0, day } = parseDate(date);
  const { hours, minutes } = parseTime(time);
  return new Date(new TZDate(year, month0, day, hours, minutes, LONDON).getTime());
}

/** A calendar date (for @db.Date columns): midnight UTC of that day. */
export function calendarDate(date: string): Date {
  const { year, month0, day } = parseDate(date);
  return new Date(Date.UTC(year, month0, day));
}

/** The London calendar date of an instant, as YYYY-MM-DD. */
export function londonDateOf(instant: Date): string {
  const d = new TZDate(instant.getTime(), LONDON);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
}

/** YYYY-MM-DD plus a number of calendar days. */
export function addDays(date: string, days: number): string {
  const { year, month0, day } = parseDate(date);
  return new Date(Date.UTC(year, month0, day + days)).toISOString().slice(0, 10);
}

export type SessionSeed = { startsAt: Date; endsAt: Date; allDay: boolean; label: string | null };

/** A session from `start` to `end` London time on `date`. */
export function timed(date: string, start: string, end: string, label: string | null = null): SessionSeed {
  const startsAt = londonInstant(date, start);
  const endsAt = londonInstant(date, end);
  if (endsAt <= startsAt) throw new Error(`Session on ${date} ends (${end}) before it starts (${start})`);
  return { startsAt, endsAt, allDay: false, label };
}

/** An all-day session: midnight London to midnight London the next day. */
export function allDay(date: string, label: string | null = null): SessionSeed {
  return { startsAt: londonInstant(date), endsAt: londonInstant(addDays(date, 1)), allDay: true, label };
}
