'use server';
import { createAction } from '@/lib/actions/action';
import { AppError } from '@/lib/errors';
import { saveSection } from '@/lib/data/sections';
import { revalidatePublicContent } from '@/lib/revalidate';
import { saveSectionSchema } from '@/lib/validation/sections';

/**
 * Saves a section with optimistic concurrency. A stale version comes back as a
 * 409 whose data is the server's current { title, body, version, updatedAt, by }.
 * The permission here is the weakest that could apply (sponsors: the intro);
 * the data layer checks the section's kind.
 */
const action = createAction({
  schema: saveSectionSchema,
  permission: 'intro:update',
  run: async (input, { user }) => {
    const result = await saveSection(user, input);
    if (!result.ok) {
      throw new AppError('conflict', 'Someone else saved this section while you were editing. Both versions are kept.', { data: {
        ...result.conflict,
        updatedAt: result.conflict.updatedAt.toISOString(),
      } });
    }
    if (result.issue.status === 'PUBLISHED') revalidatePublicContent({ issueSlugs: [result.issue.slug] });
    return { version: result.version, updatedAt: result.updatedAt.toISOString() };
  },
});

export async function saveSectionAction(...args: Parameters<typeof action>) {
  return action(...args);
}
