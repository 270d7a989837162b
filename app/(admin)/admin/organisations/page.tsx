import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { Pagination } from '@/components/admin/forms/pagination';
import { ListSearchForm } from '@/components/admin/forms/search-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listOrganisations } from '@/lib/data/organisations';
import { ORGANISATION_KIND_LABEL } from '@/lib/validation/organisations';
import { listQuerySchema } from '@/lib/validation/people';

export const metadata: Metadata = { title: 'Organisations' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganisationsPage({ searchParams }: Props) {
  const user = await requireUser('/admin/organisations');
  if (!can(user, 'organisation:read')) return <AccessDenied what="the list of organisations" />;
  const { q, page } = listQuerySchema.parse(await searchParams);
  const { organisations, total, pageCount } = await listOrganisations(user, { q, page });
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin', label: 'Dashboard' }, { label: 'Organisations' }]} />
      <h1 className="text-3xl font-bold">Organisations</h1>
      <p className="mt-2 max-w-2xl">
        The region’s councils and trusts, and the partners and networks the bulletin names.
      </p>
      {can(user, 'organisation:create') && (
        <p className="mt-6">
          <Link
            href="/admin/organisations/new"
            className="inline-flex min-h-11 items-center rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]"
          >
            Add an organisation
          </Link>
        </p>
      )}
      <ListSearchForm
        action="/admin/organisations"
        label="Search by name or short name"
        q={q}
        idPrefix="organisations-search"
      />
      <h2 className="mt-8 text-2xl font-bold" id="results-heading">
        {q
          ? `${total} ${total === 1 ? 'organisation matches' : 'organisations match'} “${q}”`
          : `${total} ${total === 1 ? 'organisation' : 'organisations'}`}
      </h2>
      {organisations.length === 0 ? (
        <p className="mt-2">{q ? 'No organisation matches your search.' : 'No organisations yet.'}</p>
      ) : (
        <table className="mt-4 w-full border-collapse text-left" aria-labelledby="results-heading">
          <thead>
            <tr className="border-b-2 border-gray-800">
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4">
                Short name
              </th>
              <th scope="col" className="py-2 pr-4">
                Kind
              </th>
              <th scope="col" className="py-2 pr-4">
                Website
              </th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id} className="border-b border-gray-300">
                <td className="py-2 pr-4">
                  <Link
                    href={`/admin/organisations/${o.id}`}
                    className="inline-flex min-h-11 items-center text-[var(--color-brand)] underline"
                  >
                    {o.name}
                  </Link>
                </td>
                <td className="py-2 pr-4">{o.shortName ?? ''}</td>
                <td className="py-2 pr-4">{ORGANISATION_KIND_LABEL[o.kind]}</td>
                <td className="py-2 pr-4 break-all">
                  {o.website ?? <span className="text-[var(--color-muted)]">None</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination basePath="/admin/organisations" q={q} page={page} pageCount={pageCount} label="Organisations" />
    </>
  );
}
