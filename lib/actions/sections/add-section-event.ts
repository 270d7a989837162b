'use server';
import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { addSectionEvent } from '@/lib/data/section-events';
import { revalidatePublicContent } from '@/lib/revalidate';
import { addSectionEventSchema } from '@/lib/validation/events';

/** Adds an existing event at the end of an event-list section. */
const action = createAction({
  schema: addSectionEventSchema,
  permission: 'section:update',
  run: async (input, { user }) => {
    const result = await addSectionEvent(user, input);
    if (result.change) revalidatePublicContent(result.change);
    revalidatePath(`/admin/issues/${result.issueId}/sections/${input.sectionId}`);
    return { message: `Added “${result.title}”.` };
  },
});

export async function addSectionEventAction(...args: Parameters<typeof action>) {
  return action(...args);
}
