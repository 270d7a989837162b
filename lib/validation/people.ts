import { z } from 'zod';
import { queryPage, queryText } from './query';

// People named in the bulletin (authors, signatories, presenters). Shared by the
// admin forms and the server actions; `.strict()` refuses any field not listed.

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));

/** '' (the "None" option of a select) means no organisation. */
export const optionalId = (message: string) =>
  z
    .union([z.literal(''), z.uuid({ message })])
    .optional()
    .transform((v) => (v ? v : null));

export const recordId = z.uuid({ message: 'Choose a valid record' });

const personFields = {
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Name must be 200 characters or fewer'),
  jobTitle: optionalText(200, 'Job title must be 200 characters or fewer'),
  organisationId: optionalId('Choose an organisation from the list'),
};

export const createPersonSchema = z.object(personFields).strict();
export const updatePersonSchema = z.object({ id: recordId, ...personFields }).strict();
export const deletePersonSchema = z.object({ id: recordId }).strict();

export const mergePeopleSchema = z
  .object({
    sourceId: z.uuid({ message: 'Choose the duplicate to merge' }),
    targetId: z.uuid({ message: 'Choose the person to keep' }),
  })
  .strict()
  .refine((v) => v.sourceId !== v.targetId, {
    message: 'Choose a different person: a person cannot be merged into themselves',
    path: ['targetId'],
  });

export type CreatePersonInput = z.output<typeof createPersonSchema>;
export type UpdatePersonInput = z.output<typeof updatePersonSchema>;
export type MergePeopleInput = z.output<typeof mergePeopleSchema>;

export const PAGE_SIZE = 50;

/** `?q=&page=` of list pages: lenient, never an error. */
export const listQuerySchema = z.object({ q: queryText(200), page: queryPage });

export type ListQuery = z.output<typeof listQuerySchema>;
