import { z } from 'zod';
import { calendarDateValue, isoDate, londonInstant, parseGovukDate, str, type CalendarDate } from '@/lib/dates';
import type { Prisma } from '@/lib/generated/prisma/client';
import { safeHref } from '@/lib/rich-text/links';
import type { RichTextDoc } from '@/lib/rich-text/types';
import { validateRichText } from '@/lib/rich-text/validate';
import { EVENT_MODES, MAX_PRESENTERS, MAX_SESSIONS, MAX_TOPICS, nestEventFields, truthy } from './event-fields';
import { resolveSession, type Problem, type ResolvedSession } from './event-sessions';

// The event schema shared by the admin event form, the contributors' event
// submission and their server actions. Field names and the flat-to-nested step
// are in event-fields.ts; one session's rules in event-sessions.ts.

export * from './event-fields';
export * from './event-query';
export * from './event-sessions';
export * from './event-warnings';

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
