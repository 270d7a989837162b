import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { issuesByStatus, myTasks, recentActivity } from '@/lib/data/dashboard';
import { auditActionLabel } from '@/lib/audit-labels';
import { formatDateTime, formatMonth } from '@/lib/dates';

export const metadata: Metadata = { title: 'Dashboard' };

const STATUS_LABEL: Record<string, string> = {
  DRAFT: 'Drafts',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  SCHEDULED: 'Scheduled',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

export default async function DashboardPage() {
  const user = await requireUser();
  const [groups, tasks, activity] = await Promise.all([
    can(user, 'issue:read') ? issuesByStatus(user) : Promise.resolve(null),
    myTasks(user),
    can(user, 'audit:read') ? recentActivity(user) : Promise.resolve(null),
  ]);
  return (
    <>
      <h1 className="text-3xl font-bold">Dashboard</h1>
      <section aria-labelledby="tasks-heading" className="mt-8">
        <h2 id="tasks-heading" className="text-2xl font-bold">
          My tasks
        </h2>
        {tasks.length === 0 ? (
          <p className="mt-2">Nothing needs your attention right now.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {tasks.map((t) => (
              <li key={t.href ?? t.label}>
                {t.href ? (
                  <Link href={t.href} className="text-[var(--color-brand)] underline">
                    {t.label}
                  </Link>
                ) : (
                  t.label
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {groups && (
        <section aria-labelledby="issues-heading" className="mt-10">
          <h2 id="issues-heading" className="text-2xl font-bold">
            Issues by status
          </h2>
          <div className="mt-4 grid gap-6 md:grid-cols-2">
            {groups.map(({ status, issues }) => (
              <section key={status} aria-labelledby={`status-${status}`} className="rounded border border-gray-400 p-4">
                <h3 id={`status-${status}`} className="text-lg font-bold">
                  {STATUS_LABEL[status]} <span className="font-normal">({issues.length})</span>
                </h3>
                {issues.length > 0 && (
                  <ul className="mt-2 space-y-1">
                    {issues.map((i) => (
                      <li key={i.id}>
                        {/* Published issues open as readers see them; the rest where the work is done. */}
                        <Link href={status === 'PUBLISHED' ? `/issues/${i.slug}` : `/admin/issues/${i.id}`} className="text-[var(--color-brand)] underline">
                          {i.title}
                        </Link>{' '}
                        <span className="text-[var(--color-muted)]">– {formatMonth(i.month)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        </section>
      )}
      {activity && (
        <section aria-labelledby="activity-heading" className="mt-10">
          <h2 id="activity-heading" className="text-2xl font-bold">
            Recent activity
          </h2>
          {activity.length === 0 ? (
            <p className="mt-2">No activity yet.</p>
          ) : (
            <table className="mt-4 w-full border-collapse text-left">
              <thead>
                <tr className="border-b-2 border-gray-800">
                  <th scope="col" className="py-2 pr-4">When</th>
                  <th scope="col" className="py-2 pr-4">Who</th>
                  <th scope="col" className="py-2 pr-4">What</th>
                </tr>
              </thead>
              <tbody>
                {activity.map((a) => (
                  <tr key={a.id.toString()} className="border-b border-gray-300">
                    <td className="py-2 pr-4">
                      <time dateTime={a.createdAt.toISOString()}>{formatDateTime(a.createdAt)}</time>
                    </td>
                    <td className="py-2 pr-4">{a.actor?.name ?? 'System'}</td>
                    <td className="py-2 pr-4">
                      {auditActionLabel(a.action)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="mt-4">
            <Link href="/admin/audit" className="text-[var(--color-brand)] underline">See and filter the whole audit log</Link>
          </p>
        </section>
      )}
    </>
  );
}
