'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createAction } from '@/lib/actions/action';
import { markAllNotificationsRead } from '@/lib/data/notifications';
import { links } from '@/lib/workflow/links';
import { markAllNotificationsReadSchema } from '@/lib/validation/notifications';

// See mark-notification-read.ts for why comment:read gates it.
const action = createAction({
  schema: markAllNotificationsReadSchema,
  permission: 'notification:read',
  run: async (_input, { user }) => {
    const count = await markAllNotificationsRead(user);
    revalidatePath(links.notifications());
    redirect(`${links.notifications()}?done=${count > 0 ? 'all-read' : 'none-unread'}`);
  },
});

export async function markAllNotificationsReadAction(...args: Parameters<typeof action>) {
  return action(...args);
}
