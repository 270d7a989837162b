import { z } from 'zod';

// Shared by the new-issue form and its server actions. Strict: status, version,
// createdById and the like are not the user's to set.

const slug = z
  .string()
  .trim()
  .min(1, 'Enter a slug')
  .max(80, 'The slug must be 80 characters or fewer')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, numbers and single hyphens only, like regional-update-december-2026');

const year = z.coerce
  .number({ message: 'Choose a year' })
  .int('Choose a year')
  .min(2000, 'Choose a year from 2000')
  .max(2100, 'Choose a year before 2100');

const month = z.coerce.number({ message: 'Choose a month' }).int('Choose a month').min(1, 'Choose a month').max(12, 'Choose a month');

const uuid = z.uuid({ message: 'Choose an issue' });

export const createIssueSchema = z
  .object({
    title: z.string().trim().min(1, 'Enter a title').max(200, 'The title must be 200 characters or fewer'),
    slug,
    year,
    month,
    /** Empty = from the template; otherwise the issue to copy. */
    sourceIssueId: z.union([z.literal(''), uuid]).optional(),
  })
  .strict();
export type CreateIssueInput = z.output<typeof createIssueSchema>;

export const duplicateIssueSchema = z
  .object({
    sourceIssueId: uuid,
    title: createIssueSchema.shape.title,
    slug,
    year,
    month,
  })
  .strict();
export type DuplicateIssueInput = z.output<typeof duplicateIssueSchema>;

/** Editing an issue's details. `version` is the one the form was loaded with (optimistic concurrency). */
export const updateIssueSchema = z
  .object({
    id: z.uuid({ message: 'Not a valid issue' }),
    version: z.coerce.number({ message: 'Reload the page and try again' }).int().min(1),
    title: createIssueSchema.shape.title,
    slug,
    year,
    month,
    summary: z
      .string()
      .max(1000, 'The summary must be 1,000 characters or fewer')
      .optional()
      .default('')
      .transform((v) => v.replace(/\s+/g, ' ').trim()),
  })
  .strict();
export type UpdateIssueInput = z.output<typeof updateIssueSchema>;
