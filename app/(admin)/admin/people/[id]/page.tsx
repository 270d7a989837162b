import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { DoneBanner } from '@/components/admin/forms/search-form';
import { DeletePersonForm } from '@/components/admin/people/delete-person-form';
import { MergePersonForm } from '@/components/admin/people/merge-person-form';
import { PersonForm } from '@/components/admin/people/person-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { organisationOptions } from '@/lib/data/organisations';
import { getPerson, personOptions } from '@/lib/data/people';
import { isUuidParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Person' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Record<string, string> = { created: 'Person added.', merged: 'Duplicate merged into this person.' };

export default async function PersonPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/people/${id}`);
  if (!can(user, 'person:read')) return <AccessDenied what="people" />;
  if (!isUuidParam(id)) notFound();
  const person = await getPerson(user, id);
  if (!person) notFound();
  const done = (await searchParams).done;
  const canUpdate = can(user, 'person:update');
  const refs = person._count;
  const referenced = refs.bylines + refs.presentations + refs.signedSections > 0 || !!person.user;

  const [organisations, others] = canUpdate
    ? await Promise.all([organisationOptions(user), personOptions(user)])
    : [[], []];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/admin', label: 'Dashboard' },
          { href: '/admin/people', label: 'People' },
          { label: person.name },
        ]}
      />
      <h1 className="text-3xl font-bold">{person.name}</h1>
      <DoneBanner message={typeof done === 'string' && Object.hasOwn(DONE, done) ? DONE[done]! : null} />

      <section aria-labelledby="used-heading" className="mt-8">
        <h2 id="used-heading" className="text-2xl font-bold">
          Where they appear
        </h2>
        <ul className="mt-2 list-disc pl-6">
          <li>
            {refs.bylines} {refs.bylines === 1 ? 'byline' : 'bylines'}
          </li>
          <li>
            {refs.presentations} {refs.presentations === 1 ? 'event' : 'events'} as a presenter
          </li>
          <li>
            {refs.signedSections} {refs.signedSections === 1 ? 'intro' : 'intros'} as the signatory
          </li>
          <li>
            {person.user
              ? person.user.email
                ? `Linked to the user account ${person.user.email}`
                : 'Linked to a user account'
              : 'No linked user account'}
          </li>
        </ul>
      </section>

      {canUpdate ? (
        <>
          <section aria-labelledby="details-heading" className="mt-10">
            <h2 id="details-heading" className="text-2xl font-bold">
              Details
            </h2>
            <PersonForm
              person={{
                id: person.id,
                name: person.name,
                jobTitle: person.jobTitle,
                organisationId: person.organisationId,
              }}
              organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
          </section>
          <section aria-labelledby="merge-heading" className="mt-10">
            <h2 id="merge-heading" className="text-2xl font-bold">
              Merge a duplicate
            </h2>
            <p className="mt-2 max-w-2xl">
              If {person.name} is a duplicate of someone else, merge them into the record you want to keep.
            </p>
            <MergePersonForm
              id={person.id}
              name={person.name}
              others={others
                .filter((o) => o.id !== person.id)
                .map((o) => ({
                  value: o.id,
                  label: [o.name, o.jobTitle, o.organisation?.name].filter(Boolean).join(' – '),
                }))}
            />
          </section>
        </>
      ) : (
        <section aria-labelledby="details-heading" className="mt-10">
          <h2 id="details-heading" className="text-2xl font-bold">
            Details
          </h2>
          <dl className="mt-2 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt className="font-bold">Job title</dt>
            <dd>{person.jobTitle ?? 'Not given'}</dd>
            <dt className="font-bold">Organisation</dt>
            <dd>{person.organisation?.name ?? 'None'}</dd>
          </dl>
        </section>
      )}

      {can(user, 'person:delete') && (
        <section aria-labelledby="delete-heading" className="mt-10">
          <h2 id="delete-heading" className="text-2xl font-bold">
            Delete
          </h2>
          {referenced ? (
            <p className="mt-2 max-w-2xl">
              {person.name} cannot be deleted while they are named in the bulletin or linked to a user account. Merge
              them into another person instead.
            </p>
          ) : (
            <>
              <p className="mt-2 max-w-2xl">
                {person.name} is not named anywhere, so they can be deleted. This cannot be undone.
              </p>
              <DeletePersonForm id={person.id} name={person.name} />
            </>
          )}
        </section>
      )}
    </>
  );
}
