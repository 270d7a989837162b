'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { deleteEvent } from '@/lib/data/events-admin';
import { deleteEventSchema } from '@/lib/validation/events';

/** Deletes an event after the explicit confirmation; refused while a published issue features it. */
const action = createAction({
  schema: deleteEventSchema,
  permission: 'event:delete',
  run: async (input, { user }) => {
    const result = await deleteEvent(user, input.id);
    // Only events outside published issues can be deleted, so no public page changes.
    revalidatePath('/admin/events');
    revalidatePath('/admin/issues', 'layout');
    redirect(`/admin/events?deleted=${encodeURIComponent(result.title)}`);
  },
});

export async function deleteEventAction(...args: Parameters<typeof action>) {
  return action(...args);
}
