import { z } from 'zod';
import { richTextToPlain } from '@/lib/rich-text/plain-text';
import { validateRichText } from '@/lib/rich-text/validate';

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

/** The form says which kind it edits; the data layer checks that the row is of that kind. */
export const submitContributionSchema = z.discriminatedUnion(
  'kind',
  [submitArticleSchema],
  { message: 'Choose whether you are submitting an article or an event' },
);
export type SubmitContributionInput = z.output<typeof submitContributionSchema>;

export const updateContributionSchema = z.discriminatedUnion('kind', [updateArticleSchema], {
  message: 'Choose whether you are submitting an article or an event',
});
export type UpdateContributionInput = z.output<typeof updateContributionSchema>;

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
