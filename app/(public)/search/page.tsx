import type { Metadata } from 'next';
import { pageAlternates } from '@/lib/site';
import { SearchForm } from '@/components/search/search-form';
import { displayQuery, resultsHeadingText, SearchPrompt, SearchResultsBody } from '@/components/search/search-results';
import { cachedSearchPublished } from '@/lib/data/cached';
import { searchPublished } from '@/lib/data/search';
import { parseSearchQuery } from '@/lib/validation/search';

// Results depend on the query string, so the page is rendered per request (nothing to cache).

const CACHEABLE_QUERY_LENGTH = 60;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = parseSearchQuery((await searchParams).q);
  if (!q) {
    return {
      title: 'Search',
      description: 'Search every published issue of the Regional Update and the events in them.',
      alternates: pageAlternates('/search'),
    };
  }
  return {
    title: `Search results for ‘${displayQuery(q, 60)}’`,
    description: `Sections of the Regional Update and events that match ‘${displayQuery(q, 120)}’.`,
    alternates: pageAlternates('/search'),
    // Result pages are endless and thin: keep them out of search engines, but let crawlers follow links.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const q = parseSearchQuery((await searchParams).q);
  // Only short queries (the common, repeated ones) are cached: long one-off pastes
  // stay out of the on-disk data cache. Many distinct short queries still add entries.
  const results = q ? await (q.length <= CACHEABLE_QUERY_LENGTH ? cachedSearchPublished(q) : searchPublished(q)) : null;

  return (
    <>
      <h1 className="text-3xl font-bold">Search</h1>
      <div className="mt-6">
        <SearchForm query={q} />
      </div>
      {/* Always rendered, so a new search (client-side navigation) is announced. */}
      <div aria-live="polite" aria-atomic="true">
        {results && (
          <h2 id="results-heading" className="mt-8 text-2xl font-bold">
            {resultsHeadingText(results)}
          </h2>
        )}
      </div>
      {results ? <SearchResultsBody results={results} now={new Date()} /> : <SearchPrompt />}
    </>
  );
}
