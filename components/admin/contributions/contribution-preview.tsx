import { EventDetails, EventSessions } from '@/components/event-card';
import { IssueSection } from '@/components/issue/issue-section';
import { RichText } from '@/components/rich-text';
import type { EventCard } from '@/lib/data/event-select';

/**
 * A submission as readers would see it, through the public components: an article
 * as an issue section with its organisation byline, an event with the event card's
 * sessions and details. Headings start at h3 (the page's "Preview" is an h2).
 */
export function ContributionPreview({
  kind,
  title,
  body,
  organisation,
  event,
}: {
  kind: 'ARTICLE' | 'EVENT';
  title: string;
  body: unknown;
  organisation: string;
  event: EventCard | null;
}) {
  if (kind === 'ARTICLE') {
    return (
      <IssueSection
        section={{ title, body, signOff: null, signatory: null, bylines: [], bylineOrganisation: { name: organisation } }}
        headingLevel={3}
        className="mt-4"
      />
    );
  }
  if (!event) {
    return (
      <p className="mt-4 border-l-4 border-red-700 pl-3">
        The event’s details no longer pass the checks, so it cannot be previewed or accepted. Decline it with a reason so it can be
        submitted again.
      </p>
    );
  }
  return (
    <article aria-label={title} className="mt-4 rounded border border-gray-400 p-4">
      <h3 className="text-lg font-bold">{title}</h3>
      {event.saveTheDate && <p className="mt-1 font-bold">Save the date</p>}
      <EventSessions sessions={event.sessions} className="mt-2 space-y-1" />
      <EventDetails event={event} detailed className="mt-3 text-sm" />
      <RichText doc={event.description} headingOffset={2} className="mt-2" />
      {(event.registrationUrl || event.registrationContact) && (
        <p className="mt-3">
          <span className="font-bold">How to book: </span>
          {event.registrationUrl ?? event.registrationContact}
        </p>
      )}
    </article>
  );
}
