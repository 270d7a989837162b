// Email content: every message has a plain-text and an HTML part and links to
// the exact place in the app. User-supplied text (titles, comments, names) is
// HTML-escaped; headers are checked for CR/LF so nothing can add a header.
import { siteUrl, SITE_NAME } from '@/lib/site';
import { isAppPath } from '@/lib/workflow/links';
import { formatDateTime } from '@/lib/dates';

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe for the edition); each value is checked for CR/LF when sent. */
  headers?: Record<string, string>;
};

/** A header value (subject, address) that would let someone inject headers. */
export class EmailHeaderError extends Error {
  constructor(readonly field: 'subject' | 'to') {
    super(`The email ${field} contains a line break, so it was not sent.`);
    this.name = 'EmailHeaderError';
  }
}

const CONTROL = /[\r\n\u0000\u0085\u2028\u2029]/;

export function assertHeaderSafe(value: string, field: 'subject' | 'to'): string {
  if (CONTROL.test(value)) throw new EmailHeaderError(field);
  return value;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The absolute URL of a path in the app (SITE_URL + path); never another origin. */
export function appUrl(path: string): string {
  if (!isAppPath(path)) throw new Error(`Not a path in the app: ${path}`);
  return `${siteUrl()}${path}`;
}

/** The plain-text and HTML bodies of a simple message: heading, paragraphs, one link. */
export function layout(opts: { heading: string; paragraphs: string[]; quote?: string; link: { href: string; label: string }; footer: string }) {
  const text = [
    opts.heading,
    '',
    ...opts.paragraphs.flatMap((p) => [p, '']),
    ...(opts.quote ? [...opts.quote.split(/\r?\n/).map((l) => `> ${l}`), ''] : []),
    `${opts.link.label}: ${opts.link.href}`,
    '',
    '--',
    opts.footer,
  ].join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(opts.heading)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c;">',
    `<h1 style="font-size: 24px;">${escapeHtml(opts.heading)}</h1>`,
    ...opts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(opts.quote
      ? [`<blockquote style="border-left: 4px solid #b1b4b6; margin: 0 0 16px; padding-left: 12px;">${escapeHtml(opts.quote).replace(/\r?\n/g, '<br>')}</blockquote>`]
      : []),
    `<p><a href="${escapeHtml(opts.link.href)}" style="color: #1d70b8;">${escapeHtml(opts.link.label)}</a></p>`,
    `<hr><p style="font-size: 14px; color: #505a5f;">${escapeHtml(opts.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}

export type NotificationEmailInput = { to: string; recipientName: string; title: string; body: string; href: string };

/** The email for an in-app notification: its title as the subject, its text, a link to where it happened. */
export function notificationEmail(n: NotificationEmailInput): EmailMessage {
  const subject = assertHeaderSafe(`${n.title} – ${SITE_NAME}`, 'subject');
  const { text, html } = layout({
    heading: n.title,
    paragraphs: [`Hello ${n.recipientName},`],
    quote: n.body || undefined,
    link: { href: appUrl(n.href), label: 'Open it in Regional Update' },
    footer: `You get this email because of your account on ${SITE_NAME}. Your notifications are at ${appUrl('/admin/notifications')}.`,
  });
  return { to: assertHeaderSafe(n.to, 'to'), subject, text, html };
}

export type ApprovalLinkEmailInput = { to: string; issueTitle: string; senderName: string; link: string; expiresAt: Date };

/** The sponsor's approval link (no account needed): the link carries the token, so it goes only to them. */
export function approvalLinkEmail(n: ApprovalLinkEmailInput): EmailMessage {
  const subject = assertHeaderSafe(`Please approve your intro to ${n.issueTitle} – ${SITE_NAME}`, 'subject');
  const expires = formatDateTime(n.expiresAt, { weekday: true });
  const { text, html } = layout({
    heading: `Your intro to ${n.issueTitle} is ready for approval`,
    paragraphs: [
      `${n.senderName} has asked you to read the intro that carries your name and approve it or ask for changes.`,
      `The link works until ${expires}. Do not forward it: anyone with it can approve the intro.`,
    ],
    link: { href: n.link, label: 'Read and approve the intro' },
    footer: `${SITE_NAME}. If you were not expecting this email, you can ignore it.`,
  });
  return { to: assertHeaderSafe(n.to, 'to'), subject, text, html };
}

export type SignInLinkEmailInput = { to: string; name: string; link: string; minutes: number };

/** A one-time sign-in link (lib/auth/magic-link.ts). */
export function signInLinkEmail(n: SignInLinkEmailInput): EmailMessage {
  const subject = assertHeaderSafe(`Your sign-in link – ${SITE_NAME}`, 'subject');
  const { text, html } = layout({
    heading: `Sign in to ${SITE_NAME}`,
    paragraphs: [
      `Hello ${n.name},`,
      `Use this link to sign in to ${SITE_NAME}. It works once and expires in ${n.minutes} minutes.`,
    ],
    link: { href: n.link, label: `Sign in to ${SITE_NAME}` },
    footer: 'If you did not ask for this link, ignore this email: nobody can sign in without it.',
  });
  return { to: assertHeaderSafe(n.to, 'to'), subject, text, html };
}
