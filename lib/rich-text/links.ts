// Link allowlist shared by the public renderer and the server-side validator.
// Only https:, mailto: and relative URLs are links; anything else renders as text.

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
