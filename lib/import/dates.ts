// Dates and times in bulletin prose, read with chrono-node's British (day-month)
// parser. Years the text leaves out come from the issue month: a bulletin looks
// ahead, so a month well before the issue month is next year's.
import * as chrono from 'chrono-node';
import { addDays, isoDate, londonDayStart, londonInstant, type CalendarDate } from '@/lib/dates';
import type { DraftSession, ImportFlag } from './types';

export type IssueMonth = { year: number; month: number };

export type FoundDate = {
  date: CalendarDate;
  /** Where the date's text sits in the searched string. */
  index: number;
  text: string;
  yearStated: boolean;
};

export type TimeRange = { start: string; end: string | null; index: number; text: string; flags: ImportFlag[] };

/** Months before the issue month still read as the issue's year ("Register by" dates, last month's news). */
const MONTHS_BACK = 2;

export function inferYear(month: number, issue: IssueMonth): number {
  return month < issue.month - MONTHS_BACK ? issue.year + 1 : issue.year;
}

function reference(issue: IssueMonth): Date {
  return new Date(Date.UTC(issue.year, issue.month - 1, 1, 12));
}

const pad = (n: number) => String(n).padStart(2, '0');

function weekdayOf(d: CalendarDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

// A run of bare ordinals before a full date ("4th, 11th, 18th November") shares its month and year.
const LEADING_DAYS = /((?:\b\d{1,2}(?:st|nd|rd|th)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*))+)$/i;

/** Calendar dates named in `text` (day and month both stated), in order, with lists of days expanded. */
export function findDates(text: string, issue: IssueMonth, flags: ImportFlag[] = [], field = 'date'): FoundDate[] {
  const found: FoundDate[] = [];
  for (const r of chrono.en.GB.parse(text, reference(issue))) {
    if (!r.start.isCertain('day') || !r.start.isCertain('month')) continue;
    const month = r.start.get('month')!;
    const yearStated = r.start.isCertain('year');
    const year = yearStated ? r.start.get('year')! : inferYear(month, issue);
    const date = { year, month, day: r.start.get('day')! };
    const before = LEADING_DAYS.exec(text.slice(0, r.index));
    if (before) {
      for (const m of before[1]!.matchAll(/\d{1,2}/g)) {
        found.push({ date: { ...date, day: Number(m[0]) }, index: before.index + m.index, text: m[0], yearStated });
      }
    }
    found.push({ date, index: r.index, text: r.text, yearStated });
    if (!yearStated)
      flags.push({ field, reason: `No year given for “${r.text}”; read as ${year} from the issue month` });
    if (r.start.isCertain('weekday') && r.start.get('weekday') !== weekdayOf(date)) {
      flags.push({ field, reason: `“${r.text}” names a weekday that ${isoDate(date)} is not` });
    }
    if (r.end?.isCertain('day') && r.end.get('day') !== date.day) {
      let d = addDays(date, 1);
      while (d.day !== r.end.get('day') && found.length < 400) {
        found.push({ date: d, index: r.index, text: r.text, yearStated });
        d = addDays(d, 1);
      }
      found.push({ date: d, index: r.index, text: r.text, yearStated });
    }
  }
  return found.filter((f, i) => found.findIndex((g) => isoDate(g.date) === isoDate(f.date)) === i);
}

/** The first time or time range in `text` ("09:30 – 12:30", "12:00-13:30", "10am – 1pm", "9:30–4:30"). */
export function findTimeRange(text: string): TimeRange | null {
  for (const r of chrono.en.GB.parse(text, new Date(Date.UTC(2000, 0, 3, 12)))) {
    if (!r.start.isCertain('hour')) continue;
    const flags: ImportFlag[] = [];
    const sh = r.start.get('hour')!;
    const start = `${pad(sh)}:${pad(r.start.get('minute') ?? 0)}`;
    if (!r.end?.isCertain('hour')) return { start, end: null, index: r.index, text: r.text, flags };
    let eh = r.end.get('hour')!;
    const em = r.end.get('minute') ?? 0;
    // "9:30–4:30" is a working day written on a 12-hour clock without am/pm.
    if (eh * 60 + em <= sh * 60 + (r.start.get('minute') ?? 0) && eh < 12) {
      eh += 12;
      flags.push({ field: 'time', reason: `End of “${r.text}” read as ${pad(eh)}:${pad(em)} (afternoon)` });
    }
    return { start, end: `${pad(eh)}:${pad(em)}`, index: r.index, text: r.text, flags };
  }
  return null;
}

/** A session on a London day: timed when there is a time, otherwise all day. */
export function makeSession(
  date: CalendarDate,
  time: TimeRange | null,
  label: string | null,
  flags: ImportFlag[],
): DraftSession | null {
  const iso = isoDate(date);
  if (!time) {
    return {
      date: iso,
      start: null,
      end: null,
      allDay: true,
      startsAt: londonDayStart(date),
      endsAt: londonDayStart(addDays(date, 1)),
      label,
    };
  }
  const startsAt = londonInstant(date, time.start);
  const end = time.end ?? time.start;
  const endsAt = londonInstant(date, end);
  if (!startsAt || !endsAt) {
    flags.push({ field: 'sessions', reason: `${iso} ${time.start} does not exist in London (the clocks go forward)` });
    return null;
  }
  if (!time.end)
    flags.push({
      field: 'sessions',
      reason: `No end time on ${iso}; the session is shown as starting at ${time.start}`,
    });
  return { date: iso, start: time.start, end, allDay: false, startsAt, endsAt, label };
}
