import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { ListPage, Missing, RowLink } from '@/components/admin/forms/list-page';
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
    <ListPage
      title="Organisations"
      intro="The region’s councils and trusts, and the partners and networks the bulletin names."
      add={can(user, 'organisation:create') ? { href: '/admin/organisations/new', label: 'Add an organisation' } : null}
      search={{ action: '/admin/organisations', label: 'Search by name or short name', q, idPrefix: 'organisations-search' }}
      heading={
        q
          ? `${total} ${total === 1 ? 'organisation matches' : 'organisations match'} “${q}”`
          : `${total} ${total === 1 ? 'organisation' : 'organisations'}`
      }
      rows={organisations}
      rowKey={(o) => o.id}
      empty={q ? 'No organisation matches your search.' : 'No organisations yet.'}
      columns={[
        { header: 'Name', cell: (o) => <RowLink href={`/admin/organisations/${o.id}`}>{o.name}</RowLink> },
        { header: 'Short name', cell: (o) => o.shortName ?? '' },
        { header: 'Kind', cell: (o) => ORGANISATION_KIND_LABEL[o.kind] },
        { header: 'Website', cell: (o) => o.website ?? <Missing>None</Missing>, className: 'break-all' },
      ]}
      pager={{ basePath: '/admin/organisations', q, page, pageCount }}
    />
  );
}
