import 'server-only';
import { db } from '@/lib/db';
import { EmailHeaderError, notificationEmail, type EmailMessage } from '@/lib/email/messages';
import { sendEmail, type SendResult } from '@/lib/email/send';
import type { SendEmailJob } from './names';

export type EmailJobResult = SendResult | { status: 'skipped'; reason: 'no-recipient' } | { status: 'rejected'; reason: string };

/** The message for a job: a notification rendered for its recipient, or a ready message. */
async function messageFor(job: SendEmailJob): Promise<EmailMessage | null> {
  if ('message' in job) return job.message;
  const n = await db.notification.findUnique({
    where: { id: job.notificationId },
    select: { title: true, body: true, href: true, user: { select: { email: true, name: true, active: true } } },
  });
  if (!n || !n.user.active) return null;
  return notificationEmail({ to: n.user.email, recipientName: n.user.name, title: n.title, body: n.body, href: n.href });
}

/**
 * The send-email worker. SMTP failures throw, so pg-boss retries them with backoff;
 * a message that can never be sent (a header with a line break, a recipient who has
 * gone) completes as rejected or skipped instead of being retried.
 */
export async function handleSendEmail(job: SendEmailJob): Promise<EmailJobResult> {
  try {
    const message = await messageFor(job);
    if (!message) return { status: 'skipped', reason: 'no-recipient' };
    return await sendEmail(message);
  } catch (error) {
    if (error instanceof EmailHeaderError) {
      console.error(`Email refused: ${error.message}`);
      return { status: 'rejected', reason: error.message };
    }
    throw error;
  }
}
