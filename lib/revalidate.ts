import 'server-only';
import { revalidatePath, revalidateTag } from 'next/cache';
import { TAGS } from '@/lib/cache-tags';
import { schedulePublicPages } from '@/lib/public-pages/schedule';

/**
 * After published content changes (publish, unpublish, edit of a published
 * issue or event): expire the tagged data and the pages, feeds and sitemap built from it,
 * and re-store the script-free public pages it touches (decision 025). Every caller
 * runs after its transaction returned, so the re-render reads committed data. The
 * promise settles once those pages are stored (it never rejects); actions need not
 * wait for it, the internal route does (lib/workflow/revalidate.ts).
 */
export function revalidatePublicContent(opts: { issueSlugs?: string[]; eventSlugs?: string[] } = {}): Promise<void> {
  revalidateTag(TAGS.issues, { expire: 0 });
  revalidateTag(TAGS.events, { expire: 0 });
  for (const slug of opts.issueSlugs ?? []) revalidateTag(TAGS.issue(slug), { expire: 0 });
  for (const slug of opts.eventSlugs ?? []) revalidateTag(TAGS.event(slug), { expire: 0 });
  for (const path of ['/', '/issues', '/events', '/events/past', '/feed.xml', '/events.ics', '/sitemap.xml']) {
    revalidatePath(path);
  }
  return schedulePublicPages(opts);
}

/**
 * After a person or organisation changed: the public pages that name them
 * (lib/data/public-pages.ts publicContentNaming). Nothing public names them: nothing to do.
 */
export function revalidateNamingPages(named: { issueSlugs: string[]; eventSlugs: string[] }): Promise<void> {
  if (!named.issueSlugs.length && !named.eventSlugs.length) return Promise.resolve();
  return revalidatePublicContent(named);
}

/** After the accessibility statement or privacy notice is edited: its cached text and page. */
export function revalidateSitePage(slug: string, path: string) {
  revalidateTag(TAGS.sitePage(slug), { expire: 0 });
  revalidatePath(path);
}
