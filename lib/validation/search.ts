import { cleanQueryText, queryText } from './query';

// The `q` parameter of /search. Lenient by design: whatever arrives in the URL
// becomes a usable query (possibly empty), never a validation error.

export const SEARCH_QUERY_MAX_LENGTH = 500;

/**
 * Highlight markers in search snippets (lib/data/search.ts puts them in, the page turns
 * them into <mark>). Private-use characters, so they never clash with real text; they are
 * stripped from stored text before highlighting and from queries.
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

/** Trimmed, single-spaced, free of control characters, at most 500 characters (code points). */
export function normaliseSearchQuery(raw: string | undefined | null): string {
  return cleanQueryText(raw, SEARCH_QUERY_MAX_LENGTH);
}

/** `?q=` as Next.js hands it over: a string, repeated values (the first wins), or nothing. */
export const searchQuerySchema = queryText(SEARCH_QUERY_MAX_LENGTH);

/** The normalised query; '' means "no query" (show the search prompt). */
export function parseSearchQuery(value: unknown): string {
  return searchQuerySchema.parse(value);
}
