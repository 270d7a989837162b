// Where to go after signing in. One function for the sign-in page and form, the
// email-link page, next-auth's redirect callback and the admin layout, so a
// redirect target is judged the same way wherever it arrives.
//
// Browsers strip tabs and line breaks from URLs and treat a backslash as a
// slash, so "/\t/evil.example" or "/\\evil.example" become "//evil.example",
// another site. Rather than list the tricks, anything with a control character,
// a backslash or any Unicode space is refused outright, and what is left must
// parse, against our own origin, to our own origin.

export const DEFAULT_CALLBACK_URL = '/admin';

// C0 and C1 controls, DEL, backslash and every Unicode space or separator
// (\s covers U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF).
const REFUSED = /[\u0000-\u001f\u007f-\u009f\\\s]/u;

// A fixed, unroutable origin: the parse only has to tell "same origin" from "not".
const PROBE_ORIGIN = 'https://this-site.invalid';

/**
 * The path (with query and fragment) to follow, or the default. `siteOrigin`
 * lets an absolute URL on this site through (next-auth hands those to its
 * redirect callback); without it only relative paths are accepted.
 */
export function safeCallbackUrl(value: unknown, siteOrigin?: string, fallback = DEFAULT_CALLBACK_URL): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000 || REFUSED.test(raw)) return fallback;
  let candidate = raw;
  if (siteOrigin && !raw.startsWith('/')) {
    let absolute: URL;
    try {
      absolute = new URL(raw);
    } catch {
      return fallback;
    }
    if (absolute.origin !== new URL(siteOrigin).origin) return fallback;
    candidate = absolute.pathname + absolute.search + absolute.hash;
  }
  if (!candidate.startsWith('/') || candidate.startsWith('//')) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(candidate, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (parsed.origin !== PROBE_ORIGIN) return fallback;
  const path = parsed.pathname + parsed.search + parsed.hash;
  // The parser resolves "/./" and "/../" segments; the result must still be a plain path.
  return path.startsWith('//') ? fallback : path;
}
