import { z } from 'zod';
import { richTextBody } from './sections';

// The site's own pages: a fixed set (the database checks it too), each at its own route.

export const SITE_PAGE_SLUGS = ['accessibility', 'privacy'] as const;
export type SitePageSlug = (typeof SITE_PAGE_SLUGS)[number];

/** Where readers find each page. */
export const SITE_PAGE_PATH: Record<SitePageSlug, string> = {
  accessibility: '/accessibility',
  privacy: '/privacy',
};

export function isSitePageSlug(value: unknown): value is SitePageSlug {
  return typeof value === 'string' && (SITE_PAGE_SLUGS as readonly string[]).includes(value);
}

export const updateSitePageSchema = z
  .object({
    slug: z.enum(SITE_PAGE_SLUGS, { message: 'Choose one of the site’s pages' }),
    version: z.coerce.number({ message: 'Reload the page and try again' }).int().min(1),
    title: z.string().trim().min(1, 'Enter a title').max(120, 'The title must be 120 characters or fewer'),
    body: richTextBody,
  })
  .strict();
export type UpdateSitePageInput = z.output<typeof updateSitePageSchema>;
