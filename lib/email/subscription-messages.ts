// The two emails the subscribe form can cause. They go only to the address that
// was typed, carry a secret link, and so are sent directly (never as queued
// `{ message }` jobs, which would store the link in pgboss.job; decision 012).
import { SITE_NAME } from '@/lib/site';
import { assertHeaderSafe, layout, type EmailMessage } from './messages';

export function confirmSubscriptionEmail(n: { to: string; link: string; hours: number; summary: string }): EmailMessage {
  const subject = assertHeaderSafe(`Confirm your subscription to ${SITE_NAME}`, 'subject');
  const { text, html } = layout({
    heading: `Confirm your subscription to ${SITE_NAME}`,
    paragraphs: [
      `Someone, probably you, asked to get ${SITE_NAME} by email at this address.`,
      n.summary,
      `Nothing will be sent unless you confirm. The link works once, for ${n.hours} hours.`,
    ],
    link: { href: n.link, label: 'Confirm your subscription' },
    footer: 'If you did not ask for this, ignore this email: you will not be subscribed and we will not write again.',
  });
  return { to: assertHeaderSafe(n.to, 'to'), subject, text, html };
}

export function alreadySubscribedEmail(n: { to: string; manageLink: string }): EmailMessage {
  const subject = assertHeaderSafe(`You are already subscribed to ${SITE_NAME}`, 'subject');
  const { text, html } = layout({
    heading: `You are already subscribed to ${SITE_NAME}`,
    paragraphs: [
      `Someone, probably you, asked to subscribe this address to ${SITE_NAME}. It is already subscribed, so nothing has changed.`,
      'To change what you get, or to unsubscribe, use the link below.',
    ],
    link: { href: n.manageLink, label: 'Manage your subscription' },
    footer: 'If you did not ask for this, you can ignore this email.',
  });
  return { to: assertHeaderSafe(n.to, 'to'), subject, text, html };
}
