/** The public origin, for canonical URLs, feeds and calendar links. */
export function siteUrl(): string {
  return (process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
}

export const SITE_NAME = 'Regional Update';
export const SITE_DESCRIPTION =
  "News, events and learning from the region's children's services councils and trusts, published monthly.";

/** The feed every public page advertises with <link rel="alternate">. */
export const FEED_TYPES = { 'application/atom+xml': '/feed.xml' } as const;

/**
 * A page's `alternates`: its canonical URL plus the feed. Next.js replaces the
 * layout's `alternates` with a page's own instead of merging them, so a page that
 * set `{ canonical }` alone lost the feed link; every page's metadata goes through
 * here (an ESLint rule refuses an inline `alternates` object under app/).
 */
export function pageAlternates(canonical?: string): { canonical?: string; types: Record<string, string> } {
  return { ...(canonical ? { canonical } : {}), types: { ...FEED_TYPES } };
}
