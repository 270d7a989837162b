import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { ListPage, Missing, RowLink } from '@/components/admin/forms/list-page';
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
    <ListPage
      title="People"
      intro="Authors, intro signatories and event presenters named in the bulletin."
      done={params.done === 'deleted' ? 'Person deleted.' : null}
      add={can(user, 'person:create') ? { href: '/admin/people/new', label: 'Add a person' } : null}
      search={{ action: '/admin/people', label: 'Search by name', q, idPrefix: 'people-search' }}
      heading={
        q
          ? `${total} ${total === 1 ? 'person matches' : 'people match'} “${q}”`
          : `${total} ${total === 1 ? 'person' : 'people'}`
      }
      rows={people}
      rowKey={(p) => p.id}
      empty={q ? 'No one matches your search. Check the spelling or search for part of the name.' : 'No people yet.'}
      columns={[
        {
          header: 'Name',
          cell: (p) => (
            <RowLink href={`/admin/people/${p.id}`}>
              {p.name}
              {canEdit ? <span className="sr-only">, edit</span> : null}
            </RowLink>
          ),
        },
        { header: 'Job title', cell: (p) => p.jobTitle ?? <Missing>Not given</Missing> },
        { header: 'Organisation', cell: (p) => p.organisation?.name ?? <Missing>None</Missing> },
      ]}
      pager={{ basePath: '/admin/people', q, page, pageCount }}
    />
  );
}
