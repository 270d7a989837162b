import 'server-only';
import { audit } from '@/lib/audit';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { renderEdition, type IntroLength } from '@/lib/email/edition/render';
import { appUrl } from '@/lib/email/messages';
import { sendEmail } from '@/lib/email/send';
import { AppError } from '@/lib/errors';
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
