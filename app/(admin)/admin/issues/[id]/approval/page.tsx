import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { ChangesSinceApproval } from '@/components/admin/workflow/changes-since-approval';
import { ApproveIntroForm, RequestChangesForm } from '@/components/admin/workflow/workflow-forms';
import { IssueSection } from '@/components/issue/issue-section';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getIssueForPreview } from '@/lib/data/issues-admin';
import { getIssueWorkflow } from '@/lib/data/workflow-gate';
import { APPROVAL_STATE_LABELS } from '@/lib/workflow/intro-hash';
import { links } from '@/lib/workflow/links';
import { liveIntroNeedsApproval } from '@/lib/workflow/live-intro';
import { isUuidParam } from '@/lib/validation/params';
import { formatDateTime } from '@/lib/dates';

export const metadata: Metadata = { title: 'Approve the intro', robots: { index: false, follow: false } };


/** The sponsor reads the intro exactly as readers will, then approves it or asks for changes. */
export default async function IntroApprovalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(links.introApproval(id));
  if (!isUuidParam(id)) notFound();
  if (!can(user, 'intro:approve') || !can(user, 'issue:read') || !can(user, 'section:read')) return <AccessDenied what="intros waiting for approval" />;
  const [issue, wf] = await Promise.all([getIssueForPreview(user, id), getIssueWorkflow(user, id)]);
  if (!issue || !wf) notFound();
  const intro = issue.sections.find((s) => s.kind === 'INTRO');
  // A live issue's intro edited since approval is approved again, or sent back with a
  // comment, without the issue leaving PUBLISHED (decision 017).
  const live = liveIntroNeedsApproval(issue.status, wf.intro?.state);
  const waiting = (issue.status === 'IN_REVIEW' || live) && wf.intro;

  return (
    <>
      <p>
        <Link href={links.issue(issue.id)} className="text-[var(--color-brand)] underline">
          Back to {issue.title}
        </Link>
      </p>
      <h1 className="mt-4 text-3xl font-bold">Approve the intro to {issue.title}</h1>
      <p className="mt-2">{wf.intro ? APPROVAL_STATE_LABELS[wf.intro.state] : 'This issue has no intro.'}</p>
      {intro ? (
        <>
          <ChangesSinceApproval changes={wf.intro?.changes ?? null} />
          <h2 className="mt-6 text-xl font-bold">The intro as readers will see it</h2>
          <div className="mt-2 rounded border-2 border-gray-400 p-4">
            <IssueSection section={intro} headingLevel={3} className="" />
          </div>
          {can(user, 'intro:update') && (
            <p className="mt-2">
              <Link href={links.section(issue.id, intro.id)} className="text-[var(--color-brand)] underline">
                Edit the intro
              </Link>
            </p>
          )}
        </>
      ) : null}
      {waiting && wf.intro ? (
        <div className="mt-8 grid gap-8 md:grid-cols-2">
          <section aria-labelledby="approve-heading">
            <h2 id="approve-heading" className="text-xl font-bold">Approve</h2>
            {live && (
              <p className="mb-3">
                This issue is live and the intro was edited after you approved it. Readers keep seeing the intro you approved until you approve this version and an editor publishes the changes.
              </p>
            )}
            <p className="mb-3">You approve this exact text. If anyone edits it later, it needs your approval again.</p>
            <ApproveIntroForm issueId={issue.id} contentHash={wf.intro.contentHash} />
          </section>
          <section aria-labelledby="changes-heading">
            <h2 id="changes-heading" className="text-xl font-bold">Request changes</h2>
            {live && <p className="mb-3">The issue stays published with the intro you approved before; the editor gets your comment.</p>}
            <RequestChangesForm issueId={issue.id} />
          </section>
        </div>
      ) : (
        <p role="status" className="mt-8 border-l-8 border-gray-500 bg-gray-100 p-4">
          {!intro || !wf.intro
            ? 'There is nothing to approve.'
            : wf.intro.state === 'approved'
              ? `The intro is approved${wf.intro.approvedBy ? ` by ${wf.intro.approvedBy.name}` : ''} on ${formatDateTime(wf.intro.approvedAt!)}. If anyone edits it, it needs approving again.`
              : 'The intro is not waiting for your approval: it is with the editor. You will be told when it is submitted again.'}
        </p>
      )}
    </>
  );
}
