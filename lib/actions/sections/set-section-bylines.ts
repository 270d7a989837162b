'use server';
import { createAction } from '@/lib/actions/action';
import { setSectionBylines } from '@/lib/data/sections';
import { setSectionBylinesSchema } from '@/lib/validation/sections';
import { afterBylineChange } from './byline-revalidate';

/**
 * Replaces an article's byline (people in order, and the byline organisation).
 * The data layer checks the section's kind; a published issue's pages are regenerated.
 */
const action = createAction({
  schema: setSectionBylinesSchema,
  permission: 'section:update',
  successMessage: 'Byline saved.',
  run: async (input, { user }) => {
    const { issue, changed, ...bylines } = await setSectionBylines(user, input);
    if (changed) afterBylineChange(issue, input.sectionId);
    return bylines;
  },
});

export async function setSectionBylinesAction(...args: Parameters<typeof action>) {
  return action(...args);
}
