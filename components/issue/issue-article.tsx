import type { ReactNode } from 'react';
import { EventCard } from '@/components/event-card';
import type { PublishedIssue } from '@/lib/data/issues';
import { formatMonth } from '@/lib/dates';
import { countWords, readingMinutes, richTextToPlain } from '@/lib/rich-text/plain-text';
import { uniqueSlugs } from '@/lib/slug';
import { IssueSection } from './issue-section';

/** The shape of lib/data/issues.ts `issueArticleSelect`: a published issue, or a draft being previewed. */
export type IssueArticleData = PublishedIssue;

/**
 * A whole issue as readers see it: header with contents, then every section with
 * its events. The public issue page and the admin preview both render this, so the
 * preview is the real thing. `actions` sit under the summary (share buttons),
 * `footer` closes the article (links to other issues).
 */
export function IssueArticle({
  issue,
  now,
  actions,
  footer,
}: {
  issue: IssueArticleData;
  now: Date;
  actions?: ReactNode;
  footer?: ReactNode;
}) {
  const anchors = uniqueSlugs(issue.sections.map((s) => s.title));
  const words = issue.sections.reduce(
    (n, s) =>
      n +
      countWords(`${s.title} ${richTextToPlain(s.body)}`) +
      s.events.reduce((m, { event }) => m + countWords(`${event.title} ${richTextToPlain(event.description)}`), 0),
    0,
  );

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
        {actions && <div className="mt-4">{actions}</div>}
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

      {issue.sections.map((section, i) => (
        <IssueSection key={section.id} section={section} anchor={anchors[i]}>
          {section.events.length > 0 && (
            <ul className="mt-6 space-y-6">
              {section.events.map(({ event }) => (
                <li key={event.id}>
                  <EventCard event={event} headingLevel={3} now={now} />
                </li>
              ))}
            </ul>
          )}
        </IssueSection>
      ))}

      {footer}
    </article>
  );
}
