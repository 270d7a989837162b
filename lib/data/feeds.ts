import 'server-only';
import { db } from '@/lib/db';
import { publishedEventWhere } from './event-select';

/** Published issues for the Atom feed, newest first, with their intro text for the summary. */
export async function listIssuesForFeed(limit = 50) {
  return db.issue.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ month: 'desc' }, { publishedAt: 'desc' }],
    take: limit,
    select: {
      slug: true,
      title: true,
      summary: true,
      month: true,
      publishedAt: true,
      updatedAt: true,
      sections: { orderBy: { position: 'asc' }, select: { title: true } },
    },
  });
}

/** Every public URL's last change, for sitemap.xml. */
export async function listSitemapEntries() {
  const [issues, events] = await Promise.all([
    db.issue.findMany({ where: { status: 'PUBLISHED' }, select: { slug: true, updatedAt: true }, orderBy: { month: 'desc' } }),
    db.event.findMany({ where: publishedEventWhere, select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } }),
  ]);
  return { issues, events };
}
