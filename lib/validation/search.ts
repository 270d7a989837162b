import { z } from 'zod';

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

// Control characters (C0, C1, DEL), lone UTF-16 surrogates, bidi embedding /
// override / isolate marks, the BOM, and the private-use characters the search
// snippets use as highlight markers (U+E000, U+E001).
const UNWANTED = /[\p{Cc}\p{Cs}\u202a-\u202e\u2066-\u2069\ufeff\ue000\ue001]/gu;

/** Trimmed, single-spaced, free of control characters, at most 500 characters (code points). */
export function normaliseSearchQuery(raw: string | undefined | null): string {
  if (!raw) return '';
  const cleaned = raw.replace(UNWANTED, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(cleaned);
  // Longer input (a pasted paragraph) is cut, not rejected.
  return chars.length > SEARCH_QUERY_MAX_LENGTH ? chars.slice(0, SEARCH_QUERY_MAX_LENGTH).join('').trimEnd() : cleaned;
}

/** `?q=` as Next.js hands it over: a string, repeated values (the first wins), or nothing. */
export const searchQuerySchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => normaliseSearchQuery(Array.isArray(value) ? value[0] : value))
  .catch('');

/** The normalised query; '' means "no query" (show the search prompt). */
export function parseSearchQuery(value: unknown): string {
  return searchQuerySchema.parse(value);
}
