import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { DoneBanner } from '@/components/admin/forms/search-form';
import { MergeOrganisationForm } from '@/components/admin/organisations/merge-organisation-form';
import { OrganisationForm } from '@/components/admin/organisations/organisation-form';
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
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Dashboard' },
          { href: '/admin/organisations', label: 'Organisations' },
          { label: organisation.name },
        ]}
      />
      <h1 className="text-3xl font-bold">{organisation.name}</h1>
      <DoneBanner message={typeof done === 'string' && Object.hasOwn(DONE, done) ? DONE[done]! : null} />
      <section aria-labelledby="used-heading" className="mt-8">
        <h2 id="used-heading" className="text-2xl font-bold">
          Where it appears
        </h2>
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
      </section>
      {canUpdate ? (
        <>
          <section aria-labelledby="details-heading" className="mt-10">
            <h2 id="details-heading" className="text-2xl font-bold">
              Details
            </h2>
            <OrganisationForm organisation={organisation} />
          </section>
          <section aria-labelledby="merge-heading" className="mt-10">
            <h2 id="merge-heading" className="text-2xl font-bold">
              Merge a duplicate
            </h2>
            <p className="mt-2 max-w-2xl">
              If {organisation.name} is a duplicate, merge it into the organisation you want to keep.
            </p>
            <MergeOrganisationForm
              id={organisation.id}
              name={organisation.name}
              others={others
                .filter((o) => o.id !== organisation.id)
                .map((o) => ({ value: o.id, label: o.shortName ? `${o.name} (${o.shortName})` : o.name }))}
            />
          </section>
        </>
      ) : (
        <section aria-labelledby="details-heading" className="mt-10">
          <h2 id="details-heading" className="text-2xl font-bold">
            Details
          </h2>
          <dl className="mt-2 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt className="font-bold">Short name</dt>
            <dd>{organisation.shortName ?? 'None'}</dd>
            <dt className="font-bold">Kind</dt>
            <dd>{ORGANISATION_KIND_LABEL[organisation.kind]}</dd>
            <dt className="font-bold">Website</dt>
            <dd className="break-all">{organisation.website ?? 'None'}</dd>
          </dl>
        </section>
      )}
    </>
  );
}
