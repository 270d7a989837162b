import type { Metadata } from 'next';
import Link from 'next/link';
import { ContributionTable } from '@/components/admin/contributions/contribution-table';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listContributions } from '@/lib/data/contributions';

export const metadata: Metadata = { title: 'Contributions' };

export default async function ContributionsPage() {
  const user = await requireUser('/admin/contributions');
  if (!can(user, 'contribution:read', { ownerId: user.id })) return <AccessDenied what="submissions" />;
  const { mine, queue, decided } = await listContributions(user);
  const canSubmit = can(user, 'contribution:create');
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin', label: 'Dashboard' }, { label: 'Contributions' }]} />
      <h1 className="text-3xl font-bold">Contributions</h1>
      <p className="mt-2 max-w-2xl">
        {queue
          ? 'Articles and events that partner organisations have submitted for the bulletin.'
          : 'Articles and events you have submitted for the bulletin, and what the editor decided.'}
      </p>
      {canSubmit && (
        <p className="mt-6">
          <Link
            href="/admin/contributions/new"
            className="inline-flex min-h-11 items-center rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]"
          >
            Submit an article or event
          </Link>
        </p>
      )}

      {queue && (
        <section aria-labelledby="queue-heading" className="mt-10">
          <h2 id="queue-heading" className="text-2xl font-bold">
            Waiting for review ({queue.length})
          </h2>
          {queue.length === 0 ? (
            <p className="mt-2">Nothing is waiting. New submissions appear here, oldest first.</p>
          ) : (
            <ContributionTable rows={queue} caption="Submissions waiting for review, oldest first" show="queue" />
          )}
        </section>
      )}

      {decided && (
        <section aria-labelledby="decided-heading" className="mt-10">
          <h2 id="decided-heading" className="text-2xl font-bold">
            Recent decisions
          </h2>
          {decided.length === 0 ? (
            <p className="mt-2">No submissions have been accepted or declined yet.</p>
          ) : (
            <ContributionTable rows={decided} caption="Recently accepted or declined submissions, newest first" show="decided" />
          )}
        </section>
      )}

      {(canSubmit || !queue) && (
        <section aria-labelledby="mine-heading" className="mt-10">
          <h2 id="mine-heading" className="text-2xl font-bold">
            Your submissions
          </h2>
          {mine.length === 0 ? (
            <p className="mt-2">You have not submitted anything yet.</p>
          ) : (
            <ContributionTable rows={mine} caption="Your submissions, newest first" show="mine" />
          )}
        </section>
      )}
    </>
  );
}
