import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RichText } from '@/components/rich-text';
import { cachedGetPublicSitePage } from '@/lib/data/cached';
import { formatDate } from '@/lib/dates';
import { pageAlternates } from '@/lib/site';
import { SITE_PAGE_PATH, type SitePageSlug } from '@/lib/validation/site-pages';

// The accessibility statement and the privacy notice: a title and rich text that
// admins and editors edit (Site pages in the admin), rendered through the allowlist.

export async function sitePageMetadata(slug: SitePageSlug): Promise<Metadata> {
  const page = await cachedGetPublicSitePage(slug);
  const path = SITE_PAGE_PATH[slug];
  return { title: page?.title ?? 'Page not found', alternates: pageAlternates(path), openGraph: { title: page?.title, url: path } };
}

export async function SitePage({ slug }: { slug: SitePageSlug }) {
  const page = await cachedGetPublicSitePage(slug);
  if (!page) notFound();
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">{page.title}</h1>
      <RichText doc={page.body} className="mt-6" />
      <p className="mt-8 text-[var(--color-muted)]">Last updated {formatDate(page.updatedAt, { weekday: false })}</p>
    </article>
  );
}
