import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { eventCardSelect } from './event-select';
import { readSnapshot } from './snapshot';

// Public reads: only PUBLISHED issues exist for readers, so the status filter
// is part of every query rather than a check after the fact. Each read is one
// snapshot (./snapshot.ts): an issue deleted meanwhile is either all there or absent.

// A published issue without a current publication (not possible after the publish step,
// decision 017) is left out rather than shown with its working text.
const PUBLISHED = { status: 'PUBLISHED', publications: { some: { current: true } } } as const;
const LIVE = { where: { current: true }, take: 1 } as const;

/** Title and summary as last published, never the working ones. */
const liveTitle = <T extends { publications: { title: string; summary: string }[] }>({ publications, ...issue }: T) => ({
  ...issue,
  title: publications[0]?.title ?? '',
  summary: publications[0]?.summary ?? '',
});

export async function listPublishedIssues() {
  const issues = await readSnapshot((tx) =>
    tx.issue.findMany({
      where: PUBLISHED,
      orderBy: [{ month: 'desc' }, { publishedAt: 'desc' }],
      select: { slug: true, month: true, publishedAt: true, publications: { ...LIVE, select: { title: true, summary: true } } },
    }),
  );
  return issues.map(liveTitle);
}

/** The newest published issue with its table of contents. */
export async function getLatestIssue() {
  return readSnapshot((tx) =>
    tx.issue.findFirst({
      where: PUBLISHED,
      orderBy: [{ month: 'desc' }, { publishedAt: 'desc' }],
      select: {
        slug: true,
        month: true,
        publishedAt: true,
        publications: {
          ...LIVE,
          select: { title: true, summary: true, sections: { orderBy: { position: 'asc' }, select: { title: true } } },
        },
      },
    }),
  ).then((issue) => issue && { ...liveTitle(issue), sections: issue.publications[0]?.sections ?? [] });
}

/** What an issue page renders; shared with the admin preview of a draft (lib/data/issues-admin.ts). */
export const issueArticleSelect = {
  id: true,
  slug: true,
  title: true,
  month: true,
  summary: true,
  publishedAt: true,
  updatedAt: true,
  sections: {
    orderBy: { position: 'asc' },
    select: {
      id: true,
      kind: true,
      title: true,
      body: true,
      signOff: true,
      signatory: {
        select: { name: true, jobTitle: true, organisation: { select: { name: true } } },
      },
      bylineOrganisation: { select: { name: true } },
      bylines: {
        orderBy: { position: 'asc' },
        select: { person: { select: { name: true, jobTitle: true, organisation: { select: { name: true } } } } },
      },
      events: { orderBy: { position: 'asc' }, select: { event: { select: eventCardSelect } } },
    },
  },
} as const satisfies Prisma.IssueSelect;

/**
 * The issue page reads the current publication snapshot (decision 017), never the
 * working sections, so an edit to a live issue stays pending until "Publish changes".
 */
export async function getPublishedIssue(slug: string) {
  const issue = await readSnapshot((tx) =>
    tx.issue.findFirst({
      where: { slug, ...PUBLISHED },
      select: {
        id: true,
        slug: true,
        month: true,
        publishedAt: true,
        updatedAt: true,
        publications: {
          ...LIVE,
          select: {
            title: true,
            summary: true,
            publishedAt: true,
            sections: { orderBy: { position: 'asc' }, select: issueArticleSelect.sections.select },
          },
        },
      },
    }),
  );
  const publication = issue?.publications[0];
  if (!issue || !publication) return null;
  return {
    id: issue.id,
    slug: issue.slug,
    month: issue.month,
    publishedAt: issue.publishedAt,
    // The page's "last updated" is when the live text last changed.
    updatedAt: publication.publishedAt,
    title: publication.title,
    summary: publication.summary,
    sections: publication.sections,
  };
}

/** The published issues either side of `month`, for previous/next links. */
export async function getIssueNeighbours(month: Date, slug: string) {
  const select = { slug: true, publications: { ...LIVE, select: { title: true, summary: true } } } as const;
  const [previous, next] = await readSnapshot(async (tx) => [
    await tx.issue.findFirst({
      where: { ...PUBLISHED, OR: [{ month: { lt: month } }, { month, slug: { lt: slug } }] },
      orderBy: [{ month: 'desc' }, { slug: 'desc' }],
      select,
    }),
    await tx.issue.findFirst({
      where: { ...PUBLISHED, OR: [{ month: { gt: month } }, { month, slug: { gt: slug } }] },
      orderBy: [{ month: 'asc' }, { slug: 'asc' }],
      select,
    }),
  ] as const);
  const link = (issue: typeof previous) => issue && { slug: issue.slug, title: liveTitle(issue).title };
  return { previous: link(previous), next: link(next) };
}

export type PublishedIssue = NonNullable<Awaited<ReturnType<typeof getPublishedIssue>>>;
export type PublishedSection = PublishedIssue['sections'][number];
