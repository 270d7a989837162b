import Link from 'next/link';
import type { EventSearchHit, IssueResultGroup, SearchResults } from '@/lib/data/search';
import { formatDate, formatMonth } from '@/lib/dates';
import { HighlightedSnippet } from './highlighted-snippet';

const link = 'text-[var(--color-brand)] underline hover:decoration-2';

/** The query as shown in headings: long pastes are shortened (the search box keeps all of it). */
export function displayQuery(query: string, max = 80): string {
  const chars = Array.from(query);
  return chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : query;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The text of the results heading (inside the page's polite live region). */
export function resultsHeadingText(results: SearchResults): string {
  const q = `‘${displayQuery(results.query)}’`;
  if (!results.searchable) return `No words to search for in ${q}`;
  if (results.total === 0) return `No results for ${q}`;
  return `${count(results.total, 'result', 'results')} for ${q}`;
}

function IssueGroup({ group }: { group: IssueResultGroup }) {
  return (
    <section className="mt-8">
      <h2 className="text-2xl font-bold">
        <Link href={`/issues/${group.issue.slug}`} className={link}>
          {group.issue.title}
        </Link>
      </h2>
      <p className="mt-1 text-[var(--color-muted)]">
        Issue of <time dateTime={group.issue.month.toISOString().slice(0, 7)}>{formatMonth(group.issue.month)}</time>
      </p>
      <ul className="mt-3 space-y-5">
        {group.hits.map((hit) => (
          <li key={hit.id}>
            <h3 className="text-xl font-bold">
              <Link href={hit.url} className={link}>
                {hit.title}
              </Link>
            </h3>
            <HighlightedSnippet snippet={hit.snippet} className="mt-1" />
          </li>
        ))}
      </ul>
    </section>
  );
}

function EventGroup({ events, total, now }: { events: EventSearchHit[]; total: number; now: Date }) {
  return (
    <section className="mt-10 border-t border-gray-300 pt-6">
      <h2 id="results-events" className="text-2xl font-bold">
        Events
      </h2>
      <p className="mt-1 text-[var(--color-muted)]">
        {events.length < total
          ? `The ${events.length} most relevant of ${count(total, 'matching event', 'matching events')}`
          : count(total, 'matching event', 'matching events')}
      </p>
      <ul className="mt-3 space-y-5">
        {events.map((event) => {
          const past = event.lastEndsAt !== null && event.lastEndsAt <= now;
          return (
            <li key={event.id}>
              <h3 className="text-xl font-bold">
                <Link href={event.url} className={link}>
                  {event.title}
                </Link>
              </h3>
              {event.firstStartsAt && (
                <p className="mt-1 text-[var(--color-muted)]">
                  {past ? 'Past event' : 'Event'}
                  <span aria-hidden="true"> · </span>
                  <time dateTime={event.firstStartsAt.toISOString()}>{formatDate(event.firstStartsAt)}</time>
                </p>
              )}
              <HighlightedSnippet snippet={event.snippet} className="mt-1" />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Suggestions() {
  return (
    <>
      <p className="mt-4">You could:</p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>check the spelling of your search words</li>
        <li>use fewer words, or more general ones</li>
        <li>remove quotation marks, or words with a minus sign in front of them</li>
        <li>
          browse{' '}
          <Link href="/issues" className={link}>
            all issues
          </Link>{' '}
          or{' '}
          <Link href="/events" className={link}>
            upcoming events
          </Link>
        </li>
      </ul>
    </>
  );
}

/** Everything below the results heading: the groups, or why there are none. */
export function SearchResultsBody({ results, now }: { results: SearchResults; now: Date }) {
  if (results.unsearchable === 'only-exclusions') {
    return (
      <p className="mt-4">
        A word with a minus sign in front of it, like <kbd className="font-mono">-online</kbd>, leaves out results that
        contain it. Add at least one word to search for, for example <kbd className="font-mono">conference -online</kbd>
        .
      </p>
    );
  }
  if (!results.searchable) {
    return (
      <>
        <p className="mt-4">
          Very common words such as ‘the’, ‘and’ or ‘of’, and punctuation, are left out of searches. Search for a more
          specific word, such as a topic, a place or the name of an event.
        </p>
        <Suggestions />
      </>
    );
  }
  if (results.total === 0) return <Suggestions />;

  const shownSections = results.issues.reduce((n, g) => n + g.hits.length, 0);
  return (
    <>
      {(shownSections < results.sectionTotal || (results.events.length > 0 && results.issues.length > 0)) && (
        <div className="mt-3 space-y-1">
          {shownSections < results.sectionTotal && (
            <p>
              Showing the {shownSections} most relevant of{' '}
              {count(results.sectionTotal, 'matching section', 'matching sections')}, newest issue first. Add words to
              narrow your search.
            </p>
          )}
          {results.events.length > 0 && results.issues.length > 0 && (
            <p>
              <a href="#results-events" className={`inline-block min-h-6 ${link}`}>
                Skip to {count(results.eventTotal, 'matching event', 'matching events')}
              </a>
            </p>
          )}
        </div>
      )}
      {results.issues.map((group) => (
        <IssueGroup key={group.issue.slug} group={group} />
      ))}
      {results.events.length > 0 && <EventGroup events={results.events} total={results.eventTotal} now={now} />}
    </>
  );
}

/** Shown when there is no query yet. */
export function SearchPrompt() {
  return (
    <>
      <p className="mt-6 text-lg">Search every published issue of the Regional Update, and the events in them.</p>
      <h2 className="mt-6 text-xl font-bold">Search tips</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>
          Words match their other forms: <kbd className="font-mono">conference</kbd> also finds ‘conferences’.
        </li>
        <li>
          Put a phrase in quotation marks to find the words together:{' '}
          <kbd className="font-mono">&quot;care leavers&quot;</kbd>
        </li>
        <li>
          Put a minus sign in front of a word to leave it out: <kbd className="font-mono">conference -online</kbd>
        </li>
        <li>
          Use <kbd className="font-mono">or</kbd> to find either word: <kbd className="font-mono">autism or adhd</kbd>
        </li>
      </ul>
    </>
  );
}
