import 'server-only';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/audit';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { writePublicationSnapshot } from '@/lib/workflow/publication-snapshot';
import type { Prisma } from '@/lib/generated/prisma/client';
import { enqueueEditionSend, enqueuePublish } from '@/lib/jobs/queues';
import { notify } from '@/lib/notify';
import { assertFirstSendOrAgain, startPublishSendInTx } from '@/lib/data/editions';
import { decideIntroInTx } from '@/lib/data/intro-decision';
import { afterCommit, askSponsorInTx, conflict, currentStatus, editorsFor, introOf, issueFor, ISSUE_FIELDS, move, to, type Done, type Tx } from '@/lib/data/workflow-tx';
import { parseScheduleTime } from '@/lib/dates';
import { approvalState } from '@/lib/workflow/intro-hash';
import { links } from '@/lib/workflow/links';
import { EMPTY_INTRO_MESSAGE, isBlankRichText } from '@/lib/workflow/publish-gate';
import { assertTransition, type IssueStatus } from '@/lib/workflow/state-machine';
import { blockingUnmet, gateError, gateFor } from './workflow-gate';

// Issue workflow: every status change is a conditional update
// (`updateMany where { id, status: expected }`) in a transaction with its audit row
// and notifications, so of two concurrent changes exactly one wins. A publish that
// emails subscribers creates the edition send in the same transaction. After commit:
// emails are queued, publishing and edition-send jobs queued, public pages
// revalidated; none of those can fail the change.

// ---------------------------------------------------------------------------
// Intro approval

/** DRAFT (or APPROVED after an edit) → IN_REVIEW; notifies the sponsor. */
export async function submitIntroForApproval(user: SessionUser, input: { issueId: string }, opts: { now?: Date } = {}): Promise<Done> {
  requirePermission(user, 'intro:update');
  const now = opts.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    const intro = await introOf(tx, issue.id);
    if (!intro) throw new AppError('invalid', 'This issue has no intro to submit. Add an intro section first.');
    if (isBlankRichText(intro.body)) throw new AppError('invalid', EMPTY_INTRO_MESSAGE);
    if (issue.status === 'IN_REVIEW') throw new AppError('conflict', 'The intro is already waiting for the sponsor’s approval.');
    if (issue.status === 'APPROVED' && approvalState(intro) === 'approved') {
      throw new AppError('conflict', 'The sponsor has already approved the intro as it is now.');
    }
    assertTransition(user, issue.status, 'IN_REVIEW');
    if (!(await move(tx, issue.id, issue.status, 'IN_REVIEW'))) throw conflict(await currentStatus(tx, issue.id));
    const notificationIds = await askSponsorInTx(tx, {
      user,
      issue: { id: issue.id, from: issue.status, to: 'IN_REVIEW' },
      intro,
      now,
      message: { title: `Intro ready for your approval: ${issue.title}`, body: `${user.name} submitted the intro “${intro.title}” for your approval.` },
    });
    return { issue: { id: issue.id, slug: issue.slug, status: 'IN_REVIEW' as const }, notificationIds };
  });
  await afterCommit(result);
  return result;
}

/** IN_REVIEW → APPROVED by a signed-in sponsor (lib/data/intro-decision.ts has the rules). */
export async function approveIntro(
  user: SessionUser,
  input: { issueId: string; contentHash: string },
  opts: { now?: Date } = {},
): Promise<Done & { alreadyApproved: boolean }> {
  const decision = { decision: 'approve' as const, issueId: input.issueId, contentHash: input.contentHash };
  const result = await db.$transaction((tx) => decideIntroInTx(tx, user, decision, { now: opts.now ?? new Date(), via: 'account' }));
  await afterCommit(result);
  return result as Done & { alreadyApproved: boolean };
}

/** IN_REVIEW → DRAFT with a required comment on the intro, which notifies whoever submitted it. */
export async function requestIntroChanges(user: SessionUser, input: { issueId: string; comment: string }): Promise<Done & { commentId: string }> {
  const decision = { decision: 'request-changes' as const, issueId: input.issueId, comment: input.comment };
  const result = await db.$transaction((tx) => decideIntroInTx(tx, user, decision, { now: new Date(), via: 'account' }));
  await afterCommit(result);
  return result as Done & { commentId: string };
}

// ---------------------------------------------------------------------------
// Scheduling and publishing

/**
 * "Email this issue to the subscribers" in the publish panel (decision 026): how
 * much of the intro, and whether the editor means to send an issue sent before
 * again. Absent (null) = publish without emailing.
 */
export type EmailChoice = { introParagraphs: number | null; again: boolean } | null;
export type StartedSend = { id: string; recipients: number } | null;

const emailFields = (email: EmailChoice) => ({ emailOnPublish: !!email, emailIntroParagraphs: email?.introParagraphs ?? null });
const NO_EMAIL = emailFields(null);

/** APPROVED → SCHEDULED at a London date and time; the gate must pass. Queues the publishing job. */
export async function scheduleIssue(
  user: SessionUser,
  input: { issueId: string; date: { day?: unknown; month?: unknown; year?: unknown }; time: string; email?: EmailChoice },
  opts: { now?: Date } = {},
): Promise<Done & { scheduledAt: Date }> {
  requirePermission(user, 'issue:publish');
  const now = opts.now ?? new Date();
  return scheduleIssueAt(user, { issueId: input.issueId, scheduledAt: parseScheduleTime(input, now), email: input.email ?? null }, { now });
}

/**
 * APPROVED → SCHEDULED at an instant (scheduleIssue reads it from the form). With
 * `email`, the choice is kept on the issue and the scheduled publish starts the
 * send; the once-per-issue rule is checked now, as the editor chooses.
 */
export async function scheduleIssueAt(
  user: SessionUser,
  input: { issueId: string; scheduledAt: Date; email?: EmailChoice },
  opts: { now?: Date } = {},
): Promise<Done & { scheduledAt: Date }> {
  requirePermission(user, 'issue:publish');
  const email = input.email ?? null;
  if (email) requirePermission(user, 'edition:send');
  const { scheduledAt } = input;
  if (!(scheduledAt.getTime() > (opts.now ?? new Date()).getTime())) {
    throw new AppError('invalid', 'The publication time must be in the future', { fieldErrors: { date: ['The publication time must be in the future'] } });
  }
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    assertTransition(user, issue.status, 'SCHEDULED');
    const gate = await gateFor(tx, issue.id);
    if (!gate.passed) throw gateError(gate, 'scheduled');
    if (email) assertFirstSendOrAgain(await tx.editionSend.count({ where: { issueId: issue.id } }), email.again);
    if (!(await move(tx, issue.id, issue.status, 'SCHEDULED', { scheduledAt, ...emailFields(email) }))) throw conflict(await currentStatus(tx, issue.id));
    await audit(tx, {
      actorId: user.id,
      action: 'issue.schedule',
      entityType: 'Issue',
      entityId: issue.id,
      details: { from: issue.status, to: 'SCHEDULED', scheduledAt: scheduledAt.toISOString(), ...(email ? { email: { introParagraphs: email.introParagraphs } } : {}) },
    });
    return { issue: { id: issue.id, slug: issue.slug, status: 'SCHEDULED' as const }, notificationIds: [], scheduledAt };
  });
  await enqueuePublish(result.issue.id, scheduledAt);
  return result;
}

/** SCHEDULED → APPROVED: the queued job then finds nothing to publish. */
export async function unscheduleIssue(user: SessionUser, input: { issueId: string }): Promise<Done> {
  requirePermission(user, 'issue:publish');
  return db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    assertTransition(user, issue.status, 'APPROVED');
    if (!(await move(tx, issue.id, 'SCHEDULED', 'APPROVED', { scheduledAt: null, ...NO_EMAIL }))) throw conflict(await currentStatus(tx, issue.id));
    await audit(tx, {
      actorId: user.id,
      action: 'issue.unschedule',
      entityType: 'Issue',
      entityId: issue.id,
      details: { from: 'SCHEDULED', to: 'APPROVED', scheduledAt: issue.scheduledAt?.toISOString() ?? null },
    });
    return { issue: { id: issue.id, slug: issue.slug, status: 'APPROVED' as const }, notificationIds: [] };
  });
}

/**
 * The publishing step shared by editors and the job worker: sets PUBLISHED and
 * publishedAt (the first publication's time is kept when an issue is republished),
 * audit row, notification. Returns null when the issue was no longer `from`.
 */
export async function publishInTx(
  tx: Tx,
  issue: { id: string; slug: string; title: string; createdById: string | null },
  from: IssueStatus,
  actor: { id: string | null; name: string },
  now: Date,
  extraWhere: Prisma.IssueWhereInput = {},
): Promise<(Done & { revision: number }) | null> {
  const current = await tx.issue.findUnique({ where: { id: issue.id }, select: { publishedAt: true } });
  const { count } = await tx.issue.updateMany({
    where: { id: issue.id, status: from, ...extraWhere },
    data: { status: 'PUBLISHED', publishedAt: current?.publishedAt ?? now, scheduledAt: null, ...NO_EMAIL },
  });
  if (count !== 1) return null;
  const publication = await writePublicationSnapshot(tx, issue.id, actor.id, now);
  await audit(tx, {
    actorId: actor.id,
    action: 'issue.publish',
    entityType: 'Issue',
    entityId: issue.id,
    details: { from, to: 'PUBLISHED', by: actor.id ? 'editor' : 'schedule', revision: publication.revision },
  });
  const notificationIds = await notify(
    tx,
    to(await editorsFor(tx, issue, ['issue.schedule', 'issue.publish']), {
      kind: 'ISSUE_PUBLISHED',
      title: `Published: ${issue.title}`,
      body: actor.id ? `${actor.name} published the issue.` : 'The issue was published at its scheduled time.',
      href: links.issue(issue.id),
    }),
    { exceptUserId: actor.id },
  );
  return { issue: { id: issue.id, slug: issue.slug, status: 'PUBLISHED' }, notificationIds, revision: publication.revision };
}

/**
 * APPROVED or SCHEDULED → PUBLISHED now; the gate must pass. With `email`, the
 * send to subscribers is created in the same transaction (so it exists exactly when
 * the publish does) and queued after commit; the choice replaces one stored by
 * scheduling.
 */
export async function publishIssue(
  user: SessionUser,
  input: { issueId: string; email?: EmailChoice },
  opts: { now?: Date } = {},
): Promise<Done & { send: StartedSend }> {
  requirePermission(user, 'issue:publish');
  const email = input.email ?? null;
  if (email) requirePermission(user, 'edition:send');
  const now = opts.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    assertTransition(user, issue.status, 'PUBLISHED');
    const gate = await gateFor(tx, issue.id);
    if (!gate.passed) throw gateError(gate, 'published');
    const done = await publishInTx(tx, issue, issue.status, user, now);
    if (!done) throw conflict(await currentStatus(tx, issue.id));
    const send = email ? await startPublishSendInTx(tx, { issueId: issue.id, ...email, actorId: user.id, via: 'publish' }) : null;
    return { ...done, send };
  });
  if (result.send) await enqueueEditionSend(result.send.id);
  await afterCommit(result, { revalidate: true });
  return result;
}

export type ScheduledOutcome = 'published' | 'not-scheduled' | 'not-due' | 'blocked';

/**
 * The job worker's publish: only if the issue is still SCHEDULED and due, so
 * running it twice publishes once. If the gate no longer passes (say the intro was
 * edited after scheduling), the issue goes back to APPROVED and the editor is told.
 */
export async function publishDueIssue(issueId: string, opts: { now?: Date } = {}): Promise<ScheduledOutcome> {
  const now = opts.now ?? new Date();
  let done: Done | null = null;
  let send: StartedSend = null;
  const outcome = await db.$transaction(async (tx): Promise<ScheduledOutcome> => {
    const issue = await tx.issue.findUnique({ where: { id: issueId }, select: { ...ISSUE_FIELDS, emailOnPublish: true, emailIntroParagraphs: true } });
    if (!issue || issue.status !== 'SCHEDULED' || !issue.scheduledAt) return 'not-scheduled';
    if (issue.scheduledAt.getTime() > now.getTime()) return 'not-due';
    const gate = await gateFor(tx, issue.id);
    if (!gate.passed) {
      if (!(await move(tx, issue.id, 'SCHEDULED', 'APPROVED', { scheduledAt: null, ...NO_EMAIL }))) return 'not-scheduled';
      const unmet = blockingUnmet(gate);
      await audit(tx, {
        actorId: null,
        action: 'issue.schedule-blocked',
        entityType: 'Issue',
        entityId: issue.id,
        details: { from: 'SCHEDULED', to: 'APPROVED', scheduledAt: issue.scheduledAt.toISOString(), unmet: unmet.map((i) => i.key) },
      });
      const notificationIds = await notify(
        tx,
        to(await editorsFor(tx, issue, ['issue.schedule']), {
          kind: 'ISSUE_PUBLISHED',
          title: `Not published: ${issue.title}`,
          body: `The issue was due to be published but was held back: ${unmet.map((i) => i.message).join(' ')}`,
          href: links.issue(issue.id),
        }),
      );
      done = { issue: { id: issue.id, slug: issue.slug, status: 'APPROVED' }, notificationIds };
      return 'blocked';
    }
    done = await publishInTx(tx, issue, 'SCHEDULED', { id: null, name: 'Schedule' }, now, { scheduledAt: { lte: now } });
    if (!done) return 'not-scheduled';
    // The editor's choice when scheduling, once-per-issue checked then: only this
    // publish (the conditional update above) starts it, so a retried job sends nothing.
    if (issue.emailOnPublish) {
      send = await startPublishSendInTx(tx, { issueId: issue.id, introParagraphs: issue.emailIntroParagraphs, again: true, actorId: null, via: 'schedule' });
    }
    return 'published';
  });
  const started = send as StartedSend;
  if (started) await enqueueEditionSend(started.id);
  const finished = done as Done | null;
  if (finished) await afterCommit(finished, { revalidate: outcome === 'published' });
  return outcome;
}

/** SCHEDULED issues whose time has passed, oldest first. */
export async function overdueIssueIds(now: Date = new Date()): Promise<string[]> {
  const rows = await db.issue.findMany({
    where: { status: 'SCHEDULED', scheduledAt: { lte: now } },
    orderBy: { scheduledAt: 'asc' },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** PUBLISHED (or ARCHIVED) → DRAFT. Revisions, audit rows and publishedAt stay. */
export async function unpublishIssue(user: SessionUser, input: { issueId: string }): Promise<Done> {
  requirePermission(user, 'issue:publish');
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    assertTransition(user, issue.status, 'DRAFT');
    if (issue.status !== 'PUBLISHED' && issue.status !== 'ARCHIVED') throw conflict(issue.status);
    if (!(await move(tx, issue.id, issue.status, 'DRAFT', { scheduledAt: null }))) throw conflict(await currentStatus(tx, issue.id));
    await audit(tx, { actorId: user.id, action: 'issue.unpublish', entityType: 'Issue', entityId: issue.id, details: { from: issue.status, to: 'DRAFT' } });
    return { issue: { id: issue.id, slug: issue.slug, status: 'DRAFT' as const }, notificationIds: [] };
  });
  await afterCommit(result, { revalidate: true });
  return result;
}

/** PUBLISHED → ARCHIVED: off the public site, kept in the admin. */
export async function archiveIssue(user: SessionUser, input: { issueId: string }): Promise<Done> {
  requirePermission(user, 'issue:publish');
  const result = await db.$transaction(async (tx) => {
    const issue = await issueFor(tx, input.issueId);
    assertTransition(user, issue.status, 'ARCHIVED');
    if (!(await move(tx, issue.id, 'PUBLISHED', 'ARCHIVED'))) throw conflict(await currentStatus(tx, issue.id));
    await audit(tx, { actorId: user.id, action: 'issue.archive', entityType: 'Issue', entityId: issue.id, details: { from: 'PUBLISHED', to: 'ARCHIVED' } });
    return { issue: { id: issue.id, slug: issue.slug, status: 'ARCHIVED' as const }, notificationIds: [] };
  });
  await afterCommit(result, { revalidate: true });
  return result;
}
