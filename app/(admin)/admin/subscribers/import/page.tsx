import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { DetailBanner, DetailSection } from '@/components/admin/forms/detail-page';
import { RecordTable, RowLink } from '@/components/admin/forms/list-page';
import { SubscriberImportUpload } from '@/components/admin/subscribers/import-forms';
import { IMPORT_STATUS_LABEL } from '@/components/admin/subscribers/labels';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/dates';
import { recentSubscriberImports } from '@/lib/data/subscriber-imports';

export const metadata: Metadata = { title: 'Import subscribers' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportSubscribersPage({ searchParams }: Props) {
  const user = await requireUser('/admin/subscribers/import');
  if (!can(user, 'subscriber:import')) return <AccessDenied what="the subscriber import" />;
  const [{ done }, recent] = await Promise.all([searchParams, recentSubscriberImports(user)]);
  return (
    <>
      <DetailBanner
        list={{ href: '/admin/subscribers', label: 'Subscribers' }}
        name="Import subscribers"
        done={done}
        messages={{ discarded: 'Import discarded. No one was added.' }}
      />
      <p className="mt-2 max-w-2xl">
        Bring in an existing mailing list. The file is checked first: you see every row that would be added and every row left out, and why,
        before anyone is added. Addresses that unsubscribed or were stopped are never added back.
      </p>
      <SubscriberImportUpload />
      <DetailSection id="recent" title="Recent imports">
        {recent.length === 0 ? (
          <p className="mt-2">No imports yet.</p>
        ) : (
          <RecordTable
            labelledBy="recent-heading"
            rows={recent}
            rowKey={(i) => i.id}
            columns={[
              { header: 'File', cell: (i) => <RowLink href={`/admin/subscribers/import/${i.id}`}>{i.fileName}</RowLink>, className: 'break-all' },
              { header: 'Checked', cell: (i) => formatDateTime(i.createdAt) },
              { header: 'By', cell: (i) => i.createdBy?.name ?? 'A former user' },
              { header: 'Outcome', cell: (i) => `${IMPORT_STATUS_LABEL[i.status]}${i.status === 'APPLIED' ? `: ${i.added ?? 0} of ${i.rowCount} rows added` : ''}` },
            ]}
          />
        )}
      </DetailSection>
    </>
  );
}
