import { addDays, londonDate, londonInstant, londonWallClock, parseGovukDate, parseTime, str, type CalendarDate, type DateFields } from '@/lib/dates';
import { sessionField, truthy, type SessionField, type SessionFields } from './event-fields';

// One event session: checked from its raw form fields into London instants, and
// a stored session turned back into form fields for editing.

export type ResolvedSession = {
  /** The stored session this one edits; null for a new session. */
  id: string | null;
  date: CalendarDate;
  allDay: boolean;
  /** HH:MM, null for all-day sessions. */
  startTime: string | null;
  endTime: string | null;
  label: string | null;
  startsAt: Date;
  endsAt: Date;
};

export type Problem = { path: string; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TIME_HINT = 'as hours and minutes on the 24-hour clock, like 09:30 or 14:00';

/** Checks one session's raw fields; `n` is its number as shown to the user (1-based). */
export function resolveSession(raw: unknown, index: number): { session: ResolvedSession | null; problems: Problem[] } {
  const n = index + 1;
  const problems: Problem[] = [];
  const add = (field: SessionField | 'date', message: string) => problems.push({ path: sessionField(index, field), message: `Session ${n}: ${message}` });
  if (!raw || typeof raw !== 'object') {
    add('date', 'enter the date');
    return { session: null, problems };
  }
  const f = raw as Record<string, unknown>;
  const allDay = truthy(f.allDay);
  const label = str(f.label) || null;
  const id = str(f.id) || null;
  if (id && !UUID.test(id)) add('date', 'this session cannot be edited; reload the page');
  if (label && label.length > 200) add('label', 'the label must be 200 characters or fewer');

  const date = parseGovukDate(f, 'the date');
  if (!date.ok) add('date', lowerFirst(date.problem.message));

  let startTime: string | null = null;
  let endTime: string | null = null;
  if (!allDay) {
    const rawStart = str(f.startTime);
    const rawEnd = str(f.endTime);
    if (!rawStart) add('startTime', 'enter a start time');
    else if (!(startTime = parseTime(rawStart))) add('startTime', `enter the start time ${TIME_HINT}`);
    if (!rawEnd) add('endTime', 'enter an end time');
    else if (!(endTime = parseTime(rawEnd))) add('endTime', `enter the end time ${TIME_HINT}`);
    if (startTime && endTime && endTime <= startTime) add('endTime', 'the end time must be after the start time');
  }
  if (problems.length || !date.ok) return { session: null, problems };

  let startsAt: Date | null;
  let endsAt: Date | null;
  if (allDay) {
    startsAt = londonInstant(date.date);
    endsAt = londonInstant(addDays(date.date, 1));
  } else {
    startsAt = londonInstant(date.date, startTime!);
    endsAt = londonInstant(date.date, endTime!);
    const skipped = `does not exist on ${date.date.day}/${date.date.month}/${date.date.year} because the clocks go forward an hour`;
    if (!startsAt) add('startTime', `${startTime} ${skipped}`);
    if (!endsAt) add('endTime', `${endTime} ${skipped}`);
  }
  if (!startsAt || !endsAt) {
    if (!problems.length) add('date', 'the date must be a real date');
    return { session: null, problems };
  }
  // Wall-clock order was checked; only the repeated hour when the clocks go back can still invert it.
  if (endsAt <= startsAt) {
    add('endTime', 'the end time must be after the start time');
    return { session: null, problems };
  }
  return { session: { id, date: date.date, allDay, startTime, endTime, label, startsAt, endsAt }, problems };
}

function lowerFirst(s: string) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** A stored session back as form fields (London wall-clock). */
export function sessionToFields(s: { id?: string | null; startsAt: Date; endsAt: Date; allDay: boolean; label: string | null }): SessionFields {
  const start = londonWallClock(s.startsAt.getTime());
  const end = londonWallClock(s.endsAt.getTime());
  const hhmm = (w: { hours: number; minutes: number }) => `${String(w.hours).padStart(2, '0')}:${String(w.minutes).padStart(2, '0')}`;
  return {
    ...(s.id ? { id: s.id } : {}),
    day: String(start.day),
    month: String(start.month),
    year: String(start.year),
    startTime: s.allDay ? '' : hhmm(start),
    endTime: s.allDay ? '' : hhmm(end),
    allDay: s.allDay,
    label: s.label ?? '',
  };
}

/** A calendar date (a `date` column, or a London instant) back as GOV.UK date fields. */
export function dateToFields(d: Date | null, kind: 'calendar' | 'instant'): DateFields {
  if (!d) return { day: '', month: '', year: '' };
  const c = kind === 'calendar' ? { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() } : londonDate(d);
  return { day: String(c.day), month: String(c.month), year: String(c.year) };
}
