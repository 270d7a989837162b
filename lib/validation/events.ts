import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import { safeHref } from '@/lib/rich-text/links';
import type { RichTextDoc } from '@/lib/rich-text/types';
import { validateRichText } from '@/lib/rich-text/validate';
import { queryPage, queryText } from './query';

// Events as the admin event form, the contributors' event submission and their
// server actions see them. Shared by client and server: no server-only imports.
//
// Field names in forms (FormData is flat):
//   title, description (editor JSON string), organiserId, audience, isFree ("true" | "false"),
//   cost, mode, platform, venueName, venueAddress, registrationUrl, registrationContact,
//   registrationOpens.day|month|year, registrationDeadline.day|month|year,
//   saveTheDate ("true" when ticked), presenterIds (repeated),
//   sessions.<i>.day|month|year|startTime|endTime|allDay|label   (i = 0, 1, 2, … without gaps)
//   sessions.<i>.id   (an existing session being edited: kept, so calendar UIDs stay stable)
//
// Error keys are the same names, so errors map back to fields: a whole GOV.UK date is
// reported on `registrationOpens`, `registrationDeadline` or `sessions.<i>.date`; session
// times on `sessions.<i>.startTime` / `.endTime`; the number of sessions on `sessions`.
// Dates and times are Europe/London wall-clock; instants are computed with TZDate.

export const LONDON = 'Europe/London';
export const MAX_SESSIONS = 20;
export const MAX_PRESENTERS = 50;
export const MAX_TOPICS = 20;
export const EVENT_MODES = ['ONLINE', 'IN_PERSON', 'HYBRID'] as const;
export type EventModeValue = (typeof EVENT_MODES)[number];
export const MODE_LABELS: Record<EventModeValue, string> = { ONLINE: 'Online', IN_PERSON: 'In person', HYBRID: 'Hybrid (online and in person)' };

export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];
export const SESSION_FIELDS = ['id', 'day', 'month', 'year', 'startTime', 'endTime', 'allDay', 'label'] as const;
export type SessionField = (typeof SESSION_FIELDS)[number];
export const DATE_GROUPS = ['registrationOpens', 'registrationDeadline'] as const;
export type DateGroup = (typeof DATE_GROUPS)[number];

/** The form field name of one session input: `sessions.1.startTime`. */
export const sessionField = (index: number, field: SessionField | 'date') => `sessions.${index}.${field}`;
/** The form field name of one part of a top-level GOV.UK date: `registrationDeadline.day`. */
export const dateField = (group: DateGroup, part: DatePart) => `${group}.${part}`;

export type CalendarDate = { year: number; month: number; day: number };

/** Raw values of a GOV.UK date input, and of one session, as typed. */
export type DateFields = Partial<Record<DatePart, string>>;
export type SessionFields = Partial<Record<Exclude<SessionField, 'allDay'>, string>> & { allDay?: string | boolean };

// ---------------------------------------------------------------------------
// FormData (flat) → nested input

type Flat = FormData | Record<string, unknown>;

function entriesOf(input: Flat): [string, unknown][] {
  if (typeof FormData !== 'undefined' && input instanceof FormData) {
    return [...input.entries()].filter(([k]) => !k.startsWith('$ACTION'));
  }
  return Object.entries(input);
}

const SESSION_KEY = /^sessions\.(\d{1,2})\.([A-Za-z]+)$/;
const DATE_KEY = /^(registrationOpens|registrationDeadline)\.([A-Za-z]+)$/;

/**
 * Turns flat form fields into the nested shape the schema validates:
 * `sessions.0.day` → `sessions[0].day`, `registrationOpens.day` → `registrationOpens.day`,
 * repeated `presenterIds` → an array. Keys that do not fit (an unknown session field, an
 * index above the limit) are left as they are, so the strict schema rejects them by name.
 * Already-nested input passes through unchanged.
 */
export function nestEventFields(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  const sessions = new Map<number, Record<string, unknown>>();
  for (const [key, value] of entriesOf(input as Flat)) {
    const s = SESSION_KEY.exec(key);
    if (s && (SESSION_FIELDS as readonly string[]).includes(s[2]!) && Number(s[1]) <= MAX_SESSIONS) {
      const i = Number(s[1]);
      const session = sessions.get(i) ?? {};
      session[s[2]!] = value;
      sessions.set(i, session);
      continue;
    }
    const d = DATE_KEY.exec(key);
    if (d && (DATE_PARTS as readonly string[]).includes(d[2]!)) {
      const group = (out[d[1]!] && typeof out[d[1]!] === 'object' ? out[d[1]!] : {}) as Record<string, unknown>;
      group[d[2]!] = value;
      out[d[1]!] = group;
      continue;
    }
    if (key === 'presenterIds' || key === 'topicIds') {
      out[key] = ([] as unknown[]).concat(out[key] ?? [], value);
      continue;
    }
    // A repeated scalar field is kept as a list, which the schema then refuses.
    out[key] = key in out ? ([] as unknown[]).concat(out[key], value) : value;
  }
  if (sessions.size) {
    const max = Math.max(...sessions.keys());
    // Gaps stay as undefined entries, reported as "session N is missing".
    out.sessions = Array.from({ length: max + 1 }, (_, i) => sessions.get(i));
  }
  return out;
}

// ---------------------------------------------------------------------------
// GOV.UK dates and 24-hour times

const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

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

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

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
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return fail(`${capitalise(what)} must be a real date`, ['day', 'month', 'year']);
  }
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`${capitalise(what)} must be between ${MIN_YEAR} and ${MAX_YEAR}`, ['year']);
  return { ok: true, date: { year: y, month: m, day: d } };
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
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

function londonWallClock(instant: number) {
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

const addDays = (d: CalendarDate, n: number): CalendarDate => {
  const x = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
};

const truthy = (v: unknown) => v === true || v === 'true' || v === 'on' || v === 'yes';

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

type Problem = { path: string; message: string };

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

// ---------------------------------------------------------------------------
// The schema

const optionalText = (max: number, tooLong: string) =>
  z
    .string({ message: 'Enter text' })
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));

const optionalId = (message: string) =>
  z
    .union([z.literal(''), z.uuid({ message })], { message })
    .optional()
    .transform((v) => (v ? v : null));

const EMPTY_DOC: RichTextDoc = { type: 'doc', content: [] };

/** Editor JSON (an object, or from a form a JSON string); checked against the public renderer's allowlist. */
const description = z
  .any()
  .optional()
  .transform((value, ctx) => {
    let v = value;
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return EMPTY_DOC;
    if (typeof v === 'string') {
      try {
        v = JSON.parse(v) as unknown;
      } catch {
        ctx.issues.push({ code: 'custom', message: 'The description is not valid editor content', input: value });
        return z.NEVER;
      }
    }
    const checked = validateRichText(v);
    if (!checked.ok) {
      ctx.issues.push({ code: 'custom', message: `The description cannot be saved: ${checked.error}`, input: value });
      return z.NEVER;
    }
    return checked.doc;
  });

/** Checkbox: ticked sends "true" (or "on"); unticked sends nothing. */
const flag = z
  .union([z.boolean(), z.enum(['true', 'false', 'on', ''])], { message: 'Not a valid choice' })
  .optional()
  .transform((v) => truthy(v));

const registrationUrl = z
  .string({ message: 'Enter a link' })
  .trim()
  .max(2048, 'The link must be 2,048 characters or fewer')
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || (/^https:\/\//i.test(v) && safeHref(v) === v), {
    message: 'Enter a registration link that starts with https://, like https://www.eventbrite.co.uk/e/…',
  });

const rawText = z.union([z.string(), z.number()]).optional();
const rawDate = z.object({ day: rawText, month: rawText, year: rawText }).strict().optional();
const rawSession = z
  .object({
    id: rawText,
    day: rawText,
    month: rawText,
    year: rawText,
    startTime: rawText,
    endTime: rawText,
    allDay: z.union([z.string(), z.boolean()]).optional(),
    label: rawText,
  })
  .strict()
  .optional();

const baseShape = {
  title: z.string({ message: 'Enter a title' }).trim().min(1, 'Enter a title').max(200, 'The title must be 200 characters or fewer'),
  description,
  organiserId: optionalId('Choose an organiser from the list'),
  audience: optionalText(300, 'The audience must be 300 characters or fewer'),
  isFree: z
    .union([z.enum(['true', 'false']), z.boolean()], { message: 'Say whether the event is free' })
    .transform((v) => v === true || v === 'true'),
  cost: optionalText(200, 'The cost must be 200 characters or fewer'),
  mode: z.enum(EVENT_MODES, { message: 'Choose whether the event is online, in person or hybrid' }),
  platform: optionalText(200, 'The platform must be 200 characters or fewer'),
  venueName: optionalText(200, 'The venue must be 200 characters or fewer'),
  venueAddress: optionalText(500, 'The address must be 500 characters or fewer'),
  registrationUrl,
  registrationContact: optionalText(500, 'The registration contact must be 500 characters or fewer'),
  registrationOpens: rawDate,
  registrationDeadline: rawDate,
  saveTheDate: flag,
  presenterIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((id) => id !== ''))
    .pipe(z.array(z.uuid({ message: 'Choose presenters from the list' })).max(MAX_PRESENTERS, `Choose up to ${MAX_PRESENTERS} presenters`))
    .transform((ids) => [...new Set(ids)]),
  // The public Topic filter matches these.
  topicIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((id) => id !== ''))
    .pipe(z.array(z.uuid({ message: 'Choose topics from the list' })).max(MAX_TOPICS, `Choose up to ${MAX_TOPICS} topics`))
    .transform((ids) => [...new Set(ids)]),
  sessions: z.array(rawSession, { message: 'Add at least one session' }).optional(),
};

type Resolved = {
  sessions: ResolvedSession[];
  registrationOpens: CalendarDate | null;
  registrationDeadline: CalendarDate | null;
  problems: Problem[];
};

/** Dates, sessions and the rules between fields, reporting every problem at once. */
function resolveDatesAndRules(v: Record<string, unknown>): Resolved {
  const problems: Problem[] = [];
  const sessions: ResolvedSession[] = [];
  const raw = Array.isArray(v.sessions) ? v.sessions : [];
  if (raw.length === 0) problems.push({ path: 'sessions', message: 'Add at least one session' });
  else if (raw.length > MAX_SESSIONS) problems.push({ path: 'sessions', message: `An event can have up to ${MAX_SESSIONS} sessions` });
  else {
    raw.forEach((s, i) => {
      const r = resolveSession(s, i);
      problems.push(...r.problems);
      if (r.session) sessions.push(r.session);
    });
  }

  const optionalDate = (key: 'registrationOpens' | 'registrationDeadline', what: string) => {
    if (v[key] === undefined) return null;
    const r = parseGovukDate(v[key], what);
    if (r.ok) return r.date;
    if (!r.empty) problems.push({ path: key, message: r.problem.message });
    return null;
  };
  const registrationOpens = optionalDate('registrationOpens', 'the date registration opens');
  const registrationDeadline = optionalDate('registrationDeadline', 'the register-by date');
  if (registrationOpens && registrationDeadline && isoDate(registrationDeadline) < isoDate(registrationOpens)) {
    problems.push({ path: 'registrationDeadline', message: 'The register-by date must be on or after the date registration opens' });
  }

  if (v.isFree === false || v.isFree === 'false') {
    if (!str(v.cost)) problems.push({ path: 'cost', message: 'Enter the cost, for example £95 per delegate' });
  }
  const mode = v.mode;
  if ((mode === 'ONLINE' || mode === 'HYBRID') && !str(v.platform)) {
    problems.push({ path: 'platform', message: 'Enter the platform, for example Microsoft Teams' });
  }
  if (mode === 'IN_PERSON' || mode === 'HYBRID') {
    if (!str(v.venueName)) problems.push({ path: 'venueName', message: 'Enter the name of the venue' });
    if (!str(v.venueAddress)) problems.push({ path: 'venueAddress', message: 'Enter the address of the venue' });
  }
  return { sessions, registrationOpens, registrationDeadline, problems };
}

type BaseOutput = z.output<z.ZodObject<typeof baseShape>>;
type Finished<T> = Omit<T, 'registrationOpens' | 'registrationDeadline' | 'sessions'> & {
  registrationOpens: CalendarDate | null;
  registrationDeadline: CalendarDate | null;
  sessions: ResolvedSession[];
};

function finish<T extends BaseOutput>(v: T): Finished<T> {
  const r = resolveDatesAndRules(v as unknown as Record<string, unknown>);
  const online = v.mode === 'ONLINE' || v.mode === 'HYBRID';
  const inPerson = v.mode === 'IN_PERSON' || v.mode === 'HYBRID';
  return {
    ...v,
    // Values of hidden fields (platform for an in-person event, cost when free) are dropped.
    cost: v.isFree ? null : v.cost,
    platform: online ? v.platform : null,
    venueName: inPerson ? v.venueName : null,
    venueAddress: inPerson ? v.venueAddress : null,
    registrationOpens: r.registrationOpens,
    registrationDeadline: r.registrationDeadline,
    sessions: r.sessions,
  };
}

/**
 * The event schema plus `extra` top-level fields (an id and version for updates, a
 * section to attach to, a contributor's note, …). Accepts the flat form fields or the
 * nested shape; strict at every level; reports every problem at once.
 */
export function eventSchemaWith<E extends z.ZodRawShape>(extra: E) {
  return z.preprocess(
    nestEventFields,
    z
      .object({ ...baseShape, ...extra })
      .strict()
      .superRefine(
        (value, ctx) => {
          for (const p of resolveDatesAndRules(value as Record<string, unknown>).problems) {
            ctx.addIssue({ code: 'custom', message: p.message, path: [p.path], input: value });
          }
        },
        // Run even when other fields failed, so every problem is reported at once.
        { when: (payload) => payload.value !== null && typeof payload.value === 'object' },
      )
      .transform((v) => finish(v as unknown as BaseOutput & { [K in keyof E]: z.output<E[K]> })),
  );
}

export const eventInputSchema = eventSchemaWith({});
export type EventInput = z.output<typeof eventInputSchema>;

const recordId = z.uuid({ message: 'Not a valid id' });

/** The admin "new event" form: optionally created inside an event-list section. */
export const createEventSchema = eventSchemaWith({
  sectionId: z
    .union([z.literal(''), recordId])
    .optional()
    .transform((v) => (v ? v : null)),
});
export type CreateEventInput = z.output<typeof createEventSchema>;

/** The admin edit form: `version` is the one the form was loaded with (optimistic concurrency). */
export const updateEventSchema = eventSchemaWith({ id: recordId, version: z.coerce.number().int().min(1) });
export type UpdateEventInput = z.output<typeof updateEventSchema>;

export const deleteEventSchema = z
  .object({
    id: recordId,
    confirm: z.literal('yes', { message: 'Confirm that you want to delete the event' }),
  })
  .strict();
export type DeleteEventInput = z.output<typeof deleteEventSchema>;

export const addSectionEventSchema = z
  .object({ sectionId: recordId, eventId: z.uuid({ message: 'Choose an event from the list' }) })
  .strict();
export type AddSectionEventInput = z.output<typeof addSectionEventSchema>;

export const removeSectionEventSchema = z.object({ sectionId: recordId, eventId: recordId }).strict();
export type RemoveSectionEventInput = z.output<typeof removeSectionEventSchema>;

export const moveSectionEventSchema = z
  .object({ sectionId: recordId, eventId: recordId, direction: z.enum(['up', 'down']) })
  .strict();
export type MoveSectionEventInput = z.output<typeof moveSectionEventSchema>;

export const EVENT_PAGE_SIZE = 25;

/** `?q=&when=&page=` of the admin event list: lenient, never an error. */
export const eventListQuerySchema = z.object({
  q: queryText(200),
  when: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v[0] : v))
    .pipe(z.enum(['upcoming', 'past', 'all']))
    .catch('upcoming'),
  page: queryPage,
});
export type EventListQuery = z.output<typeof eventListQuerySchema>;

// ---------------------------------------------------------------------------
// Prisma data

/** Scalars, sessions and presenters to write for a parsed event (create or update). */
export function toEventWriteData(input: EventInput) {
  const fields = {
    title: input.title,
    description: input.description as unknown as Prisma.InputJsonValue,
    organiserId: input.organiserId,
    audience: input.audience,
    isFree: input.isFree,
    cost: input.cost,
    mode: input.mode,
    platform: input.platform,
    venueName: input.venueName,
    venueAddress: input.venueAddress,
    registrationUrl: input.registrationUrl,
    registrationContact: input.registrationContact,
    // Registration opens at the start of that day in London.
    registrationOpensAt: input.registrationOpens ? londonInstant(input.registrationOpens) : null,
    registrationDeadline: input.registrationDeadline ? calendarDateValue(input.registrationDeadline) : null,
    saveTheDate: input.saveTheDate,
  } satisfies Omit<Prisma.EventUncheckedCreateInput, 'slug'>;
  const sessions = input.sessions.map((s) => ({
    id: s.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    allDay: s.allDay,
    label: s.label,
  })) satisfies (Omit<Prisma.EventSessionCreateManyEventInput, 'id'> & { id: string | null })[];
  const presenters = input.presenterIds.map((personId, position) => ({
    personId,
    position,
  })) satisfies Prisma.EventPresenterCreateManyEventInput[];
  const topics = input.topicIds.map((topicId) => ({ topicId })) satisfies Prisma.EventTopicCreateManyEventInput[];
  return { fields, sessions, presenters, topics };
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

// ---------------------------------------------------------------------------
// Warnings: things that are allowed but probably wrong. They never block a save.

export type WarningInput = {
  sessions: { startsAt: Date; endsAt: Date }[];
  registrationDeadline: CalendarDate | null;
  registrationOpens: CalendarDate | null;
  saveTheDate: boolean;
  registrationUrl: string | null;
  registrationContact: string | null;
};

const sameInstant = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt.getTime() === b.startsAt.getTime() && a.endsAt.getTime() === b.endsAt.getTime();

export function eventWarnings(input: WarningInput): string[] {
  const warnings: string[] = [];
  const sessions = input.sessions;
  if (sessions.length) {
    const firstStart = new Date(Math.min(...sessions.map((s) => s.startsAt.getTime())));
    // The London day the last session ends on (an all-day session ends at the next midnight).
    const lastEnd = new Date(Math.max(...sessions.map((s) => s.endsAt.getTime())) - 1);
    const firstDay = isoDate(londonDate(firstStart));
    const lastDay = isoDate(londonDate(lastEnd));
    if (input.registrationDeadline) {
      const deadline = isoDate(input.registrationDeadline);
      if (deadline > lastDay) warnings.push('The register-by date is after the last session');
      else if (deadline > firstDay) warnings.push('The register-by date is after the first session, so people could book part-way through');
    }
    if (input.registrationOpens && isoDate(input.registrationOpens) > firstDay) {
      warnings.push('Registration opens after the first session');
    }
    sessions.forEach((s, i) => {
      const j = sessions.findIndex((o) => sameInstant(o, s));
      if (j < i) warnings.push(`Session ${i + 1} is at the same time as session ${j + 1}`);
    });
  }
  if (!input.saveTheDate && !input.registrationUrl && !input.registrationContact) {
    warnings.push('There is no registration link or contact, so readers will not know how to book');
  }
  return warnings;
}

/**
 * Warnings for a form that is still being filled in: whatever can already be read
 * (valid sessions, complete dates) is checked; the rest is ignored.
 */
export function formWarnings(raw: unknown): string[] {
  const v = (nestEventFields(raw) ?? {}) as Record<string, unknown>;
  const sessions = (Array.isArray(v.sessions) ? v.sessions : []).flatMap((s, i) => resolveSession(s, i).session ?? []);
  const date = (x: unknown) => {
    const r = parseGovukDate(x, 'date');
    return r.ok ? r.date : null;
  };
  return eventWarnings({
    sessions,
    registrationDeadline: date(v.registrationDeadline),
    registrationOpens: date(v.registrationOpens),
    saveTheDate: truthy(v.saveTheDate),
    registrationUrl: str(v.registrationUrl) || null,
    registrationContact: str(v.registrationContact) || null,
  });
}
