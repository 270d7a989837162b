import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { eventCardSelect } from './event-select';

// Public reads: only PUBLISHED issues exist for readers, so the status filter
// is part of every query rather than a check after the fact.

const PUBLISHED = { status: 'PUBLISHED' } as const;

export async function listPublishedIssues() {
  return db.issue.findMany({
    where: PUBLISHED,
    orderBy: [{ month: 'desc' }, { publishedAt: 'desc' }],
    select: { slug: true, title: true, month: true, summary: true, publishedAt: true },
  });
}

/** The newest published issue with its table of contents. */
export async function getLatestIssue() {
  return db.issue.findFirst({
    where: PUBLISHED,
    orderBy: [{ month: 'desc' }, { publishedAt: 'desc' }],
    select: {
      slug: true,
      title: true,
      month: true,
      summary: true,
      publishedAt: true,
      sections: { orderBy: { position: 'asc' }, select: { title: true } },
    },
  });
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

export async function getPublishedIssue(slug: string) {
  return db.issue.findFirst({ where: { slug, ...PUBLISHED }, select: issueArticleSelect });
}

/** The published issues either side of `month`, for previous/next links. */
export async function getIssueNeighbours(month: Date, slug: string) {
  const [previous, next] = await Promise.all([
    db.issue.findFirst({
      where: { ...PUBLISHED, OR: [{ month: { lt: month } }, { month, slug: { lt: slug } }] },
      orderBy: [{ month: 'desc' }, { slug: 'desc' }],
      select: { slug: true, title: true },
    }),
    db.issue.findFirst({
      where: { ...PUBLISHED, OR: [{ month: { gt: month } }, { month, slug: { gt: slug } }] },
      orderBy: [{ month: 'asc' }, { slug: 'asc' }],
      select: { slug: true, title: true },
    }),
  ]);
  return { previous, next };
}

export type PublishedIssue = NonNullable<Awaited<ReturnType<typeof getPublishedIssue>>>;
export type PublishedSection = PublishedIssue['sections'][number];
