import Link from 'next/link';
import type { SessionUser } from '@/lib/auth/session';
import { unreadNotificationCount } from '@/lib/data/notifications';
import { links } from '@/lib/workflow/links';

/** The navigation's link to the notification list; its name says how many are unread ("Notifications, 3 unread"). */
export async function NotificationsNavLink({ user }: { user: SessionUser }) {
  const unread = await unreadNotificationCount(user);
  return (
    <Link href={links.notifications()} className="inline-flex min-h-11 items-center gap-2 py-3 font-bold text-white underline-offset-4 hover:underline" aria-label={unread > 0 ? `Notifications, ${unread} unread` : undefined}>
      Notifications
      {unread > 0 && <span className="rounded-full bg-white px-2 text-sm leading-6 text-[var(--color-brand-dark)]">{unread > 99 ? '99+' : unread}</span>}
    </Link>
  );
}
