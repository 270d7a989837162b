import type { Metadata } from 'next';
import Link from 'next/link';
import { LINK } from '@/components/admin/issues/styles';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listIssuesAdmin } from '@/lib/data/issues-admin';
import { formatMonth } from '@/lib/dates';

export const metadata: Metadata = { title: 'Issues' };

const STATUS_LABEL: Record<string, string> = {
  DRAFT: 'Draft', IN_REVIEW: 'In review', APPROVED: 'Approved', SCHEDULED: 'Scheduled', PUBLISHED: 'Published', ARCHIVED: 'Archived',
};

export default async function IssuesPage() {
  const user = await requireUser('/admin/issues');
  if (!can(user, 'issue:read')) {
    return (
      <>
        <h1 className="text-3xl font-bold">Issues</h1>
        <p className="mt-4">You do not have permission to see unpublished issues.</p>
      </>
    );
  }
  const issues = await listIssuesAdmin(user);
  return (
    <>
      <h1 className="text-3xl font-bold">Issues</h1>
      {can(user, 'issue:create') && (
        <p className="mt-4">
          <Link href="/admin/issues/new" className={LINK}>Create a new issue</Link>
          {' or '}
          <Link href="/admin/issues/import" className={LINK}>import an existing bulletin</Link>
        </p>
      )}
      {issues.length === 0 ? (
        <p className="mt-6">There are no issues yet.</p>
      ) : (
        <table className="mt-6 w-full border-collapse text-left">
          <caption className="sr-only">All issues, newest first</caption>
          <thead>
            <tr className="border-b-2 border-gray-800">
              <th scope="col" className="py-2 pr-4">Issue</th>
              <th scope="col" className="py-2 pr-4">Month</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Sections</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((i) => (
              <tr key={i.id} className="border-b border-gray-300">
                <td className="py-2 pr-4"><Link href={`/admin/issues/${i.id}`} className={LINK}>{i.title}</Link></td>
                <td className="py-2 pr-4">{formatMonth(i.month)}</td>
                <td className="py-2 pr-4">{STATUS_LABEL[i.status]}</td>
                <td className="py-2 pr-4">{i._count.sections}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
