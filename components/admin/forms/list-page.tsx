import Link from 'next/link';
import type { ReactNode } from 'react';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { Pagination } from '@/components/admin/forms/pagination';
import { DoneBanner, ListSearchForm } from '@/components/admin/forms/search-form';

// The shell the admin lists share (people, organisations, users): the page heading
// under the dashboard, an "add" link, an optional GET search, the count heading that
// labels the table, the table or an empty message, and the pager.

export type ListColumn<T> = { header: string; cell: (row: T) => ReactNode; className?: string };

type Props<T> = {
  title: string;
  intro: ReactNode;
  done?: string | null;
  add?: { href: string; label: string } | null;
  search?: Parameters<typeof ListSearchForm>[0];
  /** Above the search: figures about the whole list. */
  summary?: ReactNode;
  /** Links beside the "add" link (import, export). */
  more?: ReactNode;
  heading: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: ListColumn<T>[];
  empty: string;
  pager?: Omit<Parameters<typeof Pagination>[0], 'label'>;
};

export function ListPage<T>({ title, intro, done, add, more, summary, search, heading, rows, rowKey, columns, empty, pager }: Props<T>) {
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin', label: 'Dashboard' }, { label: title }]} />
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-2 max-w-2xl">{intro}</p>
      <DoneBanner message={done ?? null} />
      {(add || more) && (
        <p className="mt-6 flex flex-wrap items-center gap-4">
          {add && (
            <Link
              href={add.href}
              className="inline-flex min-h-11 items-center rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]"
            >
              {add.label}
            </Link>
          )}
          {more}
        </p>
      )}
      {summary}
      {search && <ListSearchForm {...search} />}
      <h2 className="mt-8 text-2xl font-bold" id="results-heading">
        {heading}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2">{empty}</p>
      ) : (
        <RecordTable labelledBy="results-heading" rows={rows} rowKey={rowKey} columns={columns} />
      )}
      {pager && <Pagination {...pager} label={title} />}
    </>
  );
}

/** A table of records, one column per `columns` entry, labelled by a heading's id. */
export function RecordTable<T>({ labelledBy, rows, rowKey, columns }: { labelledBy: string; rows: readonly T[]; rowKey: (row: T) => string; columns: ListColumn<T>[] }) {
  return (
    <table className="mt-4 w-full border-collapse text-left" aria-labelledby={labelledBy}>
      <thead>
        <tr className="border-b-2 border-gray-800">
          {columns.map((c) => (
            <th key={c.header} scope="col" className="py-2 pr-4">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-b border-gray-300">
            {columns.map((c) => (
              <td key={c.header} className={c.className ? `py-2 pr-4 ${c.className}` : 'py-2 pr-4'}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The link from a list row to its record. */
export function RowLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="inline-flex min-h-11 items-center text-[var(--color-brand)] underline">
      {children}
    </Link>
  );
}

/** A value the record does not have, shown muted. */
export function Missing({ children }: { children: ReactNode }) {
  return <span className="text-[var(--color-muted)]">{children}</span>;
}
