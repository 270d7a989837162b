import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const LONDON = 'Europe/London';

const inLondon = (d: Date) => new TZDate(d.getTime(), LONDON);

/** GOV.UK style time: "9:30am", "12pm", "1:30pm". */
export function formatTime(d: Date): string {
  const t = inLondon(d);
  return format(t, t.getMinutes() === 0 ? 'haaa' : 'h:mmaaa');
}

/** GOV.UK style date: "Tuesday 4 November 2025". */
export function formatDate(d: Date, opts: { weekday?: boolean; year?: boolean } = {}): string {
  const { weekday = true, year = true } = opts;
  return format(inLondon(d), `${weekday ? 'EEEE ' : ''}d MMMM${year ? ' yyyy' : ''}`);
}

/** "Tuesday 4 November 2025, 9:30am to 12:30pm", or the date alone for all-day sessions. */
export function formatSession(s: { startsAt: Date; endsAt: Date; allDay: boolean }): string {
  if (s.allDay) return formatDate(s.startsAt);
  return `${formatDate(s.startsAt)}, ${formatTime(s.startsAt)} to ${formatTime(s.endsAt)}`;
}

/** "June 2024" for an issue's month (stored as a UTC date). */
export function formatMonth(month: Date): string {
  return format(new TZDate(month.getTime(), 'UTC'), 'MMMM yyyy');
}

/** A calendar date column (Postgres `date`, read as UTC midnight) as "Monday 13 October 2025". */
export function formatCalendarDate(d: Date, opts: { year?: boolean } = {}): string {
  return format(new TZDate(d.getTime(), 'UTC'), `EEEE d MMMM${opts.year === false ? '' : ' yyyy'}`);
}

/** ISO date-time for <time dateTime>. */
export function isoDateTime(d: Date): string {
  return d.toISOString();
}
