'use server';
import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { removeSectionEvent } from '@/lib/data/section-events';
import { revalidatePublicContent } from '@/lib/revalidate';
import { removeSectionEventSchema } from '@/lib/validation/events';

/** Takes an event out of a section; the event itself is kept. */
const action = createAction({
  schema: removeSectionEventSchema,
  permission: 'section:update',
  run: async (input, { user }) => {
    const result = await removeSectionEvent(user, input);
    if (result.change) revalidatePublicContent(result.change);
    revalidatePath(`/admin/issues/${result.issueId}/sections/${input.sectionId}`);
    return { message: `Removed “${result.title}” from this section. The event itself is kept.` };
  },
});

export async function removeSectionEventAction(...args: Parameters<typeof action>) {
  return action(...args);
}
