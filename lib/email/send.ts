import 'server-only';
import { assertHeaderSafe, type EmailMessage } from './messages';
import { dkimOptions, emailFrom, getTransport } from './transport';

export type SendResult = { status: 'sent'; messageId: string; accepted: string[] } | { status: 'skipped'; reason: 'no-smtp' };

/**
 * Sends one message. Throws EmailHeaderError for a header with a line break (do not
 * retry) and the transport's error when the SMTP server fails (retry). Without
 * SMTP_URL the message is skipped and logged, never an error.
 */
export async function sendEmail(message: EmailMessage): Promise<SendResult> {
  assertHeaderSafe(message.subject, 'subject');
  assertHeaderSafe(message.to, 'to');
  for (const value of Object.values(message.headers ?? {})) assertHeaderSafe(value, 'subject');
  const transport = getTransport();
  if (!transport) {
    console.info(`email skipped (SMTP_URL is not set): "${message.subject}" to ${message.to}`);
    return { status: 'skipped', reason: 'no-smtp' };
  }
  const dkim = dkimOptions();
  const info = await transport.sendMail({
    from: emailFrom(),
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    // No tracking, no auto-replies.
    headers: { 'Auto-Submitted': 'auto-generated', ...message.headers },
    ...(dkim ? { dkim } : {}),
  });
  return { status: 'sent', messageId: String(info.messageId), accepted: (info.accepted ?? []).map(String) };
}
