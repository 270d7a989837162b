import { z } from 'zod';

// How much of the intro the email edition carries: all of it, or its first
// paragraphs with a link to the rest. Shared by the preview page and the actions.
export const INTRO_PARAGRAPH_CHOICES = [1, 2, 3] as const;

export const introLengthSchema = z
  .object({
    intro: z.enum(['full', 'first'], { error: 'Choose how much of the intro to include' }).default('full'),
    paragraphs: z.coerce.number().int().refine((n) => (INTRO_PARAGRAPH_CHOICES as readonly number[]).includes(n), 'Choose 1, 2 or 3 paragraphs').default(2),
  })
  .strict();

export const sendTestEditionSchema = introLengthSchema.extend({ issueId: z.uuid({ message: 'Choose an issue' }) }).strict();

export type IntroChoice = z.output<typeof introLengthSchema>;

export const toIntroLength = (c: IntroChoice) => (c.intro === 'full' ? ({ mode: 'full' } as const) : ({ mode: 'first', paragraphs: c.paragraphs } as const));

/** "Send to subscribers": the count the editor confirmed, and whether they mean to send again. */
export const sendEditionSchema = introLengthSchema
  .extend({
    issueId: z.uuid({ message: 'Choose an issue' }),
    expectedRecipients: z.coerce.number().int().min(0).max(10_000_000),
    again: z.literal('on').optional(),
  })
  .strict();
