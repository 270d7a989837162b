import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { ListPage, RowLink } from '@/components/admin/forms/list-page';
import { STATUS_LABEL, streamsLabel } from '@/components/admin/subscribers/labels';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { formatDate } from '@/lib/dates';
import { listSubscribers, subscriberCounts } from '@/lib/data/subscribers';
import { SUBSCRIBER_FILTERS, subscriberListQuerySchema, type SubscriberFilter } from '@/lib/validation/subscriber-import';

export const metadata: Metadata = { title: 'Subscribers' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_LABEL: Record<SubscriberFilter, string> = {
  all: 'Any status',
  pending: 'Pending',
  confirmed: 'Confirmed',
  unsubscribed: 'Unsubscribed',
  suppressed: 'Suppressed',
};

const LINK = 'inline-flex min-h-11 items-center text-[var(--color-brand)] underline';

export default async function SubscribersPage({ searchParams }: Props) {
  const user = await requireUser('/admin/subscribers');
  if (!can(user, 'subscriber:read')) return <AccessDenied what="the email subscribers" />;
  const { q, status, page } = subscriberListQuerySchema.parse(await searchParams);
  const [{ subscribers, total, page: shown, pageCount }, counts] = await Promise.all([
    listSubscribers(user, { q, status, page }),
    subscriberCounts(user),
  ]);
  const n = (count: number, one: string, many: string) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
  const filtered = q !== '' || status !== 'all';
  return (
    <ListPage
      title="Subscribers"
      intro="Readers who get the Regional Update by email. Readers subscribe, change what they get and leave from the links in each email; an address that left is never added back by an import."
      more={
        <>
          {can(user, 'subscriber:import') && (
            <Link href="/admin/subscribers/import" className={LINK}>
              Import subscribers from a CSV file
            </Link>
          )}
          {/* A download, not a page: a plain link, so the browser saves it. */}
          <a href="/admin/subscribers/export.csv" className={LINK} download>
            Export all subscribers as CSV
          </a>
        </>
      }
      summary={
        <section aria-labelledby="counts-heading" className="mt-8">
          <h2 id="counts-heading" className="text-2xl font-bold">Who gets what</h2>
          <dl className="mt-4 grid max-w-3xl grid-cols-1 gap-x-8 gap-y-2 sm:grid-cols-2">
            {(
              [
                ['Each new issue', n(counts.newIssues, 'reader', 'readers')],
                ['Weekly events digest', n(counts.weekly, 'reader', 'readers')],
                ['Monthly events digest', n(counts.monthly, 'reader', 'readers')],
                ['Confirmed', n(counts.confirmed, 'subscriber', 'subscribers')],
                ['Pending (not yet confirmed)', n(counts.pending, 'address', 'addresses')],
                ['Unsubscribed', n(counts.unsubscribed, 'address', 'addresses')],
                ['Suppressed (bouncing or stopped by an editor)', n(counts.suppressed, 'address', 'addresses')],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="flex justify-between gap-4 border-b border-gray-300 py-1">
                <dt>{label}</dt>
                <dd className="font-bold">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      }
      search={{
        action: '/admin/subscribers',
        label: 'Search by email address',
        q,
        idPrefix: 'subscribers-search',
        active: filtered,
        filters: (
          <div>
            <label htmlFor="subscribers-status" className="block font-bold">
              Status
            </label>
            <select id="subscribers-status" name="status" defaultValue={status} className="mt-1 block min-h-11 rounded border-2 border-gray-800 bg-white px-2">
              {SUBSCRIBER_FILTERS.map((f) => (
                <option key={f} value={f}>
                  {FILTER_LABEL[f]}
                </option>
              ))}
            </select>
          </div>
        ),
      }}
      heading={filtered ? `${n(total, 'subscriber matches', 'subscribers match')}` : n(total, 'subscriber', 'subscribers')}
      rows={subscribers}
      rowKey={(s) => s.id}
      empty={filtered ? 'No subscriber matches. Check the spelling, search for part of the address, or choose another status.' : 'No subscribers yet.'}
      columns={[
        { header: 'Email address', cell: (s) => <RowLink href={`/admin/subscribers/${s.id}`}>{s.email}</RowLink>, className: 'break-all' },
        { header: 'Status', cell: (s) => STATUS_LABEL[s.status] },
        { header: 'Receives', cell: (s) => streamsLabel(s) },
        { header: 'Added', cell: (s) => formatDate(s.createdAt, { weekday: false }) },
      ]}
      pager={{ basePath: '/admin/subscribers', q, page: shown, pageCount, filters: status === 'all' ? {} : { status } }}
    />
  );
}
