import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { DetailBanner, DetailList, DetailSection } from '@/components/admin/forms/detail-page';
import { MergeForm } from '@/components/admin/forms/merge-form';
import { DeletePersonForm } from '@/components/admin/people/delete-person-form';
import { PersonForm } from '@/components/admin/people/person-form';
import { mergePeople } from '@/lib/actions/people/merge-people';
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
      <DetailBanner list={{ href: '/admin/people', label: 'People' }} name={person.name} done={done} messages={DONE} />

      <DetailSection id="used" title="Where they appear" className="mt-8">
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
      </DetailSection>

      {canUpdate ? (
        <>
          <DetailSection id="details" title="Details">
            <PersonForm
              person={{
                id: person.id,
                name: person.name,
                jobTitle: person.jobTitle,
                organisationId: person.organisationId,
              }}
              organisations={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
          </DetailSection>
          <DetailSection id="merge" title="Merge a duplicate">
            <p className="mt-2 max-w-2xl">
              If {person.name} is a duplicate of someone else, merge them into the record you want to keep.
            </p>
            <MergeForm
              action={mergePeople}
              id={person.id}
              name={person.name}
              emptyLabel="Choose a person"
              hint={`${person.name} will be deleted. Their bylines, presenter entries, intro signatures and user account (if the other person has none) move to the person you choose.`}
              others={others
                .filter((o) => o.id !== person.id)
                .map((o) => ({
                  value: o.id,
                  label: [o.name, o.jobTitle, o.organisation?.name].filter(Boolean).join(' – '),
                }))}
            />
          </DetailSection>
        </>
      ) : (
        <DetailSection id="details" title="Details">
          <DetailList
            items={[
              { term: 'Job title', value: person.jobTitle ?? 'Not given' },
              { term: 'Organisation', value: person.organisation?.name ?? 'None' },
            ]}
          />
        </DetailSection>
      )}

      {can(user, 'person:delete') && (
        <DetailSection id="delete" title="Delete">
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
        </DetailSection>
      )}
    </>
  );
}
