import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EventSummary } from '@/components/event-summary';
import { RichText } from '@/components/rich-text';
import { getPublishedIssue, type PublishedSection } from '@/lib/data/issues';
import { formatMonth } from '@/lib/dates';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await getPublishedIssue((await params).slug);
  return issue ? { title: issue.title, description: issue.summary } : { title: 'Issue not found' };
}

function Byline({ section }: { section: PublishedSection }) {
  const people = section.bylines.map(({ person }) =>
    [person.name, person.jobTitle, person.organisation?.name].filter(Boolean).join(', '),
  );
  const names = people.length ? people : section.bylineOrganisation ? [section.bylineOrganisation.name] : [];
  if (names.length === 0) return null;
  return <p className="text-sm text-[var(--color-muted)]">By {names.join('; ')}</p>;
}

export default async function IssuePage({ params }: Props) {
  const issue = await getPublishedIssue((await params).slug);
  if (!issue) notFound();
  return (
    <article>
      <h1 className="text-3xl font-bold">{issue.title}</h1>
      <p className="mt-1 text-[var(--color-muted)]">
        <time dateTime={issue.month.toISOString().slice(0, 7)}>{formatMonth(issue.month)}</time>
      </p>
      {issue.sections.map((section) => (
        <section key={section.id} aria-labelledby={`s-${section.id}`} className="mt-10">
          <h2 id={`s-${section.id}`} className="text-2xl font-bold">
            {section.title}
          </h2>
          <Byline section={section} />
          <RichText doc={section.body} headingOffset={1} />
          {section.signatory && (
            <p className="mt-4">
              {section.signOff && (
                <>
                  {section.signOff}
                  <br />
                </>
              )}
              <strong>{section.signatory.name}</strong>
              {section.signatory.jobTitle && (
                <>
                  <br />
                  {section.signatory.jobTitle}
                  {section.signatory.organisation && `, ${section.signatory.organisation.name}`}
                </>
              )}
            </p>
          )}
          {section.events.length > 0 && (
            <ul className="mt-6 space-y-6">
              {section.events.map(({ event }) => (
                <li key={event.slug}>
                  <EventSummary event={event} headingLevel={3} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </article>
  );
}
