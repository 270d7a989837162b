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
  search?: { action: string; label: string; q: string; idPrefix: string };
  heading: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: ListColumn<T>[];
  empty: string;
  pager?: { basePath: string; q: string; page: number; pageCount: number };
};

export function ListPage<T>({ title, intro, done, add, search, heading, rows, rowKey, columns, empty, pager }: Props<T>) {
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin', label: 'Dashboard' }, { label: title }]} />
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-2 max-w-2xl">{intro}</p>
      <DoneBanner message={done ?? null} />
      {add && (
        <p className="mt-6">
          <Link
            href={add.href}
            className="inline-flex min-h-11 items-center rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]"
          >
            {add.label}
          </Link>
        </p>
      )}
      {search && <ListSearchForm {...search} />}
      <h2 className="mt-8 text-2xl font-bold" id="results-heading">
        {heading}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2">{empty}</p>
      ) : (
        <table className="mt-4 w-full border-collapse text-left" aria-labelledby="results-heading">
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
      )}
      {pager && <Pagination {...pager} label={title} />}
    </>
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
