// Reading dates and times as people type them: GOV.UK day/month/year inputs,
// 24-hour or am/pm times, and the YYYY-MM-DD that <input type="date"> sends.
// Pure functions with no time zone; london.ts turns the results into instants.

export type CalendarDate = { year: number; month: number; day: number };

export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];
/** Raw values of a GOV.UK date input, as typed. */
export type DateFields = Partial<Record<DatePart, string>>;

const MONTHS = 'january february march april may june july august september october november december'.split(' ');
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** "3", "03", "March", "mar", "sept" → 3; null otherwise. */
function monthNumber(raw: string): number | null {
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const name = raw.toLowerCase().replace(/\.$/, '');
  if (name === 'sept') return 9;
  const i = MONTHS.findIndex((m) => name === m || name === m.slice(0, 3));
  return i >= 0 ? i + 1 : null;
}

export type DateProblem = { message: string; parts: DatePart[] };
export type DateResult = { ok: true; date: CalendarDate } | { ok: false; empty: boolean; problem: DateProblem };

/** A form value as trimmed text ('' for anything that is not text or a number). */
export const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Whether a day of a month exists (30 February does not). */
function isRealDate(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && d >= 1 && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/**
 * Reads a GOV.UK day/month/year date. Messages follow the GOV.UK date input pattern
 * ("… must include a month", "… must be a real date") with `what` as the subject,
 * and say which parts to highlight.
 */
export function parseGovukDate(fields: unknown, what: string): DateResult {
  const f = (fields && typeof fields === 'object' ? fields : {}) as Record<string, unknown>;
  const day = str(f.day);
  const month = str(f.month);
  const year = str(f.year);
  const fail = (message: string, parts: DatePart[], empty = false): DateResult => ({ ok: false, empty, problem: { message, parts } });
  if (!day && !month && !year) return fail(`Enter ${what}`, ['day', 'month', 'year'], true);
  const missing = DATE_PARTS.filter((p) => !{ day, month, year }[p]);
  if (missing.length) {
    const list = missing.length === 1 ? `a ${missing[0]}` : `a ${missing[0]} and ${missing[1]}`;
    return fail(`${capitalise(what)} must include ${list}`, missing);
  }
  const m = monthNumber(month);
  if (!/^\d{1,2}$/.test(day) || m === null) {
    return fail(`${capitalise(what)} must be a real date`, [...(!/^\d{1,2}$/.test(day) ? ['day' as const] : []), ...(m === null ? ['month' as const] : [])]);
  }
  if (!/^\d{4}$/.test(year)) return fail('Year must include 4 numbers', ['year']);
  const y = Number(year);
  const d = Number(day);
  if (!isRealDate(y, m, d)) return fail(`${capitalise(what)} must be a real date`, ['day', 'month', 'year']);
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`${capitalise(what)} must be between ${MIN_YEAR} and ${MAX_YEAR}`, ['year']);
  return { ok: true, date: { year: y, month: m, day: d } };
}

/** `YYYY-MM-DD` (what <input type="date"> sends) as a calendar date, or null if not a real date in range. */
export function parseIsoDate(value: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || !isRealDate(year, month, day)) return null;
  return { year, month, day };
}

/** "9", "9:30", "09:30", "0930", "9.30", "2pm", "2:30pm" → "09:30" / "14:00" / "14:30"; null if not a time. */
export function parseTime(raw: string): string | null {
  const t = raw.trim().toLowerCase().replace(/\s+/g, '');
  let h: number;
  let min: number;
  const twelve = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)$/.exec(t);
  const twentyFour = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(t);
  if (twelve) {
    h = Number(twelve[1]);
    min = Number(twelve[2] ?? '0');
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (twelve[3] === 'pm' ? 12 : 0);
  } else if (twentyFour) {
    h = Number(twentyFour[1]);
    min = Number(twentyFour[2] ?? '0');
  } else return null;
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** YYYY-MM-DD of a calendar date. */
export function isoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** A calendar date for a Postgres `date` column: midnight UTC of that day. */
export function calendarDateValue(d: CalendarDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}
