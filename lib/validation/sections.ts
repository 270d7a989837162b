import { z } from 'zod';

// Shared by the section forms, the editor's autosave and their server actions.
// Strict, so version bumps, positions, approval fields and the like cannot be smuggled in.

export const SECTION_KINDS = ['INTRO', 'ARTICLE', 'EVENT_LIST'] as const;

const id = z.uuid({ message: 'Not a valid id' });
const title = z.string().trim().min(1, 'Enter a title').max(200, 'The title must be 200 characters or fewer');

/** The body arrives as editor JSON (an object) or, from a plain form, as a JSON string. */
const body = z.preprocess((value) => {
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
    body,
  })
  .strict();
export type SaveSectionInput = z.output<typeof saveSectionSchema>;

export const addSectionSchema = z
  .object({
    issueId: id,
    kind: z.enum(SECTION_KINDS, { message: 'Choose what kind of section to add' }),
    title,
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
