'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { createEvent } from '@/lib/data/events-admin';
import { revalidatePublicContent } from '@/lib/revalidate';
import { createEventSchema } from '@/lib/validation/events';

/** Creates an event; created from an event-list section, it is added there and the editor goes back to it. */
const action = createAction({
  schema: createEventSchema,
  permission: 'event:create',
  run: async (input, { user }) => {
    const event = await createEvent(user, input);
    if (event.change) revalidatePublicContent(event.change);
    revalidatePath('/admin/events');
    if (event.section) {
      const path = `/admin/issues/${event.section.issueId}/sections/${event.section.id}`;
      revalidatePath(path);
      redirect(`${path}?eventAdded=${encodeURIComponent(event.title)}#section-events`);
    }
    redirect(`/admin/events/${event.id}?done=created`);
  },
});

export async function createEventAction(...args: Parameters<typeof action>) {
  return action(...args);
}
