import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentBadge } from '@/components/admin/comments/comment-badge';
import { IssueDetailsForm } from '@/components/admin/editor/issue-details-form';
import { AddSectionForm } from '@/components/admin/issues/add-section-form';
import { MoveSectionButtons } from '@/components/admin/issues/move-section-buttons';
import { LINK } from '@/components/admin/issues/styles';
import { IssueWorkflowPanel } from '@/components/admin/workflow/issue-workflow-panel';
import { PendingChangesPanel } from '@/components/admin/workflow/pending-changes-panel';
import { can, sectionEditPermission } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { unresolvedCommentCounts } from '@/lib/data/comments';
import { getIssueForEditor } from '@/lib/data/issues-admin';
import { getPendingChanges } from '@/lib/data/pending-changes';
import { formatDateTime, formatMonth } from '@/lib/dates';
import { isUuidParam } from '@/lib/validation/params';
import { links } from '@/lib/workflow/links';

export const metadata: Metadata = { title: 'Edit issue' };

const KIND_LABEL = { INTRO: 'Intro', ARTICLE: 'Article', EVENT_LIST: 'Events' } as const;

export default async function IssueEditorPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; deleted?: string; published?: string }> }) {
  const { id } = await params;
  const { created, deleted, published } = await searchParams;
  const user = await requireUser(`/admin/issues/${id}`);
  if (!isUuidParam(id)) notFound();
  if (!can(user, 'issue:read') || !can(user, 'section:read')) {
    return (
      <>
        <h1 className="text-3xl font-bold">Edit issue</h1>
        <p className="mt-4">You do not have permission to see unpublished issues.</p>
      </>
    );
  }
  const issue = await getIssueForEditor(user, id);
  if (!issue) notFound();
  const canReorder = can(user, 'section:reorder');
  const canDelete = can(user, 'section:delete');
  const last = issue.sections.length - 1;
  const commentCounts = can(user, 'comment:read') ? await unresolvedCommentCounts(user, issue.id) : null;
  const live = issue.status === 'PUBLISHED' ? await getPendingChanges(user, issue.id) : null;
  // Only while that revision is still the one readers see: an old address says nothing.
  const livePublished = live?.revision != null && published === String(live.revision) ? live.revision : null;

  return (
    <>
      <p><Link href="/admin/issues" className={LINK}>Back to issues</Link></p>
      <h1 className="mt-4 text-3xl font-bold">{issue.title}</h1>
      <p className="mt-2 text-[var(--color-muted)]">
        {formatMonth(issue.month)} · {issue.status.replace('_', ' ').toLowerCase()} · /issues/{issue.slug}
      </p>
      {created && <p role="status" className="mt-4 border-l-8 border-green-700 bg-green-50 p-4">The draft issue was created.</p>}
      {deleted && <p role="status" className="mt-4 border-l-8 border-green-700 bg-green-50 p-4">The section “{deleted}” was deleted.</p>}
      {/* Always rendered, so the message "Publish changes" leads to is announced when it appears. */}
      <div role="status" aria-live="polite" data-testid="publish-changes-status">
        {livePublished && (
          <p className="mt-4 border-l-8 border-green-700 bg-green-50 p-4 font-bold">
            Changes published: revision {livePublished} is live. Readers see the new version now.
          </p>
        )}
      </div>
      <p className="mt-4">
        <Link href={`/admin/issues/${issue.id}/preview`} className="inline-flex min-h-11 items-center rounded border-2 border-gray-800 bg-white px-4 font-bold text-gray-900 hover:bg-gray-100">
          Preview the whole issue
        </Link>
        {can(user, 'edition:send') && (
          <Link href={`/admin/issues/${issue.id}/email`} className="ml-4 inline-flex min-h-11 items-center rounded border-2 border-gray-800 bg-white px-4 font-bold text-gray-900 hover:bg-gray-100">
            Preview the email edition
          </Link>
        )}
      </p>
      {user.role === 'SPONSOR' && <p className="mt-4">As the sponsor you can edit the intro. The other sections are shown for information.</p>}

      <IssueWorkflowPanel user={user} issueId={issue.id} />
      {live && (live.pending || live.introApproval) && (
        <PendingChangesPanel
          issueId={issue.id}
          canPublish={can(user, 'issue:publish')}
          canAsk={can(user, 'issue:publish') && can(user, 'intro:update')}
          approveHref={can(user, 'intro:approve') ? links.introApproval(issue.id) : null}
          introApproval={live.introApproval && { askedAt: live.introApproval.askedAt && formatDateTime(live.introApproval.askedAt) }}
        />
      )}

      <section aria-labelledby="sections-heading" className="mt-8">
        <h2 id="sections-heading" className="text-2xl font-bold">Sections</h2>
        {issue.sections.length === 0 ? (
          <p className="mt-2">This issue has no sections yet.</p>
        ) : (
          <ol className="mt-4 space-y-3">
            {issue.sections.map((s, i) => {
              const editable = can(user, sectionEditPermission(s.kind));
              return (
                <li key={s.id} className="rounded border border-gray-400 p-4">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="text-lg font-bold">
                      <span className="sr-only">{i + 1}. </span>
                      {editable ? <Link href={`/admin/issues/${issue.id}/sections/${s.id}`} className={LINK}>{s.title}</Link> : s.title}
                    </h3>
                    <p className="text-[var(--color-muted)]">
                      {KIND_LABEL[s.kind]} · version {s.version} · last edited{' '}
                      <time dateTime={s.updatedAt.toISOString()}>{formatDateTime(s.updatedAt)}</time>
                    </p>
                  </div>
                  <div className="mt-3 flex flex-wrap items-center gap-4">
                    {commentCounts && <CommentBadge href={`/admin/issues/${issue.id}/sections/${s.id}`} title={s.title} counts={commentCounts[s.id]} linkWhenNone={!editable} />}
                    {canReorder && <MoveSectionButtons sectionId={s.id} title={s.title} isFirst={i === 0} isLast={i === last} />}
                    {can(user, 'revision:read') && (
                      <Link href={`/admin/issues/${issue.id}/sections/${s.id}/revisions`} className={LINK}>
                        Revisions<span className="sr-only"> of “{s.title}”</span>
                      </Link>
                    )}
                  </div>
                  {/* Destructive, so on its own line, away from the everyday buttons. */}
                  {canDelete && (
                    <p className="mt-3 border-t border-gray-300 pt-3">
                      <Link href={`/admin/issues/${issue.id}/sections/${s.id}/delete`} className="text-red-700 underline">
                        Delete<span className="sr-only"> “{s.title}”</span>
                      </Link>
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="details-heading" className="mt-10">
        <h2 id="details-heading" className="text-2xl font-bold">Issue details</h2>
        {can(user, 'issue:update') ? (
          <IssueDetailsForm
            id={issue.id}
            published={issue.status === 'PUBLISHED'}
            issue={{
              title: issue.title,
              slug: issue.slug,
              year: issue.month.getUTCFullYear(),
              month: issue.month.getUTCMonth() + 1,
              summary: issue.summary,
              version: issue.version,
            }}
          />
        ) : (
          <dl className="mt-2 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt className="font-bold">Summary</dt>
            <dd>{issue.summary || 'None'}</dd>
          </dl>
        )}
      </section>

      {can(user, 'section:create') && (
        <section aria-labelledby="add-heading" className="mt-10">
          <h2 id="add-heading" className="text-2xl font-bold">Add a section</h2>
          <AddSectionForm issueId={issue.id} sections={issue.sections.map((s) => ({ id: s.id, title: s.title, kind: s.kind }))} />
        </section>
      )}
    </>
  );
}
