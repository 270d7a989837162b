import 'server-only';
import { db } from '@/lib/db';
import { livePublicationWhere, publishedEventWhere } from './event-select';

/** Published issues for the Atom feed, newest first, as last published (decision 017). */
export async function listIssuesForFeed(limit = 50) {
  const issues = await db.issue.findMany({
    where: { status: 'PUBLISHED', publications: { some: { current: true } } },
    orderBy: [{ month: 'desc' }, { publishedAt: 'desc' }],
    take: limit,
    select: {
      slug: true,
      month: true,
      publishedAt: true,
      publications: {
        where: { current: true },
        take: 1,
        select: {
          title: true,
          summary: true,
          publishedAt: true,
          sections: { orderBy: { position: 'asc' }, select: { title: true } },
        },
      },
    },
  });
  return issues.flatMap(({ publications: [live], ...issue }) =>
    live ? [{ ...issue, title: live.title, summary: live.summary, updatedAt: live.publishedAt, sections: live.sections }] : [],
  );
}

/**
 * Every public URL's last change, for sitemap.xml. An issue page changes when it is
 * (re)published, not when its working sections are edited (decision 017).
 */
export async function listSitemapEntries() {
  const [publications, events] = await Promise.all([
    db.issuePublication.findMany({
      where: livePublicationWhere,
      select: { publishedAt: true, issue: { select: { slug: true } } },
      orderBy: { issue: { month: 'desc' } },
    }),
    db.event.findMany({ where: publishedEventWhere, select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } }),
  ]);
  return { issues: publications.map((p) => ({ slug: p.issue.slug, updatedAt: p.publishedAt })), events };
}
