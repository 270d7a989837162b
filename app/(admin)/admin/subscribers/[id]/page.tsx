import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { DetailBanner, DetailList, DetailSection } from '@/components/admin/forms/detail-page';
import { Missing, RecordTable } from '@/components/admin/forms/list-page';
import {
  CONSENT_EVENT_LABEL,
  CONSENT_SOURCE_LABEL,
  STATUS_LABEL,
  streamsLabel,
  SUPPRESSION_LABEL,
} from '@/components/admin/subscribers/labels';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/dates';
import { getSubscriber } from '@/lib/data/subscribers';
import { isUuidParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Subscriber' };

type Props = { params: Promise<{ id: string }> };

const when = (d: Date | null) => (d ? formatDateTime(d) : <Missing>Not yet</Missing>);

export default async function SubscriberPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/subscribers/${id}`);
  if (!can(user, 'subscriber:read')) return <AccessDenied what="the email subscribers" />;
  if (!isUuidParam(id)) notFound();
  const s = await getSubscriber(user, id);
  if (!s) notFound();
  const sent = s.deliveries.SENT ?? 0;
  const failed = s.deliveries.FAILED ?? 0;
  return (
    <>
      <DetailBanner list={{ href: '/admin/subscribers', label: 'Subscribers' }} name={s.email} />
      <DetailSection id="status" title="Status" className="mt-8">
        <DetailList
          items={[
            { term: 'Status', value: STATUS_LABEL[s.displayStatus] },
            ...(s.suppression ? [{ term: 'Not emailed because', value: `${SUPPRESSION_LABEL[s.suppression.reason]} (${formatDateTime(s.suppression.suppressedAt)})` }] : []),
            { term: 'Receives', value: s.displayStatus === 'CONFIRMED' ? streamsLabel(s) : 'Nothing' },
            { term: 'Added', value: formatDateTime(s.createdAt) },
            { term: 'Confirmed', value: when(s.confirmedAt) },
            ...(s.unsubscribedAt ? [{ term: 'Unsubscribed', value: formatDateTime(s.unsubscribedAt) }] : []),
            { term: 'Email editions', value: `${sent} sent, ${failed} failed` },
            { term: 'Delivery failures in a row', value: String(s.permanentFailures) },
          ]}
        />
      </DetailSection>
      <DetailSection id="consent" title="Consent history">
        <p className="mt-2 max-w-2xl">Every time this reader, or an editor for them, agreed to or changed what they get, with the wording they were shown.</p>
        {s.consents.length === 0 ? (
          <p className="mt-4">No consent recorded.</p>
        ) : (
          <RecordTable
            labelledBy="consent-heading"
            rows={s.consents}
            rowKey={(c) => c.id}
            columns={[
              { header: 'When', cell: (c) => formatDateTime(c.createdAt) },
              { header: 'What', cell: (c) => CONSENT_EVENT_LABEL[c.event] },
              { header: 'By', cell: (c) => `${CONSENT_SOURCE_LABEL[c.source]}${c.actor ? ` (${c.actor.name})` : ''}` },
              { header: 'Wording', cell: (c) => c.wordingVersion },
              { header: 'Receives', cell: (c) => (c.event === 'WITHDRAWN' ? 'Nothing' : streamsLabel(c)) },
            ]}
          />
        )}
      </DetailSection>
    </>
  );
}
