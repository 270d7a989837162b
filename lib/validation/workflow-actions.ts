import { z } from 'zod';
import { introLengthSchema } from './editions';

// The workflow forms on the issue page, the sponsor's approval page and the
// approval link's form. Strict: nothing else is accepted.

const uuid = (what: string) => z.uuid({ message: `Choose ${what}` });
const issueId = uuid('an issue');

export const issueTransitionSchema = z.object({ issueId }).strict();

/**
 * "Email this issue to the subscribers" with Publish now and Schedule (decision
 * 026): `email` is the ticked box, "on" for the first send and "again" when the
 * issue was sent before; unticked, it is absent and nothing is sent. How much of
 * the intro, as on the email page.
 */
const emailChoice = introLengthSchema.extend({ email: z.enum(['on', 'again'], { error: 'Tick the box or leave it empty' }).optional() }).shape;

export const publishIssueSchema = z.object({ issueId, ...emailChoice }).strict();

/** The form's email fields as the workflow takes them (lib/data/workflow.ts EmailChoice). */
export const toEmailChoice = (input: { email?: 'on' | 'again'; intro: 'full' | 'first'; paragraphs: number }) =>
  input.email ? { introParagraphs: input.intro === 'first' ? input.paragraphs : null, again: input.email === 'again' } : null;

export const approveIntroSchema = z
  .object({ issueId, contentHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'Reload the page and read the intro again' }) })
  .strict();

export const MAX_REVIEW_COMMENT = 5000;
const comment = z
  .string({ message: 'Enter a comment saying what needs to change' })
  .trim()
  .min(1, { message: 'Enter a comment saying what needs to change' })
  .max(MAX_REVIEW_COMMENT, { message: `Comment must be ${MAX_REVIEW_COMMENT} characters or fewer` });

export const requestIntroChangesSchema = z.object({ issueId, comment }).strict();

const part = z.string().max(20).optional().default('');
export const scheduleIssueSchema = z
  .object({ issueId, 'date.day': part, 'date.month': part, 'date.year': part, time: z.string().max(20).optional().default(''), ...emailChoice })
  .strict();

export const unpublishIssueSchema = z
  .object({ issueId, confirm: z.literal('yes', { message: 'Confirm that you want to take the issue off the public site' }) })
  .strict();

export const createApprovalLinkSchema = z.object({ issueId, sponsorId: uuid('the sponsor to send the link to') }).strict();
export const createPreviewLinkSchema = z.object({ issueId }).strict();
export const revokeAccessLinkSchema = z.object({ issueId, id: uuid('a link') }).strict();

/** The approval link's form (app/api/approve/[token]): one decision, nothing else. */
export const linkDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), contentHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  z.object({ decision: z.literal('request-changes'), comment }).strict(),
]);
