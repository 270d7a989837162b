import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { EventForm } from '@/components/admin/events/event-form';
import { newEventValues } from '@/components/admin/events/form-values';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { eventFormOptions } from '@/lib/data/events-admin';
import { getEventListSection } from '@/lib/data/section-events';

export const metadata: Metadata = { title: 'Add an event' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A new event; with `?sectionId=` it is added to that event-list section when saved. */
export default async function NewEventPage({ searchParams }: Props) {
  const { sectionId: raw } = await searchParams;
  const sectionId = typeof raw === 'string' && raw ? raw : null;
  const user = await requireUser(sectionId ? `/admin/events/new?sectionId=${encodeURIComponent(sectionId)}` : '/admin/events/new');
  if (!can(user, 'event:create') || !can(user, 'event:read')) return <AccessDenied what="the event editor" />;
  let section: Awaited<ReturnType<typeof getEventListSection>> = null;
  if (sectionId) {
    if (!z.uuid().safeParse(sectionId).success) notFound();
    if (!can(user, 'section:update')) return <AccessDenied what="this section" />;
    section = await getEventListSection(user, sectionId);
    if (!section || section.kind !== 'EVENT_LIST') notFound();
  }
  const { organisations, people, topics } = await eventFormOptions(user);
  const sectionPath = section ? `/admin/issues/${section.issueId}/sections/${section.id}` : null;
  return (
    <>
      <Breadcrumbs
        items={
          section
            ? [
                { href: '/admin', label: 'Dashboard' },
                { href: `/admin/issues/${section.issueId}`, label: section.issue.title },
                { href: sectionPath!, label: section.title },
                { label: 'Add an event' },
              ]
            : [{ href: '/admin', label: 'Dashboard' }, { href: '/admin/events', label: 'Events' }, { label: 'Add an event' }]
        }
      />
      <h1 className="text-3xl font-bold">Add an event</h1>
      {section && (
        <p className="mt-2 max-w-2xl">
          When you create it, the event is added to the end of “{section.title}” in {section.issue.title}.
        </p>
      )}
      <EventForm
        initial={newEventValues()}
        sectionId={section?.id}
        organisations={organisations}
        people={people.map((p) => ({ id: p.id, name: p.name, detail: [p.jobTitle, p.organisation?.name].filter(Boolean).join(', ') }))}
        cancelHref={sectionPath ?? '/admin/events'}
        canInsertImage={can(user, 'media:read')}
        topics={topics}
      />
    </>
  );
}
