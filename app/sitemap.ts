import type { MetadataRoute } from 'next';
import { listSitemapEntries } from '@/lib/data/feeds';
import { siteUrl } from '@/lib/site';

export const revalidate = 3600;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteUrl();
  const { issues, events } = await listSitemapEntries();
  return [
    { url: `${origin}/`, changeFrequency: 'weekly', priority: 1 },
    { url: `${origin}/issues`, changeFrequency: 'monthly' },
    { url: `${origin}/events`, changeFrequency: 'daily' },
    { url: `${origin}/events/past`, changeFrequency: 'weekly' },
    { url: `${origin}/accessibility`, changeFrequency: 'yearly' },
    { url: `${origin}/privacy`, changeFrequency: 'yearly' },
    ...issues.map((i) => ({ url: `${origin}/issues/${i.slug}`, lastModified: i.updatedAt })),
    ...events.map((e) => ({ url: `${origin}/events/${e.slug}`, lastModified: e.updatedAt })),
  ];
}
