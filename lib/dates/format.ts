// GOV.UK-style dates and times in Europe/London. Formatting runs for every
// session on every event card, so it uses cached Intl formatters (with the
// platform's time-zone data) rather than building zoned date objects per call.

import { LONDON } from './london';

const londonFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});
const utcDateFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const clockFormatter = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

type Parts = { weekday: string; day: string; month: string; year: string; hour: string; minute: string; dayPeriod: string };

function parts(formatter: Intl.DateTimeFormat, d: Date): Parts {
  const out: Record<string, string> = {};
  for (const p of formatter.formatToParts(d)) if (p.type !== 'literal') out[p.type] = p.value;
  return out as Parts;
}

/** The calendar date and wall-clock time of an instant in London. */
export function londonParts(d: Date) {
  return parts(londonFormatter, d);
}

/** GOV.UK style time: "9:30am", "12pm", "1:30pm". */
export function formatTime(d: Date): string {
  const p = londonParts(d);
  return `${p.hour}${p.minute === '00' ? '' : `:${p.minute}`}${p.dayPeriod.toLowerCase()}`;
}

/** GOV.UK style date: "Tuesday 4 November 2025". */
export function formatDate(d: Date, opts: { weekday?: boolean; year?: boolean } = {}): string {
  const { weekday = true, year = true } = opts;
  const p = londonParts(d);
  return `${weekday ? `${p.weekday} ` : ''}${p.day} ${p.month}${year ? ` ${p.year}` : ''}`;
}

/** "Tuesday 4 November 2025, 9:30am to 12:30pm", or the date alone for all-day sessions. */
export function formatSession(s: { startsAt: Date; endsAt: Date; allDay: boolean }): string {
  if (s.allDay) return formatDate(s.startsAt);
  return `${formatDate(s.startsAt)}, ${formatTime(s.startsAt)} to ${formatTime(s.endsAt)}`;
}

/** "June 2024" for an issue's month (stored as a UTC date). */
export function formatMonth(month: Date): string {
  const p = parts(utcDateFormatter, month);
  return `${p.month} ${p.year}`;
}

/** A calendar date column (Postgres `date`, read as UTC midnight) as "Monday 13 October 2025". */
export function formatCalendarDate(d: Date, opts: { year?: boolean } = {}): string {
  const p = parts(utcDateFormatter, d);
  return `${p.weekday} ${p.day} ${p.month}${opts.year === false ? '' : ` ${p.year}`}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Today's date in London as a UTC-midnight Date, comparable with `date` columns. */
export function londonToday(now: Date): Date {
  const p = londonParts(now);
  return new Date(Date.UTC(Number(p.year), MONTHS.indexOf(p.month), Number(p.day)));
}

/** GOV.UK style date and time of an instant: "2 December 2026 at 4:46pm" (with the weekday if asked). */
export function formatDateTime(d: Date, opts: { weekday?: boolean } = {}): string {
  return `${formatDate(d, { weekday: opts.weekday ?? false })} at ${formatTime(d)}`;
}

/** London 24-hour clock time, "09:05": for "saved at" notices, where the exact minute matters more than style. */
export function formatClock(d: Date): string {
  const p = parts(clockFormatter, d);
  return `${p.hour}:${p.minute}`;
}
