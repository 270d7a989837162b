import { z } from 'zod';

// Review comments: the forms in components/admin/comments and the actions in
// lib/actions/comments share these. `.strict()` refuses any field not listed.

/** Must equal MAX_COMMENT_LENGTH in lib/data/comments.ts (a test checks). */
export const COMMENT_MAX_LENGTH = 5000;

const optionalUuid = (message: string) =>
  z
    .union([z.literal(''), z.uuid({ message })])
    .optional()
    .transform((v) => (v ? v : undefined));

/** An HTML checkbox sends "on" when ticked and nothing when not. */
const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

export const addCommentSchema = z
  .object({
    sectionId: optionalUuid('Choose a valid section'),
    contributionId: optionalUuid('Choose a valid submission'),
    parentId: optionalUuid('Reply to a valid comment'),
    body: z
      .string({ message: 'Enter a comment' })
      .trim()
      .min(1, 'Enter a comment')
      .max(COMMENT_MAX_LENGTH, `Comment must be ${COMMENT_MAX_LENGTH} characters or fewer`),
    blocking: checkbox,
  })
  .strict()
  .refine((v) => !!v.sectionId !== !!v.contributionId, { message: 'Say what the comment is about: one section or one submission.' });

export const commentIdSchema = z.object({ id: z.uuid({ message: 'Choose a valid comment' }) }).strict();
export const resolveCommentSchema = commentIdSchema;
export const reopenCommentSchema = commentIdSchema;

export type AddCommentInput = z.output<typeof addCommentSchema>;
