import { z } from 'zod';
import { richTextToPlain } from '@/lib/rich-text/plain-text';
import { validateRichText } from '@/lib/rich-text/validate';
import { eventSchemaWith, type CalendarDate, type DateFields, type EventInput, type SessionFields } from '@/lib/validation/events';

// Contributions (articles and events submitted by partner staff). Shared by the
// contributor's and the editor's forms and their server actions. Strict: status,
// organisationId, submittedById, reviewedById and the like are never the user's to set.

export const CONTRIBUTION_KINDS = ['ARTICLE', 'EVENT'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
export const CONTRIBUTION_STATUSES = ['SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

export const STATUS_LABEL: Record<ContributionStatus, string> = {
  SUBMITTED: 'Submitted',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn',
};
export const KIND_LABEL: Record<ContributionKind, string> = { ARTICLE: 'Article', EVENT: 'Event' };

const id = z.uuid({ message: 'Not a valid id' });
const version = z.coerce.number({ message: 'Reload the page and try again' }).int().min(1);
export const contributionTitle = z
  .string({ message: 'Enter a title' })
  .trim()
  .min(1, 'Enter a title')
  .max(200, 'The title must be 200 characters or fewer');

/**
 * Editor JSON, as an object or (from a plain form's hidden input) a JSON string,
 * checked against the public renderer's allowlist. `required`: must contain text.
 */
export function richTextBody(opts: { required: string | null }) {
  return z
    .preprocess(
      (value) => {
        if (value === undefined || value === '') return { type: 'doc', content: [] };
        if (typeof value !== 'string') return value;
        try {
          return JSON.parse(value) as unknown;
        } catch {
          return value;
        }
      },
      z.record(z.string(), z.unknown(), { message: 'The text is not valid editor content' }),
    )
    .superRefine((doc, ctx) => {
      const checked = validateRichText(doc);
      if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.error });
      else if (opts.required && !richTextToPlain(doc).trim()) ctx.addIssue({ code: 'custom', message: opts.required });
    });
}

const articleBody = richTextBody({ required: 'Enter the text of your article' });

export const submitArticleSchema = z
  .object({ kind: z.literal('ARTICLE'), title: contributionTitle, body: articleBody })
  .strict();
export type SubmitArticleInput = z.output<typeof submitArticleSchema>;

export const updateArticleSchema = z
  .object({ id, version, kind: z.literal('ARTICLE'), title: contributionTitle, body: articleBody })
  .strict();
export type UpdateArticleInput = z.output<typeof updateArticleSchema>;

/**
 * An event submission is the shared event schema (lib/validation/events.ts) plus
 * the kind: the event's title and description become the contribution's title and
 * body, everything else its `eventData`.
 */
export const submitEventSchema = eventSchemaWith({ kind: z.literal('EVENT') });
export type SubmitEventInput = z.output<typeof submitEventSchema>;
export const updateEventSchema = eventSchemaWith({ id, version, kind: z.literal('EVENT') });
export type UpdateEventInput = z.output<typeof updateEventSchema>;

function kindOf(raw: unknown): unknown {
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>).kind : undefined;
}

/**
 * Validates with the schema for the input's `kind`, reporting that schema's issues
 * (field errors, unknown fields) as its own. The event schema preprocesses flat
 * form fields, so it cannot sit in a z.discriminatedUnion.
 */
function byKind<A extends z.ZodType, E extends z.ZodType>(article: A, event: E) {
  return z.unknown().transform((raw, ctx): z.output<A> | z.output<E> => {
    const kind = kindOf(raw);
    const schema = kind === 'ARTICLE' ? article : kind === 'EVENT' ? event : null;
    if (!schema) {
      ctx.issues.push({ code: 'custom', message: 'Choose whether you are submitting an article or an event', path: ['kind'], input: raw });
      return z.NEVER;
    }
    const result = schema.safeParse(raw);
    if (result.success) return result.data as z.output<A> | z.output<E>;
    for (const issue of result.error.issues) ctx.issues.push({ ...issue, input: raw } as (typeof ctx.issues)[number]);
    return z.NEVER;
  });
}

export const submitContributionSchema = byKind(submitArticleSchema, submitEventSchema);
export type SubmitContributionInput = z.output<typeof submitContributionSchema>;

/** The form says which kind it edits; the data layer checks that the row is of that kind. */
export const updateContributionSchema = byKind(updateArticleSchema, updateEventSchema);
export type UpdateContributionInput = z.output<typeof updateContributionSchema>;

// ---------------------------------------------------------------------------
// Stored event data: the event's fields other than title and description, in the
// nested form-field shape the event schema accepts, so it prefills the edit form
// and is validated again, with the same schema, when the editor accepts it.

export type StoredEventData = {
  organiserId?: string;
  audience?: string;
  isFree: boolean;
  cost?: string;
  mode: EventInput['mode'];
  platform?: string;
  venueName?: string;
  venueAddress?: string;
  registrationUrl?: string;
  registrationContact?: string;
  registrationOpens?: DateFields;
  registrationDeadline?: DateFields;
  saveTheDate: boolean;
  presenterIds: string[];
  /** Absent in submissions made before events had topics. */
  topicIds?: string[];
  sessions: (SessionFields & { allDay: boolean })[];
};

const dateFields = (d: CalendarDate | null): DateFields | undefined =>
  d ? { day: String(d.day), month: String(d.month), year: String(d.year) } : undefined;
const text = (v: string | null) => v ?? undefined;

/** What to store for a parsed event submission (nulls left out: the schema takes absent, not null). */
export function toStoredEventData(input: Omit<EventInput, 'title' | 'description'>): StoredEventData {
  const out: StoredEventData = {
    organiserId: text(input.organiserId),
    audience: text(input.audience),
    isFree: input.isFree,
    cost: text(input.cost),
    mode: input.mode,
    platform: text(input.platform),
    venueName: text(input.venueName),
    venueAddress: text(input.venueAddress),
    registrationUrl: text(input.registrationUrl),
    registrationContact: text(input.registrationContact),
    registrationOpens: dateFields(input.registrationOpens),
    registrationDeadline: dateFields(input.registrationDeadline),
    saveTheDate: input.saveTheDate,
    presenterIds: input.presenterIds,
    topicIds: input.topicIds,
    sessions: input.sessions.map((s) => ({
      day: String(s.date.day),
      month: String(s.date.month),
      year: String(s.date.year),
      startTime: s.startTime ?? '',
      endTime: s.endTime ?? '',
      allDay: s.allDay,
      label: s.label ?? '',
    })),
  };
  return JSON.parse(JSON.stringify(out)) as StoredEventData;
}

/** Stored event data plus title and body, as event-schema input. */
export function storedEventInput(title: string, body: unknown, eventData: unknown): Record<string, unknown> {
  const data = eventData && typeof eventData === 'object' && !Array.isArray(eventData) ? (eventData as Record<string, unknown>) : {};
  return { ...data, title, description: body };
}

export const withdrawContributionSchema = z.object({ id, version }).strict();
export type WithdrawContributionInput = z.output<typeof withdrawContributionSchema>;

export const acceptContributionSchema = z
  .object({
    id,
    /** The version the editor reviewed: a later edit by the contributor must be seen before accepting. */
    version,
    issueId: z.uuid({ message: 'Choose an issue' }),
    sectionId: z.uuid({ message: 'Choose a section' }),
  })
  .strict();
export type AcceptContributionInput = z.output<typeof acceptContributionSchema>;

export const declineContributionSchema = z
  .object({
    id,
    version,
    reason: z
      .string({ message: 'Enter the reason for declining' })
      .trim()
      .min(1, 'Enter the reason for declining, so the contributor knows why')
      .max(2000, 'The reason must be 2,000 characters or fewer'),
  })
  .strict();
export type DeclineContributionInput = z.output<typeof declineContributionSchema>;

/** `?kind=` of the new-submission page: lenient, never an error. */
export const newKindSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v[0] : v)?.toUpperCase())
  .pipe(z.enum(CONTRIBUTION_KINDS).optional())
  .catch(undefined);
