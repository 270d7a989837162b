import Link from 'next/link';
import { Suspense } from 'react';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { listEventsAdmin } from '@/lib/data/events-admin';
import { getEventListSection, listSectionEvents } from '@/lib/data/section-events';
import { AddExistingEventForm, EventAddedBanner, MoveSectionEventButtons, RemoveSectionEventButton } from './section-event-controls';
import { modeLabel, sessionSummary } from './summary';

const LINK = 'text-[var(--color-brand)] underline';
const MAX_CHOICES = 500;

/**
 * The events of an EVENT_LIST section, in order, with move up/down and remove; a
 * search to add an existing event; and a link to create a new one here.
 */
export async function SectionEventsPanel({ user, issueId, sectionId }: { user: SessionUser; issueId: string; sectionId: string }) {
  if (!can(user, 'event:read') || !can(user, 'section:read')) return null;
  const section = await getEventListSection(user, sectionId);
  if (!section || section.issueId !== issueId || section.kind !== 'EVENT_LIST') return null;
  const canEdit = can(user, 'section:update');
  const [events, candidates] = await Promise.all([
    listSectionEvents(user, sectionId),
    canEdit ? listEventsAdmin(user, { q: '', when: 'all', page: 1, excludeSectionId: sectionId, pageSize: MAX_CHOICES }) : null,
  ]);
  return (
    <section id="section-events" aria-labelledby="section-events-heading" className="mt-10" tabIndex={-1}>
      <h2 id="section-events-heading" className="text-2xl font-bold">
        Events in this section
      </h2>
      <Suspense fallback={null}>
        <EventAddedBanner />
      </Suspense>
      {events.length === 0 ? (
        <p className="mt-2">No events yet.</p>
      ) : (
        <ol className="mt-4 space-y-3" aria-labelledby="section-events-heading">
          {events.map((e, i) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-4 rounded border-2 border-gray-300 p-3">
              <div>
                <Link href={`/admin/events/${e.id}`} className={`${LINK} font-bold`}>
                  {e.title}
                </Link>
                <p className="text-[var(--color-muted)]">
                  {sessionSummary(e.sessions)} · {modeLabel(e.mode)}
                </p>
              </div>
              {canEdit && (
                <div className="flex flex-wrap items-center gap-2">
                  <MoveSectionEventButtons sectionId={sectionId} eventId={e.id} title={e.title} isFirst={i === 0} isLast={i === events.length - 1} />
                  <RemoveSectionEventButton sectionId={sectionId} eventId={e.id} title={e.title} />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <>
          {can(user, 'event:create') && (
            <p className="mt-6">
              <Link
                href={`/admin/events/new?sectionId=${sectionId}`}
                className="inline-flex min-h-11 items-center rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]"
              >
                Create a new event here
              </Link>
            </p>
          )}
          <h3 className="mt-8 text-xl font-bold">Add an existing event</h3>
          {candidates && candidates.events.length > 0 ? (
            <AddExistingEventForm
              key={events.map((e) => e.id).join()}
              sectionId={sectionId}
              choices={candidates.events.map((c) => ({ id: c.id, title: c.title, when: sessionSummary(c.sessions) }))}
            />
          ) : (
            <p className="mt-2">Every event is already in this section.</p>
          )}
        </>
      )}
      <p className="mt-6">
        <Link href={`/admin/events`} className={LINK}>
          All events
        </Link>
      </p>
    </section>
  );
}
