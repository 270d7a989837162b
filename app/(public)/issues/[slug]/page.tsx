import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EventCard } from '@/components/event-card';
import { Signature } from '@/components/issue/signature';
import { RichText } from '@/components/rich-text';
import { ShareButtons } from '@/components/share-buttons';
import { cachedGetIssueNeighbours, cachedGetPublishedIssue } from '@/lib/data/cached';
import type { PublishedSection } from '@/lib/data/issues';
import { formatMonth } from '@/lib/dates';
import { countWords, readingMinutes, richTextToPlain } from '@/lib/rich-text/plain-text';
import { siteUrl, SITE_NAME } from '@/lib/site';
import { uniqueSlugs } from '@/lib/slug';

// Cached HTML, regenerated at least hourly so registration states change on the right day
// (segment config must be a literal; it equals PUBLIC_REVALIDATE_SECONDS).
export const revalidate = 3600;

// Rendered on first request, then served from the cache (ISR).
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await cachedGetPublishedIssue((await params).slug);
  if (!issue) return { title: 'Issue not found' };
  const path = `/issues/${issue.slug}`;
  return {
    title: issue.title,
    description: issue.summary,
    alternates: { canonical: path },
    openGraph: {
      type: 'article',
      title: issue.title,
      description: issue.summary,
      url: path,
      siteName: SITE_NAME,
      publishedTime: issue.publishedAt?.toISOString(),
    },
  };
}

function bylineText(section: PublishedSection): string | null {
  const people = section.bylines.map(({ person }) =>
    [person.name, person.jobTitle, person.organisation?.name].filter(Boolean).join(', '),
  );
  if (people.length) return people.join('; ');
  return section.bylineOrganisation?.name ?? null;
}

export default async function IssuePage({ params }: Props) {
  const issue = await cachedGetPublishedIssue((await params).slug);
  if (!issue) notFound();
  const { previous, next } = await cachedGetIssueNeighbours(issue.month, issue.slug);
  const now = new Date();
  const anchors = uniqueSlugs(issue.sections.map((s) => s.title));
  const words = issue.sections.reduce(
    (n, s) =>
      n +
      countWords(`${s.title} ${richTextToPlain(s.body)}`) +
      s.events.reduce((m, { event }) => m + countWords(`${event.title} ${richTextToPlain(event.description)}`), 0),
    0,
  );
  const url = `${siteUrl()}/issues/${issue.slug}`;

  return (
    <article>
      <header>
        <h1 className="text-3xl font-bold sm:text-4xl">{issue.title}</h1>
        <p className="mt-2 text-[var(--color-muted)]">
          <time dateTime={issue.month.toISOString().slice(0, 7)}>{formatMonth(issue.month)}</time>
          <span aria-hidden="true"> · </span>
          <span>{readingMinutes(words)} minute read</span>
        </p>
        {issue.summary && <p className="mt-4 text-lg">{issue.summary}</p>}
        <div className="mt-4">
          <ShareButtons url={url} title={issue.title} />
        </div>
        <nav aria-labelledby="toc-heading" className="mt-6 rounded bg-gray-100 p-4 print:bg-white">
          <h2 id="toc-heading" className="text-lg font-bold">
            Contents
          </h2>
          <ol className="mt-2 list-decimal space-y-1 pl-6">
            {issue.sections.map((section, i) => (
              <li key={section.id}>
                <a href={`#${anchors[i]}`} className="text-[var(--color-brand)] underline hover:decoration-2">
                  {section.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </header>

      {issue.sections.map((section, i) => {
        const byline = bylineText(section);
        return (
          <section key={section.id} aria-labelledby={anchors[i]} className="mt-10 scroll-mt-4">
            <h2 id={anchors[i]} className="text-2xl font-bold">
              {section.title}
            </h2>
            {byline && <p className="mt-1 text-sm text-[var(--color-muted)]">By {byline}</p>}
            <RichText doc={section.body} headingOffset={1} />
            {section.signatory && <Signature signOff={section.signOff} signatory={section.signatory} />}
            {section.events.length > 0 && (
              <ul className="mt-6 space-y-6">
                {section.events.map(({ event }) => (
                  <li key={event.id}>
                    <EventCard event={event} headingLevel={3} now={now} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}

      <nav aria-label="Other issues" className="mt-12 flex flex-wrap justify-between gap-4 border-t border-gray-300 pt-6 print:hidden">
        {previous ? (
          <Link href={`/issues/${previous.slug}`} rel="prev" className="text-[var(--color-brand)] underline">
            <span aria-hidden="true">← </span>Previous issue: {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link href={`/issues/${next.slug}`} rel="next" className="text-[var(--color-brand)] underline">
            Next issue: {next.title}
            <span aria-hidden="true"> →</span>
          </Link>
        )}
      </nav>
    </article>
  );
}
