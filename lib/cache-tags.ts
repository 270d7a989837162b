// Cache tags for published content. Mutations call revalidatePublicContent()
// (lib/revalidate.ts) with what they touched; pages and feeds cache by these.
// Expiry is immediate (expire: 0): a reader must never see a just-unpublished issue.
export const TAGS = {
  issues: 'issues',
  issue: (slug: string) => `issue:${slug}`,
  events: 'events',
  event: (slug: string) => `event:${slug}`,
  sitePage: (slug: string) => `site-page:${slug}`,
} as const;

/** Cached public pages are regenerated at least this often, so date-driven states stay right. */
export const PUBLIC_REVALIDATE_SECONDS = 3600;
