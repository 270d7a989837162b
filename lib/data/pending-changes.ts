import 'server-only';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { approvalState, canonicalJson } from '@/lib/workflow/intro-hash';
import { liveIntroNeedsApproval } from '@/lib/workflow/live-intro';
import { isEmptySection } from '@/lib/workflow/publication-snapshot';
import { EMPTY_INTRO_MESSAGE, isBlankRichText } from '@/lib/workflow/publish-gate';
import { sectionContentSelect } from '@/lib/workflow/section-content';
import { publishInTx } from './workflow';
import { gateError, gateFor } from './workflow-gate';
import { afterCommit, askSponsorInTx, INTRO_FIELDS, introOf, issueFor, type Done } from './workflow-tx';

// "Publish changes" for a live issue (decision 017): the working title, summary and
// sections of a PUBLISHED issue are a pending revision until they are published again
// through the same gate, as a new publication snapshot.

type Reader = Prisma.TransactionClient | typeof db;

// Positions left out: renumbered bylines in the same order are no change for readers.
const sectionFields = {
  ...sectionContentSelect,
  bylines: { orderBy: { position: 'asc' }, select: { personId: true } },
  events: { orderBy: { position: 'asc' }, select: { eventId: true } },
} as const satisfies Prisma.SectionSelect;

type Comparable = {
  title: string;
  summary: string;
  sections: { kind: string; title: string; body: unknown; bylineOrganisationId: string | null; signOff: string | null; signatoryId: string | null; bylines: { personId: string }[]; events: { eventId: string }[] }[];
};

/** What readers would see, in a form where equal content gives equal text. */
function fingerprint(c: Comparable): string {
  return canonicalJson({ title: c.title, summary: c.summary, sections: c.sections.filter((s) => !isEmptySection(s)) });
}

/** True when a PUBLISHED issue's working content differs from its current publication. */
export async function hasPendingChanges(client: Reader, issueId: string): Promise<boolean> {
  const issue = await client.issue.findUnique({
    where: { id: issueId },
    select: {
      status: true,
      title: true,
      summary: true,
      sections: { orderBy: { position: 'asc' }, select: sectionFields },
      publications: { where: { current: true }, take: 1, select: { title: true, summary: true, sections: { orderBy: { position: 'asc' }, select: sectionFields } } },
    },
  });
  const live = issue?.publications[0];
  if (!issue || issue.status !== 'PUBLISHED' || !live) return false;
  return fingerprint(issue) !== fingerprint(live);
}

export type PendingChanges = {
  pending: boolean;
  /** Set while the live intro needs the sponsor again; `askedAt` once they have been asked. */
  introApproval: { askedAt: Date | null } | null;
  /** The revision readers see now (null if never published). */
  revision: number | null;
};

/** For the issue page: whether to offer "Publish changes", or first to ask the sponsor about the edited intro. */
export async function getPendingChanges(user: SessionUser, issueId: string): Promise<PendingChanges> {
  requirePermission(user, 'issue:read');
  const [issue, intro, live] = await Promise.all([
    db.issue.findUnique({ where: { id: issueId }, select: { status: true } }),
    db.section.findFirst({ where: { issueId, kind: 'INTRO' }, orderBy: { position: 'asc' }, select: INTRO_FIELDS }),
    db.issuePublication.findFirst({ where: { issueId, current: true }, select: { revision: true } }),
  ]);
  const needsSponsor = !!issue && !!intro && liveIntroNeedsApproval(issue.status, approvalState(intro));
  return {
    pending: await hasPendingChanges(db, issueId),
    introApproval: needsSponsor ? { askedAt: intro!.approvalRequestedAt } : null,
    revision: live?.revision ?? null,
  };
}

/**
 * A live issue's intro edited since the sponsor approved it: asks the sponsor to approve
 * the new text, notifying them as submitting for approval does. The issue stays
 * PUBLISHED and readers keep the approved intro. The intro row is locked, so of two
 * concurrent requests one asks and the other is told the sponsor already has been.
 */
export async function askSponsorToApproveLiveIntro(user: SessionUser, input: { issueId: string }, opts: { now?: Date } = {}): Promise<Done> {
  requirePermission(user, 'intro:update');
  const now = opts.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    if (issue.status !== 'PUBLISHED') throw new AppError('conflict', 'This issue is not live: submit the intro for the sponsor’s approval instead. Reload the page.');
    const found = await introOf(tx, issue.id);
    if (!found) throw new AppError('invalid', 'This issue has no intro to approve.');
    await tx.$queryRaw`SELECT id FROM "Section" WHERE id = ${found.id}::uuid FOR UPDATE`;
    const intro = (await introOf(tx, issue.id))!;
    if (isBlankRichText(intro.body)) throw new AppError('invalid', EMPTY_INTRO_MESSAGE);
    const state = approvalState(intro);
    if (state === 'approved') throw new AppError('conflict', 'The sponsor has already approved the intro as it is now.');
    if (state === 'pending') throw new AppError('conflict', 'The sponsor has already been asked to approve the edited intro.');
    const notificationIds = await askSponsorInTx(tx, {
      user,
      issue: { id: issue.id, from: 'PUBLISHED', to: 'PUBLISHED' },
      intro,
      now,
      message: {
        title: `Edited intro ready for your approval: ${issue.title}`,
        body: `${user.name} edited the intro “${intro.title}” of this live issue and asks for your approval. Readers see the version you approved until you approve the new one and it is published.`,
      },
    });
    return { issue: { id: issue.id, slug: issue.slug, status: 'PUBLISHED' as const }, notificationIds };
  });
  await afterCommit(result);
  return result;
}

/** PUBLISHED → PUBLISHED with a new snapshot, gate, audit row and notification in one transaction; returns the new revision. */
export async function publishChanges(user: SessionUser, input: { issueId: string }, opts: { now?: Date } = {}): Promise<Done & { revision: number }> {
  requirePermission(user, 'issue:publish');
  const now = opts.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    if (issue.status !== 'PUBLISHED') throw new AppError('conflict', 'This issue is not live, so there are no changes to publish. Reload the page.');
    await tx.$queryRaw`SELECT id FROM "Issue" WHERE id = ${issue.id}::uuid FOR UPDATE`;
    if (!(await hasPendingChanges(tx, issue.id))) throw new AppError('conflict', 'There are no unpublished changes: readers already see this version.');
    const gate = await gateFor(tx, issue.id);
    if (!gate.passed) throw gateError(gate, 'published');
    const done = await publishInTx(tx, issue, 'PUBLISHED', user, now);
    if (!done) throw new AppError('conflict', 'Someone else changed this issue. Reload the page to see where it is.');
    return done;
  });
  await afterCommit(result, { revalidate: true });
  return result;
}
