'use server';
import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/actions/action';
import { moveSectionEvent } from '@/lib/data/section-events';
import { revalidatePublicContent } from '@/lib/revalidate';
import { moveSectionEventSchema } from '@/lib/validation/events';

/** Moves an event up or down within its section (keyboard-friendly reordering). */
const action = createAction({
  schema: moveSectionEventSchema,
  permission: 'section:update',
  run: async (input, { user }) => {
    const result = await moveSectionEvent(user, input);
    if (result.change) revalidatePublicContent(result.change);
    revalidatePath(`/admin/issues/${result.issueId}/sections/${input.sectionId}`);
    return {
      moved: result.moved,
      message: result.moved
        ? `Moved “${result.title}” ${input.direction}.`
        : `“${result.title}” is already at the ${input.direction === 'up' ? 'top' : 'bottom'}.`,
    };
  },
});

export async function moveSectionEventAction(...args: Parameters<typeof action>) {
  return action(...args);
}
