import { DATE_PARTS, type CalendarDate, type DatePart, type DateFields } from '@/lib/dates';

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

export const MAX_SESSIONS = 20;
export const MAX_PRESENTERS = 50;
export const MAX_TOPICS = 20;
export const EVENT_MODES = ['ONLINE', 'IN_PERSON', 'HYBRID'] as const;
export type EventModeValue = (typeof EVENT_MODES)[number];
export const MODE_LABELS: Record<EventModeValue, string> = { ONLINE: 'Online', IN_PERSON: 'In person', HYBRID: 'Hybrid (online and in person)' };

export { DATE_PARTS, type CalendarDate, type DatePart, type DateFields };
export const SESSION_FIELDS = ['id', 'day', 'month', 'year', 'startTime', 'endTime', 'allDay', 'label'] as const;
export type SessionField = (typeof SESSION_FIELDS)[number];
export const DATE_GROUPS = ['registrationOpens', 'registrationDeadline'] as const;
export type DateGroup = (typeof DATE_GROUPS)[number];

/** The form field name of one session input: `sessions.1.startTime`. */
export const sessionField = (index: number, field: SessionField | 'date') => `sessions.${index}.${field}`;
/** The form field name of one part of a top-level GOV.UK date: `registrationDeadline.day`. */
export const dateField = (group: DateGroup, part: DatePart) => `${group}.${part}`;

/** Raw values of one session, as typed. */
export type SessionFields = Partial<Record<Exclude<SessionField, 'allDay'>, string>> & { allDay?: string | boolean };

/** A ticked checkbox, in any of the ways a form or a caller says so. */
export const truthy = (v: unknown) => v === true || v === 'true' || v === 'on' || v === 'yes';

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
