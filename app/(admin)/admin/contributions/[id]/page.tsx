import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentsPanel } from '@/components/admin/comments/comments-panel';
import { AcceptForm } from '@/components/admin/contributions/accept-form';
import { ArticleForm } from '@/components/admin/contributions/article-form';
import { ContributionPreview } from '@/components/admin/contributions/contribution-preview';
import { DeclineForm } from '@/components/admin/contributions/decline-form';
import { EventSubmissionForm } from '@/components/admin/contributions/event-submission-form';
import { StatusTag } from '@/components/admin/contributions/status-tag';
import { WithdrawForm } from '@/components/admin/contributions/withdraw-form';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { DoneBanner } from '@/components/admin/forms/search-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { nextIssueDue } from '@/lib/issues/next-due';
import { acceptTargets, eventFormOptions, getContribution } from '@/lib/data/contributions';
import { formatDate, formatTime } from '@/lib/dates';
import { KIND_LABEL, type StoredEventData } from '@/lib/validation/contributions';
import { isUuidParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Submission' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Record<string, string> = {
  submitted: 'Thank you. Your submission has been sent to the editor.',
  withdrawn: 'Your submission has been withdrawn.',
  accepted: 'Submission accepted.',
  declined: 'Submission declined. The contributor can see your reason.',
};

const when = (d: Date) => `${formatDate(d)} at ${formatTime(d)}`;

export default async function ContributionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/contributions/${id}`);
  if (!can(user, 'contribution:read', { ownerId: user.id })) return <AccessDenied what="submissions" />;
  if (!isUuidParam(id)) notFound();
  const c = await getContribution(user, id);
  if (!c) notFound();
  const done = (await searchParams).done;

  const own = c.submittedById === user.id;
  const waiting = c.status === 'SUBMITTED';
  const canEdit = waiting && can(user, 'contribution:update', { ownerId: c.submittedById });
  const canReview = waiting && can(user, 'contribution:review');
  const [targets, options] = await Promise.all([
    canReview ? acceptTargets(user) : null,
    canEdit && c.kind === 'EVENT' ? eventFormOptions(user) : null,
  ]);

  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Dashboard' },
          { href: '/admin/contributions', label: 'Contributions' },
          { label: c.title },
        ]}
      />
      <p className="text-lg text-[var(--color-muted)]">{KIND_LABEL[c.kind]} submission</p>
      <h1 className="text-3xl font-bold">{c.title}</h1>
      <DoneBanner message={typeof done === 'string' && Object.hasOwn(DONE, done) ? DONE[done]! : null} />

      <dl className="mt-6 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-bold">Status</dt>
        <dd>
          <StatusTag status={c.status} />
        </dd>
        <dt className="font-bold">Byline</dt>
        <dd>{c.organisation.name}</dd>
        {!own && (
          <>
            <dt className="font-bold">Submitted by</dt>
            <dd>{c.submittedBy.name}</dd>
          </>
        )}
        <dt className="font-bold">Submitted</dt>
        <dd>
          <time dateTime={c.createdAt.toISOString()}>{when(c.createdAt)}</time>
        </dd>
        {c.reviewedAt && (c.status === 'ACCEPTED' || c.status === 'DECLINED') && (
          <>
            <dt className="font-bold">{c.status === 'ACCEPTED' ? 'Accepted' : 'Declined'}</dt>
            <dd>
              <time dateTime={c.reviewedAt.toISOString()}>{when(c.reviewedAt)}</time>
              {c.reviewedBy && ` by ${c.reviewedBy.name}`}
            </dd>
          </>
        )}
      </dl>

      {c.status === 'DECLINED' && (
        <section aria-labelledby="reason-heading" className="mt-6 max-w-2xl border-l-8 border-red-700 bg-red-50 p-4">
          <h2 id="reason-heading" className="text-xl font-bold">
            Why it was declined
          </h2>
          <p className="mt-2 whitespace-pre-line">{c.declineReason}</p>
        </section>
      )}
      {c.status === 'ACCEPTED' && (
        <section aria-labelledby="outcome-heading" className="mt-6 max-w-2xl border-l-8 border-green-700 bg-green-50 p-4">
          <h2 id="outcome-heading" className="text-xl font-bold">
            Accepted
          </h2>
          {c.acceptedIssue ? (
            <p className="mt-2">
              Added to{' '}
              {c.acceptedSection ? (
                <Link href={`/admin/issues/${c.acceptedIssue.id}/sections/${c.acceptedSection.id}`} className="text-[var(--color-brand)] underline">
                  {c.acceptedSection.title}
                </Link>
              ) : (
                'a section'
              )}{' '}
              in{' '}
              <Link href={`/admin/issues/${c.acceptedIssue.id}`} className="text-[var(--color-brand)] underline">
                {c.acceptedIssue.title}
              </Link>
              .
              {c.acceptedEvent && (
                <>
                  {' '}
                  Edit the event:{' '}
                  <Link href={`/admin/events/${c.acceptedEvent.id}`} className="text-[var(--color-brand)] underline">
                    {c.acceptedEvent.title}
                  </Link>
                  .
                </>
              )}
            </p>
          ) : (
            <p className="mt-2">The editor has accepted your submission for a forthcoming issue of the bulletin.</p>
          )}
        </section>
      )}
      {c.status === 'WITHDRAWN' && <p className="mt-6 max-w-2xl">This submission was withdrawn, so the editor will not consider it.</p>}

      {canEdit ? (
        <section aria-labelledby="edit-heading" className="mt-10">
          <h2 id="edit-heading" className="text-2xl font-bold">
            Change your submission
          </h2>
          <p className="mt-2 max-w-2xl">You can change it until the editor has decided.</p>
          {c.kind === 'ARTICLE' ? (
            <ArticleForm article={{ id: c.id, version: c.version, title: c.title, body: c.body }} canInsertImage={can(user, 'media:read')} />
          ) : (
            <EventSubmissionForm
              event={{ id: c.id, version: c.version, title: c.title, body: c.body, eventData: c.eventData as StoredEventData }}
              options={options!}
              canInsertImage={can(user, 'media:read')}
            />
          )}
        </section>
      ) : null}

      <section aria-labelledby="preview-heading" className="mt-10 max-w-3xl">
        <h2 id="preview-heading" className="text-2xl font-bold">
          {canEdit ? 'Preview of the saved version' : 'Preview'}
        </h2>
        <ContributionPreview kind={c.kind} title={c.title} body={c.body} organisation={c.organisation.name} event={c.event} />
      </section>

      {canEdit && own && (
        <section aria-labelledby="withdraw-heading" className="mt-10">
          <h2 id="withdraw-heading" className="text-2xl font-bold">
            Withdraw
          </h2>
          <p className="mt-2 max-w-2xl">If you no longer want this in the bulletin, withdraw it. This cannot be undone.</p>
          <WithdrawForm id={c.id} version={c.version} />
        </section>
      )}

      <CommentsPanel user={user} target={{ contributionId: c.id }} ownerId={c.submittedById} />

      {canReview && targets && (
        <>
          <section aria-labelledby="accept-heading" className="mt-10">
            <h2 id="accept-heading" className="text-2xl font-bold">
              Accept
            </h2>
            <p className="mt-2 max-w-2xl">
              {c.kind === 'ARTICLE'
                ? `The article becomes a new section of the issue, with ${c.organisation.name} as the byline. You can edit it there afterwards.`
                : 'The event is created and added to the event list you choose. You can edit it afterwards.'}
            </p>
            {c.kind === 'EVENT' && !c.event ? (
              <p className="mt-4">This event cannot be accepted as it is. Decline it with a reason instead.</p>
            ) : (
              <AcceptForm id={c.id} version={c.version} kind={c.kind} issues={targets} defaultIssueId={nextIssueDue(targets, new Date())?.id} />
            )}
          </section>
          <section aria-labelledby="decline-heading" className="mt-10">
            <h2 id="decline-heading" className="text-2xl font-bold">
              Decline
            </h2>
            <DeclineForm id={c.id} version={c.version} />
          </section>
        </>
      )}
    </>
  );
}
