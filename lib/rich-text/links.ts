import { isMediaFileName } from '@/lib/media/limits';

// URL allowlist shared by the public renderer and the server-side validator.
// Only https:, mailto: and relative URLs are links; anything else renders as text.
// Images come only from the media library (safeImageSrc).

const MEDIA_PREFIX = '/media/';

const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const href = raw.trim();
  if (href.length === 0 || href.length > 2048) return null;
  // Browsers strip tabs/newlines inside schemes ("java\tscript:"), so refuse any.
  if (CONTROL_OR_SPACE.test(href)) return null;
  // Protocol-relative URLs ("//evil.example") and backslash tricks leave the site.
  if (href.startsWith('//') || href.includes('\\')) return null;
  if (href.startsWith('/') || href.startsWith('#') || href.startsWith('?')) return href;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href);
  if (!scheme) {
    // Relative path like "issues/x"; must not smuggle a scheme after all.
    return href.includes(':') ? null : href;
  }
  const name = scheme[1]!.toLowerCase();
  if (name === 'mailto') return href;
  if (name === 'https') {
    try {
      const url = new URL(href);
      return url.hostname ? href : null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * An image source is only ever a file of the media library, written exactly as
 * lib/data/media.ts writes it: `/media/<content hash>.<ext>`. Anything a browser
 * would resolve to another path ("/media/../api/x", "/media/%2e%2e/x",
 * "/MEDIA/x.png", a backslash, a query or a fragment) is refused, so the validator,
 * the renderer and the media-in-use checks all agree on which file is meant.
 */
export function safeImageSrc(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw.startsWith(MEDIA_PREFIX)) return null;
  if (!isMediaFileName(raw.slice(MEDIA_PREFIX.length))) return null;
  // The pattern already excludes dots, slashes and escapes; the URL parser is the
  // browser's view of the same string, kept so a looser pattern can never slip through.
  try {
    const url = new URL(raw, 'https://site.invalid');
    if (url.origin !== 'https://site.invalid' || url.pathname !== raw || url.search || url.hash) return null;
  } catch {
    return null;
  }
  return raw;
}

/** The stored file name behind an image source, or null if the source is not a media-library path. */
export function mediaFileNameOf(src: unknown): string | null {
  const safe = safeImageSrc(src);
  return safe ? safe.slice(MEDIA_PREFIX.length) : null;
}
