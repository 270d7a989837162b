import type { Metadata } from 'next';
import { DoneBanner } from '@/components/admin/forms/search-form';
import { MarkAllReadForm, OpenNotificationForm } from '@/components/admin/notifications/notification-forms';
import { requireUser } from '@/lib/auth/session';
import { listNotifications } from '@/lib/data/notifications';
import { formatDate, formatTime } from '@/lib/dates';
import { links } from '@/lib/workflow/links';

export const metadata: Metadata = { title: 'Notifications' };

const KIND_LABEL = {
  SUBMITTED_FOR_APPROVAL: 'Submitted for approval',
  APPROVED: 'Approved',
  CHANGES_REQUESTED: 'Changes requested',
  COMMENT: 'Comment',
  MENTION: 'Mention',
  CONTRIBUTION_ACCEPTED: 'Submission accepted',
  CONTRIBUTION_DECLINED: 'Submission declined',
  ISSUE_PUBLISHED: 'Issue published',
} as const;

const DONE: Record<string, string> = {
  'all-read': 'All notifications are marked as read.',
  'none-unread': 'You had no unread notifications.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NotificationsPage({ searchParams }: Props) {
  const user = await requireUser(links.notifications());
  const { items, unread } = await listNotifications(user);
  const done = (await searchParams).done;
  // Unread first, each group newest first (the list arrives newest first).
  const sorted = [...items.filter((n) => !n.readAt), ...items.filter((n) => n.readAt)];
  return (
    <>
      <h1 className="text-3xl font-bold">Notifications</h1>
      <DoneBanner message={typeof done === 'string' && Object.hasOwn(DONE, done) ? DONE[done]! : null} />
      <p className="mt-4" id="unread-summary">
        {unread === 0 ? 'You have no unread notifications.' : `You have ${unread} unread ${unread === 1 ? 'notification' : 'notifications'}.`}
      </p>
      {unread > 0 && <MarkAllReadForm />}
      {sorted.length === 0 ? (
        <p className="mt-6">Nothing yet. You will be told here when someone mentions you, replies to you, or an issue or submission you work on moves on.</p>
      ) : (
        <ul className="mt-6 max-w-3xl divide-y-2 divide-gray-200 border-y-2 border-gray-200" aria-describedby="unread-summary">
          {sorted.map((n) => (
            <li key={n.id} className={`py-4 ${n.readAt ? '' : 'border-l-8 border-[var(--color-brand)] pl-4'}`}>
              <p className="flex flex-wrap items-center gap-2 text-[var(--color-muted)]">
                {!n.readAt && (
                  <strong className="rounded bg-[var(--color-brand)] px-2 py-0.5 text-sm font-bold uppercase tracking-wide text-white">Unread</strong>
                )}
                <span>{KIND_LABEL[n.kind]}</span>
                <span aria-hidden="true">·</span>
                <time dateTime={n.createdAt.toISOString()}>
                  {formatDate(n.createdAt)} at {formatTime(n.createdAt)}
                </time>
              </p>
              <OpenNotificationForm id={n.id}>{n.title}</OpenNotificationForm>
              {n.body && <p className="mt-1 line-clamp-3 whitespace-pre-line break-words">{n.body}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
