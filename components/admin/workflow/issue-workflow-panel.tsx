import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { listActiveLinks, listLinkSponsors } from '@/lib/data/access-links';
import { emailOnPublishView } from '@/lib/data/editions';
import { getIssueWorkflow } from '@/lib/data/workflow-gate';
import { formatDateTime } from '@/lib/dates';
import { APPROVAL_STATE_LABELS } from '@/lib/workflow/intro-hash';
import { links } from '@/lib/workflow/links';
import { introAwaitsSponsor } from '@/lib/workflow/live-intro';
import { issueStatusLabel } from '@/lib/workflow/status-label';
import {
  ApprovalLinkForm,
  ArchiveButton,
  PreviewLinkForm,
  PublishForm,
  RevokeLinkButton,
  ScheduleForm,
  SubmitIntroButton,
  UnpublishForm,
  UnscheduleButton,
} from './workflow-forms';

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' });
const when = (d: Date) => (
  <time dateTime={d.toISOString()}>{LONDON.format(d)}</time>
);
const LINK = 'text-[var(--color-brand)] underline';

/**
 * The issue page's workflow: where the issue is, the publish checklist (each unmet
 * item links to where to fix it), the intro's approval, and the steps this user may
 * take. The server re-checks every step; this only decides what to offer.
 */
export async function IssueWorkflowPanel({ user, issueId }: { user: SessionUser; issueId: string }) {
  const wf = await getIssueWorkflow(user, issueId);
  if (!wf) return null;
  const { issue, intro, gate, transitions } = wf;
  const may = new Set(transitions.map((t) => t.name));
  const manageLinks = can(user, 'issue:update');
  const [activeLinks, sponsors] = manageLinks ? await Promise.all([listActiveLinks(user, issueId), listLinkSponsors(user)]) : [[], []];
  const changed = intro?.state === 'changed-since-approval';
  const unpublished = issue.status !== 'PUBLISHED' && issue.status !== 'ARCHIVED';
  const approver = intro?.approvedBy?.name;
  // The server refuses these too; the panel only stops offering what would be refused.
  const introBlank = gate.items.some((i) => i.key === 'intro-written' && !i.met);
  const blocked = !gate.passed && (may.has('publish') || may.has('schedule'));
  // Emailing subscribers with Publish now and Schedule (decision 026), for those who may send.
  const view = !blocked && (may.has('publish') || may.has('schedule')) ? await emailOnPublishView(user, issueId) : null;
  const offer = view && { recipients: view.recipients, lastSend: view.lastSend && { when: formatDateTime(view.lastSend.at), recipients: view.lastSend.recipients } };

  return (
    <section aria-labelledby="workflow-heading" className="mt-8 rounded border-2 border-gray-800 p-4">
      <h2 id="workflow-heading" className="text-2xl font-bold">
        Publishing
      </h2>
      <dl className="mt-3 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-bold">Status</dt>
        <dd data-testid="issue-status">
          {issueStatusLabel(issue.status, intro?.state ?? null)}
          {issue.status === 'SCHEDULED' && issue.scheduledAt && (
            <>
              {' '}
              – to be published on {when(issue.scheduledAt)} (UK time){issue.emailOnPublish ? ' and emailed to its subscribers then' : ''}
            </>
          )}
          {issue.status === 'PUBLISHED' && issue.publishedAt && <> on {when(issue.publishedAt)}</>}
        </dd>
        <dt className="font-bold">Intro</dt>
        <dd data-testid="intro-approval">
          {!intro ? (
            'This issue has no intro.'
          ) : intro.state === 'approved' && intro.approvedAt ? (
            <>
              <strong>Approved by {approver ? `${approver} (sponsor)` : 'the sponsor'}</strong> on {when(intro.approvedAt)}
            </>
          ) : changed && intro.approvedAt ? (
            // Said in full once, in the checklist below, where it links to the intro.
            <strong className="text-red-700">
              Edited after {approver ? `${approver} (sponsor)` : 'the sponsor'} approved it on {when(intro.approvedAt)}
            </strong>
          ) : (
            <>
              <strong>{APPROVAL_STATE_LABELS[intro.state]}</strong>
              {intro.state === 'pending' && intro.approvalRequestedAt && <> since {when(intro.approvalRequestedAt)}</>}
              {intro.state === 'pending' && can(user, 'intro:approve') && (
                <>
                  {' '}
                  – <Link href={links.introApproval(issue.id)} className={LINK}>Read and approve the intro</Link>
                </>
              )}
            </>
          )}
        </dd>
      </dl>

      <h3 className="mt-6 text-xl font-bold">Before it can be published</h3>
      <ul className="mt-2 space-y-2" aria-label="Publish checklist">
        {gate.items.map((item) => {
          const warning = !item.met && item.severity === 'warning';
          return (
            <li key={item.key} className="flex gap-3">
              <span aria-hidden="true" className={`font-bold ${item.met ? 'text-green-800' : warning ? 'text-amber-800' : 'text-red-700'}`}>
                {item.met ? '✓' : warning ? '!' : '✗'}
              </span>
              <div>
                <p>
                  <span className="font-bold">{item.label}</span>
                  <span className="sr-only">{item.met ? ': done' : warning ? ': warning, does not stop publishing' : ': not done'}</span>
                </p>
                {item.met ? (
                  <p className="text-[var(--color-muted)]">{item.message}</p>
                ) : (
                  <>
                    {warning && item.problems.some((p) => p.message !== item.message) && <p>{item.message}</p>}
                    <ul className="list-disc pl-6">
                      {item.problems.map((p, i) => (
                        <li key={i}>
                          <Link href={p.href} className={LINK}>
                            {p.message}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <p className="mt-2 font-bold">{gate.passed ? 'Ready to schedule or publish.' : 'Not ready to publish yet.'}</p>

      {transitions.length > 0 && <h3 className="mt-6 text-xl font-bold">What you can do</h3>}
      <div className="mt-2 space-y-6">
        {may.has('submit') &&
          (intro?.state !== 'approved' || issue.status === 'DRAFT') &&
          (introBlank ? (
            <p data-testid="submit-blocked" className="max-w-2xl border-l-8 border-gray-500 bg-gray-100 p-4">
              You can submit the intro for the sponsor’s approval once it has text.
            </p>
          ) : (
            <SubmitIntroButton issueId={issue.id} />
          ))}
        {blocked && (
          <p data-testid="publish-blocked" className="max-w-2xl border-l-8 border-gray-500 bg-gray-100 p-4">
            You can publish or schedule the issue once every item in the checklist above is done (warnings do not stop it).
          </p>
        )}
        {may.has('publish') && !blocked && <PublishForm issueId={issue.id} offer={offer} />}
        {may.has('unschedule') && <UnscheduleButton issueId={issue.id} />}
        {may.has('schedule') && !blocked && (
          <div>
            <h4 className="text-lg font-bold">Schedule</h4>
            <ScheduleForm issueId={issue.id} offer={offer} />
          </div>
        )}
        {may.has('archive') && <ArchiveButton issueId={issue.id} />}
        {may.has('unpublish') && (
          <div>
            <h4 className="text-lg font-bold">Unpublish</h4>
            <UnpublishForm issueId={issue.id} />
          </div>
        )}
      </div>

      {manageLinks && (
        <>
          <h3 className="mt-8 text-xl font-bold">Links for people without an account</h3>
          <div className="mt-2 space-y-6">
            {introAwaitsSponsor(issue.status, intro?.state) && (
              <div>
                <h4 className="text-lg font-bold">Approval by email</h4>
                <p className="max-w-2xl">The sponsor gets a link to read the intro and approve it or ask for changes, without signing in. It works once, for 7 days.</p>
                <ApprovalLinkForm issueId={issue.id} sponsors={sponsors.map(({ id, name, email }) => ({ id, name, email }))} />
              </div>
            )}
            {unpublished && (
              <div>
                <h4 className="text-lg font-bold">Preview link</h4>
                <p className="max-w-2xl">Anyone with the link can read this issue as it is now, for 7 days. It does not publish the issue.</p>
                <PreviewLinkForm issueId={issue.id} />
              </div>
            )}
            {activeLinks.length > 0 && (
              <div>
                <h4 className="text-lg font-bold">Links that work now</h4>
                <ul className="mt-2 space-y-3">
                  {activeLinks.map((l) => {
                    const label = l.purpose === 'INTRO_APPROVAL' ? `Approval link for ${l.email ?? 'the sponsor'}` : 'Preview link';
                    return (
                      <li key={l.id} className="flex flex-wrap items-center gap-4">
                        <span>
                          {label}, created by {l.createdBy?.name ?? 'a former user'}, expires {when(l.expiresAt)}
                        </span>
                        <RevokeLinkButton issueId={issue.id} id={l.id} label={label} />
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
