import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { Pagination } from '@/components/admin/forms/pagination';
import { DoneBanner, ListSearchForm } from '@/components/admin/forms/search-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listPeople } from '@/lib/data/people';
import { listQuerySchema } from '@/lib/validation/people';

export const metadata: Metadata = { title: 'People' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeoplePage({ searchParams }: Props) {
  const user = await requireUser('/admin/people');
  if (!can(user, 'person:read')) return <AccessDenied what="the list of people" />;
  const params = await searchParams;
  const { q, page } = listQuerySchema.parse(params);
  const { people, total, pageCount } = await listPeople(user, { q, page });
  const canEdit = can(user, 'person:update');
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin', label: 'Dashboard' }, { label: 'People' }]} />
      <h1 className="text-3xl font-bold">People</h1>
      <p className="mt-2 max-w-2xl">Authors, intro signatories and event presenters named in the bulletin.</p>
      <DoneBanner message={params.done === 'deleted' ? 'Person deleted.' : null} />
      {can(user, 'person:create') && (
        <p className="mt-6">
          <Link
            href="/admin/people/new"
            className="inline-flex min-h-11 items-center rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]"
          >
            Add a person
          </Link>
        </p>
      )}
      <ListSearchForm action="/admin/people" label="Search by name" q={q} idPrefix="people-search" />
      <h2 className="mt-8 text-2xl font-bold" id="results-heading">
        {q
          ? `${total} ${total === 1 ? 'person matches' : 'people match'} “${q}”`
          : `${total} ${total === 1 ? 'person' : 'people'}`}
      </h2>
      {people.length === 0 ? (
        <p className="mt-2">
          {q ? 'No one matches your search. Check the spelling or search for part of the name.' : 'No people yet.'}
        </p>
      ) : (
        <table className="mt-4 w-full border-collapse text-left" aria-labelledby="results-heading">
          <thead>
            <tr className="border-b-2 border-gray-800">
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4">
                Job title
              </th>
              <th scope="col" className="py-2 pr-4">
                Organisation
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">
                  <Link
                    href={`/admin/people/${p.id}`}
                    className="inline-flex min-h-11 items-center text-[var(--color-brand)] underline"
                  >
                    {p.name}
                    {canEdit ? <span className="sr-only">, edit</span> : null}
                  </Link>
                </td>
                <td className="py-2 pr-4">
                  {p.jobTitle ?? <span className="text-[var(--color-muted)]">Not given</span>}
                </td>
                <td className="py-2 pr-4">
                  {p.organisation?.name ?? <span className="text-[var(--color-muted)]">None</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination basePath="/admin/people" q={q} page={page} pageCount={pageCount} label="People" />
    </>
  );
}
