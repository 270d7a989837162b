import { z } from 'zod';

// The parts of list and search pages' query strings (`?q=&page=`) that every such
// page shares. Lenient by design: whatever arrives in the URL becomes a usable
// value, never a validation error and never a database error.

/**
 * Control characters (C0, C1, DEL; NUL cannot even reach PostgreSQL), lone UTF-16
 * surrogates, bidi embedding / override / isolate marks, the BOM, and the
 * private-use characters search snippets use as highlight markers (U+E000, U+E001).
 */
export const UNWANTED_IN_QUERY = /[\p{Cc}\p{Cs}\u202a-\u202e\u2066-\u2069\ufeff\ue000\ue001]/gu;

export const MAX_PAGE = 10_000;

/** `?x=` as Next.js hands it over: a string, repeated values (the first wins), or nothing. */
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/** Unwanted characters become spaces; then trimmed, single-spaced, at most `max` characters (code points). */
export function cleanQueryText(raw: unknown, max: number): string {
  if (typeof raw !== 'string' || !raw) return '';
  const cleaned = raw.replace(UNWANTED_IN_QUERY, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(cleaned);
  // Longer input (a pasted paragraph) is cut, not rejected.
  return chars.length > max ? chars.slice(0, max).join('').trimEnd() : cleaned;
}

/** A search box's text. */
export const queryText = (max = 200) =>
  z
    .unknown()
    .transform((v) => cleanQueryText(first(v), max))
    .catch('');

/** A page number: a whole number from 1 to MAX_PAGE; anything else (missing, `-1`, `1e9`, `abc`) is clamped or 1. */
export const queryPage = z
  .unknown()
  .transform((v) => {
    const value = first(v);
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'number' ? value : NaN;
    return Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 1), MAX_PAGE) : 1;
  })
  .catch(1);
