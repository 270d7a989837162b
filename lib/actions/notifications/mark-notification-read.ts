'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { markNotificationRead } from '@/lib/data/notifications';
import { isAppPath, links } from '@/lib/workflow/links';
import { markNotificationReadSchema } from '@/lib/validation/notifications';

// Opening a notification: mark it read, then go where it points. A form POST, so it
// works before (or without) JavaScript. Everyone holds notification:read for their
// own notifications; the data layer only ever touches the signed-in user's rows.
const action = createAction({
  schema: markNotificationReadSchema,
  permission: 'notification:read',
  run: async (input, { user }) => {
    const { href } = await markNotificationRead(user, input.id);
    revalidatePath(links.notifications());
    redirect(isAppPath(href) ? href : links.notifications());
  },
});

export async function markNotificationReadAction(...args: Parameters<typeof action>) {
  return action(...args);
}
