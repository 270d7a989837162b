import Link from 'next/link';
import { formatDate } from '@/lib/dates';
import { KIND_LABEL, type ContributionKind, type ContributionStatus } from '@/lib/validation/contributions';
import { StatusTag } from './status-tag';

export type ContributionRow = {
  id: string;
  kind: ContributionKind;
  status: ContributionStatus;
  title: string;
  declineReason: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
  organisation: { name: string };
  submittedBy: { name: string };
  reviewedBy?: { name: string } | null;
};

/**
 * Submissions as a table. `show` picks the columns: the contributor's own list shows
 * the decline reason; the editor's queue shows who sent it; decisions show who decided.
 */
export function ContributionTable({
  rows,
  caption,
  show,
}: {
  rows: ContributionRow[];
  caption: string;
  show: 'mine' | 'queue' | 'decided';
}) {
  return (
    <table className="mt-4 w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-gray-800">
          <th scope="col" className="py-2 pr-4">Title</th>
          <th scope="col" className="py-2 pr-4">Type</th>
          {show !== 'mine' && <th scope="col" className="py-2 pr-4">From</th>}
          <th scope="col" className="py-2 pr-4">{show === 'decided' ? 'Decided' : 'Submitted'}</th>
          <th scope="col" className="py-2 pr-4">Status</th>
          {show === 'mine' && <th scope="col" className="py-2 pr-4">Reason if declined</th>}
          {show === 'decided' && <th scope="col" className="py-2 pr-4">By</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const when = show === 'decided' && r.reviewedAt ? r.reviewedAt : r.createdAt;
          return (
            <tr key={r.id} className="border-b border-gray-300 align-top">
              <td className="py-2 pr-4">
                <Link href={`/admin/contributions/${r.id}`} className="inline-flex min-h-11 items-center text-[var(--color-brand)] underline">
                  {r.title}
                </Link>
              </td>
              <td className="py-2 pr-4">{KIND_LABEL[r.kind]}</td>
              {show !== 'mine' && (
                <td className="py-2 pr-4">
                  {r.submittedBy.name}, {r.organisation.name}
                </td>
              )}
              <td className="py-2 pr-4">
                <time dateTime={when.toISOString()}>{formatDate(when, { weekday: false })}</time>
              </td>
              <td className="py-2 pr-4">
                <StatusTag status={r.status} />
              </td>
              {show === 'mine' && <td className="py-2 pr-4">{r.status === 'DECLINED' ? r.declineReason : ''}</td>}
              {show === 'decided' && <td className="py-2 pr-4">{r.reviewedBy?.name ?? 'Unknown'}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
