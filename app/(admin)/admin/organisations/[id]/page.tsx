import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { DetailBanner, DetailList, DetailSection } from '@/components/admin/forms/detail-page';
import { MergeForm } from '@/components/admin/forms/merge-form';
import { OrganisationForm } from '@/components/admin/organisations/organisation-form';
import { mergeOrganisations } from '@/lib/actions/organisations/merge-organisations';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getOrganisation, organisationOptions } from '@/lib/data/organisations';
import { ORGANISATION_KIND_LABEL } from '@/lib/validation/organisations';
import { isUuidParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Organisation' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Record<string, string> = {
  created: 'Organisation added.',
  merged: 'Duplicate merged into this organisation.',
};

export default async function OrganisationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/organisations/${id}`);
  if (!can(user, 'organisation:read')) return <AccessDenied what="organisations" />;
  if (!isUuidParam(id)) notFound();
  const organisation = await getOrganisation(user, id);
  if (!organisation) notFound();
  const done = (await searchParams).done;
  const canUpdate = can(user, 'organisation:update');
  const others = canUpdate ? await organisationOptions(user) : [];
  const c = organisation._count;
  return (
    <>
      <DetailBanner list={{ href: '/admin/organisations', label: 'Organisations' }} name={organisation.name} done={done} messages={DONE} />
      <DetailSection id="used" title="Where it appears" className="mt-8">
        <ul className="mt-2 list-disc pl-6">
          <li>
            {c.people} {c.people === 1 ? 'person' : 'people'}
          </li>
          <li>
            {c.users} {c.users === 1 ? 'user' : 'users'}
          </li>
          <li>
            {c.organisedEvents} organised {c.organisedEvents === 1 ? 'event' : 'events'}
          </li>
          <li>
            {c.bylinedSections} {c.bylinedSections === 1 ? 'section byline' : 'section bylines'}
          </li>
        </ul>
      </DetailSection>
      {canUpdate ? (
        <>
          <DetailSection id="details" title="Details">
            <OrganisationForm organisation={organisation} />
          </DetailSection>
          <DetailSection id="merge" title="Merge a duplicate">
            <p className="mt-2 max-w-2xl">
              If {organisation.name} is a duplicate, merge it into the organisation you want to keep.
            </p>
            <MergeForm
              action={mergeOrganisations}
              id={organisation.id}
              name={organisation.name}
              emptyLabel="Choose an organisation"
              hint={`${organisation.name} will be deleted. Its people, users, events it organises and section bylines move to the organisation you choose.`}
              others={others
                .filter((o) => o.id !== organisation.id)
                .map((o) => ({ value: o.id, label: o.shortName ? `${o.name} (${o.shortName})` : o.name }))}
            />
          </DetailSection>
        </>
      ) : (
        <DetailSection id="details" title="Details">
          <DetailList
            items={[
              { term: 'Short name', value: organisation.shortName ?? 'None' },
              { term: 'Kind', value: ORGANISATION_KIND_LABEL[organisation.kind] },
              { term: 'Website', value: organisation.website ?? 'None', breakAll: true },
            ]}
          />
        </DetailSection>
      )}
    </>
  );
}
