import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EventForm } from '@/components/admin/events/event-form';
import { eventValues } from '@/components/admin/events/form-values';
import { modeLabel, sessionSummary, STATUS_LABEL } from '@/components/admin/events/summary';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { DoneBanner } from '@/components/admin/forms/search-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { eventFormOptions, getEventForEdit } from '@/lib/data/events-admin';
import { isUuidParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Edit event' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Record<string, string> = { created: 'Event created.', saved: 'Event saved.' };
const LINK = 'text-[var(--color-brand)] underline';

export default async function EventPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/events/${id}`);
  if (!can(user, 'event:read')) return <AccessDenied what="events" />;
  if (!isUuidParam(id)) notFound();
  const event = await getEventForEdit(user, id);
  if (!event) notFound();
  const done = (await searchParams).done;
  const canUpdate = can(user, 'event:update');
  const options = canUpdate ? await eventFormOptions(user) : null;
  const published = event.sections.filter((s) => s.section.issue.status === 'PUBLISHED');
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin', label: 'Dashboard' }, { href: '/admin/events', label: 'Events' }, { label: event.title }]} />
      <h1 className="text-3xl font-bold">{canUpdate ? `Edit “${event.title}”` : event.title}</h1>
      <DoneBanner message={typeof done === 'string' && Object.hasOwn(DONE, done) ? DONE[done]! : null} />

      <section aria-labelledby="appears-heading" className="mt-8">
        <h2 id="appears-heading" className="text-2xl font-bold">
          Where it appears
        </h2>
        {event.sections.length === 0 ? (
          <p className="mt-2">This event is not in any issue yet. Add it from an event-list section of an issue.</p>
        ) : (
          <ul className="mt-2 list-disc pl-6">
            {event.sections.map((s) => (
              <li key={s.section.id}>
                <Link href={`/admin/issues/${s.section.issue.id}/sections/${s.section.id}`} className={LINK}>
                  {s.section.title}
                </Link>{' '}
                in {s.section.issue.title} ({STATUS_LABEL[s.section.issue.status] ?? s.section.issue.status})
              </li>
            ))}
          </ul>
        )}
        {published.length > 0 && (
          <p className="mt-2">
            <a href={`/events/${event.slug}`} className={LINK}>
              View the public page
            </a>{' '}
            (changes you save appear there straight away)
          </p>
        )}
      </section>

      {canUpdate && options ? (
        <EventForm
          key={event.version}
          initial={eventValues(event)}
          event={{ id: event.id, version: event.version }}
          organisations={options.organisations}
          people={options.people.map((p) => ({ id: p.id, name: p.name, detail: [p.jobTitle, p.organisation?.name].filter(Boolean).join(', ') }))}
          cancelHref="/admin/events"
          canInsertImage={can(user, 'media:read')}
          topics={options.topics}
        />
      ) : (
        <section aria-labelledby="details-heading" className="mt-8">
          <h2 id="details-heading" className="text-2xl font-bold">
            Details
          </h2>
          <dl className="mt-2 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt className="font-bold">When</dt>
            <dd>{sessionSummary(event.sessions)}</dd>
            <dt className="font-bold">How</dt>
            <dd>{modeLabel(event.mode)}</dd>
            <dt className="font-bold">Cost</dt>
            <dd>{event.isFree ? 'Free' : event.cost}</dd>
          </dl>
        </section>
      )}

      {can(user, 'event:delete') && (
        <section aria-labelledby="delete-heading" className="mt-12">
          <h2 id="delete-heading" className="text-2xl font-bold">
            Delete this event
          </h2>
          {published.length > 0 ? (
            <p className="mt-2 max-w-2xl">
              This event cannot be deleted while it is in a published issue. Remove it from that issue’s section first.
            </p>
          ) : (
            <p className="mt-2">
              <Link href={`/admin/events/${event.id}/delete`} className="inline-flex min-h-11 items-center text-red-800 underline">
                Delete “{event.title}”
              </Link>
            </p>
          )}
        </section>
      )}
    </>
  );
}
