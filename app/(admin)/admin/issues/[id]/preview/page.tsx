import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { IssueArticle } from '@/components/issue/issue-article';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getIssueForPreview } from '@/lib/data/issues-admin';
import { isUuidParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

const STATUS_LABEL: Record<string, string> = {
  DRAFT: 'a draft',
  IN_REVIEW: 'in review',
  APPROVED: 'approved',
  SCHEDULED: 'scheduled',
  PUBLISHED: 'published',
  ARCHIVED: 'archived',
};

/** The whole issue through the public page's own component, whatever its status. */
export default async function IssuePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/admin/issues/${id}/preview`);
  if (!isUuidParam(id)) notFound();
  if (!can(user, 'issue:read') || !can(user, 'section:read')) return <AccessDenied what="unpublished issues" />;
  const issue = await getIssueForPreview(user, id);
  if (!issue) notFound();
  const published = issue.status === 'PUBLISHED';

  return (
    <>
      <div className="mb-8 border-l-8 border-amber-500 bg-amber-50 p-4 print:hidden">
        <p className="text-xl font-bold">{published ? 'Preview – this issue is published' : 'Preview – not published'}</p>
        <p className="mt-1">
          This is how the issue looks to readers{published ? '' : ' once it is published'}. It is {STATUS_LABEL[issue.status] ?? issue.status.toLowerCase()}
          {published ? (
            <>
              {' '}and readers can see it at{' '}
              <Link href={`/issues/${issue.slug}`} className="text-[var(--color-brand)] underline">
                /issues/{issue.slug}
              </Link>
              .
            </>
          ) : (
            <>: readers cannot see it, and links to its events may not work yet.</>
          )}
        </p>
        <p className="mt-2">
          <Link href={`/admin/issues/${issue.id}`} className="text-[var(--color-brand)] underline">
            Back to editing {issue.title}
          </Link>
        </p>
      </div>
      <IssueArticle issue={issue} now={new Date()} />
    </>
  );
}
