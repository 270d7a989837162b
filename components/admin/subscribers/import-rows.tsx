import { RecordTable } from '@/components/admin/forms/list-page';
import { streamsLabel } from '@/components/admin/subscribers/labels';
import { IMPORT_REJECTION, type ImportRejection, type ImportRow } from '@/lib/validation/subscriber-import';

// The tables of the import preview: the rows left out (every one, with the reason)
// and the rows that would be added.

export function RejectedRows({ id, rows }: { id: string; rows: ImportRejection[] }) {
  // Object.groupBy is Node 21+.
  const byReason = new Map<keyof typeof IMPORT_REJECTION, number>();
  for (const r of rows) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
  return (
    <>
      <ul className="mt-2 list-disc pl-6">
        {[...byReason].map(([reason, count]) => (
          <li key={reason}>
            {IMPORT_REJECTION[reason]}: {count.toLocaleString('en-GB')}
          </li>
        ))}
      </ul>
      <RecordTable
        labelledBy={`${id}-heading`}
        rows={rows}
        rowKey={(r) => `${r.line}-${r.reason}`}
        columns={[
          { header: 'Line', cell: (r) => r.line },
          { header: 'Email address as written', cell: (r) => r.value || <span className="text-[var(--color-muted)]">(empty)</span>, className: 'break-all' },
          { header: 'Why it was left out', cell: (r) => `${IMPORT_REJECTION[r.reason]}${r.detail ? `: ${r.detail}` : ''}` },
        ]}
      />
    </>
  );
}

const SHOWN = 200;

export function AcceptedRows({ id, rows }: { id: string; rows: ImportRow[] }) {
  return (
    <>
      {rows.length > SHOWN && <p className="mt-2">The first {SHOWN} of {rows.length.toLocaleString('en-GB')} rows:</p>}
      <RecordTable
        labelledBy={`${id}-heading`}
        rows={rows.slice(0, SHOWN)}
        rowKey={(r) => String(r.line)}
        columns={[
          { header: 'Line', cell: (r) => r.line },
          { header: 'Email address', cell: (r) => r.email, className: 'break-all' },
          { header: 'Will receive', cell: (r) => streamsLabel(r) },
        ]}
      />
    </>
  );
}
