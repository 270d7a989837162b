import 'server-only';
import { livePublicationWhere, publishedEventWhere } from './event-select';
import { readSnapshot } from './snapshot';

/** Published issues for the Atom feed, newest first, as last published (decision 017). */
export async function listIssuesForFeed(limit = 50) {
  const issues = await readSnapshot((tx) => tx.issue.findMany({
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
  }));
  return issues.flatMap(({ publications: [live], ...issue }) =>
    live ? [{ ...issue, title: live.title, summary: live.summary, updatedAt: live.publishedAt, sections: live.sections }] : [],
  );
}

/**
 * Every public URL's last change, for sitemap.xml. An issue page changes when it is
 * (re)published, not when its working sections are edited (decision 017).
 */
export async function listSitemapEntries() {
  const [publications, events] = await readSnapshot(async (tx) => [
    await tx.issuePublication.findMany({
      where: livePublicationWhere,
      select: { publishedAt: true, issue: { select: { slug: true } } },
      orderBy: { issue: { month: 'desc' } },
    }),
    await tx.event.findMany({ where: publishedEventWhere, select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } }),
  ] as const);
  return { issues: publications.map((p) => ({ slug: p.issue.slug, updatedAt: p.publishedAt })), events };
}
