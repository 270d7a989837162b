import 'server-only';
import { audit } from '@/lib/audit';
import { can, requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { renderEdition, type IntroLength } from '@/lib/email/edition/render';
import { appUrl } from '@/lib/email/messages';
import { sendEmail } from '@/lib/email/send';
import { AppError } from '@/lib/errors';
import { enqueueEditionSend } from '@/lib/jobs/queues';
import { createEditionSendInTx, sendProgress } from '@/lib/subscriptions/deliver';
import type { Tx } from './workflow-tx';
import { issueArticleSelect } from './issues';

// The email edition in the admin: a preview (HTML and text) and a test sent to
// the editor's own address. Both render the working sections, as the admin's
// page preview does, so an editor sees the email before publishing. Subscriber
// links in a preview are samples (they lead to the subscribe page).

export async function previewEdition(user: SessionUser, issueId: string, intro: IntroLength) {
  requirePermission(user, 'edition:send');
  requirePermission(user, 'issue:read');
  requirePermission(user, 'section:read');
  const issue = await db.issue.findUnique({ where: { id: issueId }, select: { ...issueArticleSelect, status: true } });
  if (!issue) return null;
  const sample = appUrl('/subscribe');
  const edition = await renderEdition({ issue, intro, manageUrl: sample, unsubscribeUrl: sample, now: new Date() });
  return { issue: { id: issue.id, title: issue.title, status: issue.status }, edition };
}

/** Sends the preview to the signed-in editor, marked as a test, and records it. */
export async function sendTestEdition(user: SessionUser, issueId: string, intro: IntroLength): Promise<{ to: string; sent: boolean }> {
  requirePermission(user, 'edition:send');
  const preview = await previewEdition(user, issueId, intro);
  if (!preview) throw new AppError('not_found', 'That issue no longer exists.');
  const { edition } = preview;
  const result = await sendEmail({ to: user.email, subject: `Test: ${edition.subject}`, text: edition.text, html: edition.html, headers: edition.headers });
  await audit(db, { actorId: user.id, action: 'edition.test-send', entityType: 'Issue', entityId: issueId, details: { intro: intro.mode, sent: result.status === 'sent' } });
  return { to: user.email, sent: result.status === 'sent' };
}

type Client = Pick<Tx, '$queryRaw'>;

/** Confirmed subscribers of new issues whose address is not suppressed: who a send would go to now. */
async function recipientCount(client: Client = db) {
  const [row] = await client.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Subscriber" s
    WHERE s.status = 'CONFIRMED' AND s."newIssues"
      AND NOT EXISTS (SELECT 1 FROM "EmailSuppression" e WHERE e.email = s.email AND e."liftedAt" IS NULL)`;
  return row?.n ?? 0;
}

/** For the email page: how many would get it, and every send of this issue with its progress. */
export async function editionSendsView(user: SessionUser, issueId: string) {
  requirePermission(user, 'edition:send');
  const [recipients, sends] = await Promise.all([
    recipientCount(),
    db.editionSend.findMany({ where: { issueId }, orderBy: { createdAt: 'desc' }, select: { id: true, createdAt: true, finishedAt: true, createdBy: { select: { name: true } } } }),
  ]);
  const withProgress = await Promise.all(sends.map(async (s) => ({ ...s, progress: await sendProgress(s.id) })));
  return { recipients, sends: withProgress };
}

/** The once-per-issue rule: a second send of an issue only when the editor means it ("again"). */
export function assertFirstSendOrAgain(previousSends: number, again: boolean) {
  if (previousSends > 0 && !again) {
    throw new AppError('invalid', 'This issue has already been sent. To send it again, tick "Send it again" and confirm.', { fieldErrors: { again: ['Tick this to send the issue again'] } });
  }
}

export type StartSend = { issueId: string; introParagraphs: number | null; again: boolean; actorId: string | null; via: 'email-page' | 'publish' | 'schedule'; expectedRecipients?: number };

/**
 * The core of starting a send, inside the caller's transaction: the issue must be
 * published (a publish starts its send in its own transaction, so publishing and
 * sending commit together or not at all), sent before only if `again`, and, if the
 * editor confirmed a count, still that count. The issue row is locked first, so two
 * sends started at once are counted one after the other. Queue the returned send
 * with enqueueEditionSend after commit.
 */
export async function startEditionSendInTx(tx: Tx, input: StartSend) {
  await tx.$queryRaw`SELECT id FROM "Issue" WHERE id = ${input.issueId}::uuid FOR UPDATE`;
  const issue = await tx.issue.findUnique({ where: { id: input.issueId }, select: { status: true, _count: { select: { editionSends: true } } } });
  if (!issue) throw new AppError('not_found', 'That issue no longer exists.');
  if (issue.status !== 'PUBLISHED') throw new AppError('invalid', 'Publish the issue first: only a published issue can be sent to subscribers.');
  assertFirstSendOrAgain(issue._count.editionSends, input.again);
  if (input.expectedRecipients !== undefined) {
    const now = await recipientCount(tx);
    if (now !== input.expectedRecipients) {
      throw new AppError('invalid', `The number of subscribers has changed: it would now go to ${now}. Check the number and send again.`, { data: { recipients: now } });
    }
  }
  return createEditionSendInTx(tx, { issueId: input.issueId, introParagraphs: input.introParagraphs, actorId: input.actorId, via: input.via });
}

/**
 * The send a publish starts when its box is ticked: the same core, but with nobody
 * to send to there is no send, so the issue does not count as sent when subscribers
 * come later.
 */
export async function startPublishSendInTx(tx: Tx, input: Omit<StartSend, 'expectedRecipients'>) {
  if ((await recipientCount(tx)) === 0) return null;
  return startEditionSendInTx(tx, input);
}

/**
 * Starts a send of a published issue to its subscribers from the email page. Once
 * per issue unless the editor ticks "send again"; the count they confirmed must
 * still be the count (else they are shown the new one). Delivery is the
 * send-edition job's.
 */
export async function startEditionSend(user: SessionUser, input: { issueId: string; introParagraphs: number | null; expectedRecipients: number; again: boolean }) {
  requirePermission(user, 'edition:send');
  const send = await db.$transaction((tx) => startEditionSendInTx(tx, { ...input, actorId: user.id, via: 'email-page' }));
  await enqueueEditionSend(send.id);
  return send;
}

/**
 * What the publish panel offers (null to someone who may not send): how many would
 * get the issue now, and the last send of it, if any, so publishing again does not
 * send again silently.
 */
export async function emailOnPublishView(user: SessionUser, issueId: string) {
  if (!can(user, 'edition:send')) return null;
  const [recipients, last] = await Promise.all([
    recipientCount(),
    db.editionSend.findFirst({ where: { issueId }, orderBy: { createdAt: 'desc' }, select: { createdAt: true, _count: { select: { deliveries: true } } } }),
  ]);
  return { recipients, lastSend: last ? { at: last.createdAt, recipients: last._count.deliveries } : null };
}
