'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { AppError } from '@/lib/errors';
import { updateEvent } from '@/lib/data/events-admin';
import { revalidatePublicContent } from '@/lib/revalidate';
import { updateEventSchema } from '@/lib/validation/events';

/**
 * Saves an event with optimistic concurrency. A stale version is a 409 whose data
 * is the saved { version, updatedAt, by, title }; the form keeps what was typed.
 * Success reloads the edit page.
 */
const action = createAction({
  schema: updateEventSchema,
  permission: 'event:update',
  run: async (input, { user }) => {
    const result = await updateEvent(user, input);
    if (!result.ok) {
      throw new AppError('conflict', `Someone else saved this event while you were editing${result.conflict.by ? ` (${result.conflict.by})` : ''}. Your changes have not been saved, but they are still in the form and kept as a revision.`, { data: { ...result.conflict, updatedAt: result.conflict.updatedAt.toISOString() } });
    }
    if (result.change) revalidatePublicContent(result.change);
    revalidatePath('/admin/events', 'layout');
    // Reloading the page gives the form the new version and the ids of new sessions.
    redirect(`/admin/events/${result.id}?done=saved`);
  },
});

export async function updateEventAction(...args: Parameters<typeof action>) {
  return action(...args);
}
