import { z } from 'zod';

// Shared by the section forms, the editor's autosave and their server actions.
// Strict, so version bumps, positions, approval fields and the like cannot be smuggled in.

export const SECTION_KINDS = ['INTRO', 'ARTICLE', 'EVENT_LIST'] as const;

const id = z.uuid({ message: 'Not a valid id' });
const title = z.string().trim().min(1, 'Enter a title').max(200, 'The title must be 200 characters or fewer');

/** The body arrives as editor JSON (an object) or, from a plain form, as a JSON string. */
export const richTextBody = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}, z.record(z.string(), z.unknown(), { message: 'The text is not valid editor content' }));

export const saveSectionSchema = z
  .object({
    id,
    version: z.coerce.number().int().min(1),
    title,
    body: richTextBody,
  })
  .strict();
export type SaveSectionInput = z.output<typeof saveSectionSchema>;

export const addSectionSchema = z
  .object({
    issueId: id,
    kind: z.enum(SECTION_KINDS, { message: 'Choose what kind of section to add' }),
    title,
    /** Where: 'start', or straight after this section; missing means at the end. */
    after: z.union([z.literal('start'), z.uuid()], { message: 'Choose where to add the section from the list' }).optional(),
  })
  .strict();
export type AddSectionInput = z.output<typeof addSectionSchema>;

export const reorderSectionSchema = z
  .object({
    sectionId: id,
    direction: z.enum(['up', 'down']),
  })
  .strict();
export type ReorderSectionInput = z.output<typeof reorderSectionSchema>;

export const deleteSectionSchema = z
  .object({
    sectionId: id,
    /** The second, explicit "Yes, delete" step. */
    confirm: z.literal('yes', { message: 'Confirm that you want to delete the section' }),
  })
  .strict();
export type DeleteSectionInput = z.output<typeof deleteSectionSchema>;

export const restoreRevisionSchema = z
  .object({
    revisionId: id,
  })
  .strict();
export type RestoreRevisionInput = z.output<typeof restoreRevisionSchema>;

/** '' (a select's "None" option) or missing means none. */
const optionalId = (message: string) =>
  z
    .union([z.literal(''), z.uuid({ message })])
    .optional()
    .transform((v) => (v ? v : null));

export const MAX_BYLINES = 12;

/** One id or several (a form sends a repeated field), in order, no repeats. */
const personIds = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.uuid({ message: 'Choose people from the list' }), { message: 'Choose people from the list' })
    .max(MAX_BYLINES, `Name at most ${MAX_BYLINES} people in a byline`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each person can appear in the byline only once'),
);

/** The people named in an article's byline (in order) and its organisation. Replaces both. */
export const setSectionBylinesSchema = z
  .object({
    sectionId: id,
    personIds,
    bylineOrganisationId: optionalId('Choose an organisation from the list'),
  })
  .strict();
export type SetSectionBylinesInput = z.output<typeof setSectionBylinesSchema>;

/** A new person, created from the byline panel and added to the end of the byline. */
export const createBylinePersonSchema = z
  .object({
    sectionId: id,
    name: z.string().trim().min(1, 'Enter a name').max(200, 'Name must be 200 characters or fewer'),
    jobTitle: z
      .string()
      .trim()
      .max(200, 'Job title must be 200 characters or fewer')
      .optional()
      .transform((v) => (v ? v : null)),
    organisationId: optionalId('Choose an organisation from the list'),
  })
  .strict();
export type CreateBylinePersonInput = z.output<typeof createBylinePersonSchema>;

/** The intro's sign-off ("Kind regards") and the person who signs it. */
export const setSectionSignatorySchema = z
  .object({
    sectionId: id,
    signatoryId: optionalId('Choose a person from the list'),
    signOff: z
      .string()
      .trim()
      .max(100, 'The sign-off must be 100 characters or fewer')
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .strict();
export type SetSectionSignatoryInput = z.output<typeof setSectionSignatorySchema>;
