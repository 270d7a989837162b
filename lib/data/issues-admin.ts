import 'server-only';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { audit } from '@/lib/audit';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { EMPTY_DOC, ISSUE_TEMPLATE, monthDate } from '@/lib/issues/template';
import { sectionCopySelect } from '@/lib/workflow/section-content';
import { issueArticleSelect } from './issues';
import { AppError } from '@/lib/errors';

type Tx = Prisma.TransactionClient;

const SLUG_TAKEN = 'An issue already uses this slug. Choose a different one.';

/** All issues, newest month first, for the admin list. */
export async function listIssuesAdmin(user: SessionUser) {
  requirePermission(user, 'issue:read');
  return db.issue.findMany({
    orderBy: [{ month: 'desc' }, { title: 'asc' }],
    select: { id: true, slug: true, title: true, month: true, status: true, updatedAt: true, _count: { select: { sections: true } } },
  });
}

/** An issue with its sections in order, for the issue editor. */
export async function getIssueForEditor(user: SessionUser, issueId: string) {
  requirePermission(user, 'issue:read');
  requirePermission(user, 'section:read');
  return db.issue.findUnique({
    where: { id: issueId },
    select: {
      id: true,
      slug: true,
      title: true,
      month: true,
      status: true,
      version: true,
      summary: true,
      sections: {
        orderBy: { position: 'asc' },
        select: { id: true, position: true, kind: true, title: true, version: true, updatedAt: true },
      },
    },
  });
}

/**
 * Any issue, whatever its status, in the shape the public issue page renders
 * (lib/data/issues.ts `issueArticleSelect`), for the admin preview.
 */
export async function getIssueForPreview(user: SessionUser, issueId: string) {
  requirePermission(user, 'issue:read');
  requirePermission(user, 'section:read');
  return db.issue.findUnique({ where: { id: issueId }, select: { ...issueArticleSelect, status: true } });
}

async function assertSlugFree(tx: Tx, slug: string) {
  const clash = await tx.issue.findUnique({ where: { slug }, select: { id: true } });
  if (clash) throw new AppError('conflict', SLUG_TAKEN, { fieldErrors: { slug: [SLUG_TAKEN] } });
}

function isSlugClash(error: unknown) {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

type NewIssue = { title: string; slug: string; year: number; month: number };

type DraftContent = { summary?: string; sections: Prisma.SectionCreateWithoutIssueInput[]; action: string; details: Record<string, unknown> };

/** A new DRAFT issue and its audit row in one transaction; a slug already taken is a field error. */
async function createDraftIssue(user: SessionUser, input: NewIssue, content: (tx: Prisma.TransactionClient) => Promise<DraftContent>) {
  try {
    return await db.$transaction(async (tx) => {
      const c = await content(tx);
      await assertSlugFree(tx, input.slug);
      const issue = await tx.issue.create({
        data: {
          slug: input.slug,
          title: input.title.trim(),
          month: monthDate(input.year, input.month),
          status: 'DRAFT',
          ...(c.summary !== undefined ? { summary: c.summary } : {}),
          createdById: user.id,
          sections: { create: c.sections },
        },
        select: { id: true, slug: true },
      });
      await audit(tx, { actorId: user.id, action: c.action, entityType: 'Issue', entityId: issue.id, details: { slug: issue.slug, ...c.details } });
      return issue;
    });
  } catch (error) {
    if (isSlugClash(error)) throw new AppError('conflict', SLUG_TAKEN, { fieldErrors: { slug: [SLUG_TAKEN] } });
    throw error;
  }
}

/** A DRAFT issue with the standard sections (lib/issues/template.ts), all empty. */
export async function createIssue(user: SessionUser, input: NewIssue) {
  requirePermission(user, 'issue:create');
  return createDraftIssue(user, input, async () => ({
    sections: ISSUE_TEMPLATE.map((s, position) => ({ position, kind: s.kind, title: s.title, body: EMPTY_DOC })),
    action: 'issue.create',
    details: { from: 'template' },
  }));
}

/**
 * A DRAFT copy of an existing issue for a new month: sections (with their text,
 * bylines, byline organisation, sign-off, topics and linked events) are copied;
 * approvals, publication dates and versions are not.
 */
export async function duplicateIssue(user: SessionUser, input: NewIssue & { sourceIssueId: string }) {
  requirePermission(user, 'issue:create');
  requirePermission(user, 'issue:read');
  return createDraftIssue(user, input, async (tx) => {
    const source = await tx.issue.findUnique({
      where: { id: input.sourceIssueId },
      select: {
        id: true,
        slug: true,
        summary: true,
        sections: {
          orderBy: { position: 'asc' },
          select: { ...sectionCopySelect, topics: { select: { topicId: true } } },
        },
      },
    });
    if (!source) throw new AppError('not_found', 'The issue to copy no longer exists.', { fieldErrors: { sourceIssueId: ['The issue to copy no longer exists.'] } });
    return {
      summary: source.summary,
      sections: source.sections.map((s) => ({
        position: s.position,
        kind: s.kind,
        title: s.title,
        body: s.body as Prisma.InputJsonValue,
        bylineOrganisationId: s.bylineOrganisationId,
        signOff: s.signOff,
        signatoryId: s.signatoryId,
        bylines: { create: s.bylines.map((b) => ({ personId: b.personId, position: b.position })) },
        events: { create: s.events.map((e) => ({ eventId: e.eventId, position: e.position })) },
        topics: { create: s.topics.map((t) => ({ topicId: t.topicId })) },
      })),
      action: 'issue.duplicate',
      details: { from: source.slug, sourceIssueId: source.id },
    };
  });
}

export type IssueDetails = { title: string; slug: string; year: number; month: number; summary: string; version: number };

/**
 * Edits an issue's title, slug, month and summary if `version` is still current
 * (optimistic concurrency): version + 1 and an audit row with what changed. A
 * stale version changes nothing and is a 409 whose data is the current details.
 */
export async function updateIssue(
  user: SessionUser,
  input: { id: string; version: number; title: string; slug: string; year: number; month: number; summary: string },
) {
  requirePermission(user, 'issue:update');
  const details = (i: { title: string; slug: string; month: Date; summary: string; version: number }): IssueDetails => ({
    title: i.title,
    slug: i.slug,
    year: i.month.getUTCFullYear(),
    month: i.month.getUTCMonth() + 1,
    summary: i.summary,
    version: i.version,
  });
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.issue.findUnique({
        where: { id: input.id },
        select: { title: true, slug: true, month: true, summary: true, version: true, status: true },
      });
      if (!before) throw new AppError('not_found', 'That issue no longer exists.');
      if (before.version !== input.version) {
        throw new AppError('conflict', 'Someone else changed these details while you were editing. Your changes have not been saved yet.', { data: details(before) });
      }
      if (input.slug !== before.slug) await assertSlugFree(tx, input.slug);
      const after = { title: input.title.trim(), slug: input.slug, month: monthDate(input.year, input.month), summary: input.summary };
      const updated = await tx.issue.updateMany({
        where: { id: input.id, version: input.version },
        data: { ...after, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        // Saved by someone else between our read and our write.
        const current = await tx.issue.findUniqueOrThrow({
          where: { id: input.id },
          select: { title: true, slug: true, month: true, summary: true, version: true },
        });
        throw new AppError('conflict', 'Someone else changed these details while you were editing. Your changes have not been saved yet.', { data: details(current) });
      }
      const changed: Record<string, { from: string; to: string }> = {};
      const text = (v: string | Date) => (v instanceof Date ? v.toISOString().slice(0, 7) : v);
      for (const key of ['title', 'slug', 'month', 'summary'] as const) {
        if (text(before[key]) !== text(after[key])) changed[key] = { from: text(before[key]), to: text(after[key]) };
      }
      await audit(tx, {
        actorId: user.id,
        action: 'issue.update',
        entityType: 'Issue',
        entityId: input.id,
        details: { version: input.version + 1, changed },
      });
      return { id: input.id, version: input.version + 1, status: before.status, slug: after.slug, previousSlug: before.slug };
    });
  } catch (error) {
    if (isSlugClash(error)) throw new AppError('conflict', SLUG_TAKEN, { fieldErrors: { slug: [SLUG_TAKEN] } });
    throw error;
  }
}
