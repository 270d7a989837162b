import 'server-only';
import { createHash } from 'node:crypto';
import { unstable_cache } from 'next/cache';
import superjson from 'superjson';
import { PUBLIC_REVALIDATE_SECONDS, TAGS } from '@/lib/cache-tags';
import { getPublicEvent, listEventFilterOptions } from './events';
import { searchPublished } from './search';
import { getIssueNeighbours, getLatestIssue, getPublishedIssue, listPublishedIssues } from './issues';
import { getPublicSitePage } from './site-pages';

// Tagged, cross-request caches of the public reads. unstable_cache stores JSON,
// so results go through superjson to keep Dates as Dates. Entries persist on disk
// across restarts, so keys name the database: a cache never answers for another one.
const databaseKey = () => createHash('sha256').update(process.env.DATABASE_URL ?? '').digest('hex').slice(0, 12);

function cached<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => Promise<R>,
  tags: (...args: A) => string[],
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const run = unstable_cache(async () => superjson.stringify(await fn(...args)), [name, databaseKey(), superjson.stringify(args)], {
      tags: tags(...args),
      revalidate: PUBLIC_REVALIDATE_SECONDS,
    });
    return superjson.parse<R>(await run());
  };
}

export const cachedListPublishedIssues = cached('listPublishedIssues', listPublishedIssues, () => [TAGS.issues]);
export const cachedGetLatestIssue = cached('getLatestIssue', getLatestIssue, () => [TAGS.issues]);
export const cachedGetPublishedIssue = cached('getPublishedIssue', getPublishedIssue, (slug) => [
  TAGS.issues,
  TAGS.issue(slug),
  TAGS.events,
]);
export const cachedGetIssueNeighbours = cached('getIssueNeighbours', getIssueNeighbours, () => [TAGS.issues]);
export const cachedGetPublicEvent = cached('getPublicEvent', getPublicEvent, (slug) => [TAGS.events, TAGS.event(slug), TAGS.issues]);
export const cachedListEventFilterOptions = cached('listEventFilterOptions', listEventFilterOptions, () => [TAGS.events, TAGS.issues]);

/** Popular searches repeat; results change only when published content does. */
export const cachedSearchPublished = cached('searchPublished', searchPublished, () => [TAGS.issues, TAGS.events]);
export const cachedGetPublicSitePage = cached('getPublicSitePage', getPublicSitePage, (slug) => [TAGS.sitePage(slug)]);
