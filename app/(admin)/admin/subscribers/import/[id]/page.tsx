import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { DetailBanner, DetailSection } from '@/components/admin/forms/detail-page';
import { ApplySubscriberImportForm, DiscardSubscriberImportForm } from '@/components/admin/subscribers/import-forms';
import { AcceptedRows, RejectedRows } from '@/components/admin/subscribers/import-rows';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/dates';
import { getSubscriberImport } from '@/lib/data/subscriber-imports';
import { isUuidParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Subscriber import' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const rows = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'row' : 'rows'}`;

export default async function SubscriberImportPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/subscribers/import/${id}`);
  if (!can(user, 'subscriber:import')) return <AccessDenied what="the subscriber import" />;
  if (!isUuidParam(id)) notFound();
  const found = await getSubscriberImport(user, id);
  if (!found) notFound();
  const { done } = await searchParams;
  const checked = `${formatDateTime(found.createdAt)} by ${found.createdBy?.name ?? 'a former user'}`;
  return (
    <>
      <DetailBanner
        list={{ href: '/admin/subscribers/import', label: 'Import subscribers' }}
        name={`Import of ${found.fileName}`}
        done={done}
        messages={{ added: `${(found.added ?? 0).toLocaleString('en-GB')} subscribers added.` }}
      />
      {found.status === 'PREVIEW' && (
        <>
          <p className="mt-2 max-w-2xl">
            Checked {checked}. Nothing has been added yet. Of {rows(found.rowCount)}, {rows(found.accepted.length)} can be added and{' '}
            {rows(found.rejected.length)} will be left out.
          </p>
          <DetailSection id="add" title="Add these subscribers" className="mt-8">
            {found.accepted.length === 0 ? (
              <>
                <p className="mt-2">No row in this file can be added. Correct the file, then import it again.</p>
                <DiscardSubscriberImportForm id={found.id} />
              </>
            ) : (
              <>
                <ApplySubscriberImportForm id={found.id} count={found.accepted.length} />
                <DiscardSubscriberImportForm id={found.id} />
              </>
            )}
          </DetailSection>
        </>
      )}
      {found.status === 'APPLIED' && (
        <p className="mt-4 max-w-2xl">
          Checked {checked}; added {found.appliedAt ? formatDateTime(found.appliedAt) : ''}: {rows(found.added ?? 0)} of {rows(found.rowCount)}.{' '}
          <Link href="/admin/subscribers" className="text-[var(--color-brand)] underline">
            See the subscribers
          </Link>
        </p>
      )}
      {found.status === 'DISCARDED' && <p className="mt-4 max-w-2xl">Checked {checked}, then discarded: no one was added.</p>}
      {found.skipped.length > 0 && (
        <DetailSection id="skipped" title={`Left out when added (${rows(found.skipped.length)})`}>
          <p className="mt-2 max-w-2xl">These addresses subscribed, unsubscribed or were stopped between the check and the adding.</p>
          <RejectedRows id="skipped" rows={found.skipped} />
        </DetailSection>
      )}
      {found.rejected.length > 0 && (
        <DetailSection id="rejected" title={`Left out (${rows(found.rejected.length)})`}>
          <RejectedRows id="rejected" rows={found.rejected} />
        </DetailSection>
      )}
      {found.status === 'PREVIEW' && found.accepted.length > 0 && (
        <DetailSection id="accepted" title={`To be added (${rows(found.accepted.length)})`}>
          <AcceptedRows id="accepted" rows={found.accepted} />
        </DetailSection>
      )}
    </>
  );
}
