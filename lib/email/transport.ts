import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { siteUrl, SITE_NAME } from '@/lib/site';

// One nodemailer transport per SMTP_URL (e.g. smtp://user:pass@host:587 or
// smtps://host:465). No SMTP_URL: no transport, and emails are skipped.
const g = globalThis as unknown as { __emailTransport?: { url: string; transport: Transporter }; __dkimWarned?: boolean };

export function getTransport(): Transporter | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  if (g.__emailTransport?.url !== url) {
    g.__emailTransport?.transport.close();
    g.__emailTransport = { url, transport: nodemailer.createTransport(url) };
  }
  return g.__emailTransport.transport;
}

/** The From address: EMAIL_FROM, or no-reply at the site's host. */
export function emailFrom(): string {
  const configured = process.env.EMAIL_FROM?.trim();
  if (configured) return configured;
  return `"${SITE_NAME}" <no-reply@${new URL(siteUrl()).hostname}>`;
}

export type DkimOptions = { domainName: string; keySelector: string; privateKey: string };

/**
 * DKIM signing (nodemailer signs each message) when DKIM_DOMAIN, DKIM_SELECTOR and
 * DKIM_PRIVATE_KEY (PEM; `\n` escapes allowed, for one-line environments) are all
 * set. Some but not all of them is a configuration mistake: said once, not signed.
 */
export function dkimOptions(): DkimOptions | null {
  const domainName = process.env.DKIM_DOMAIN?.trim();
  const keySelector = process.env.DKIM_SELECTOR?.trim();
  const privateKey = process.env.DKIM_PRIVATE_KEY?.trim().replace(/\\n/g, '\n');
  if (domainName && keySelector && privateKey) return { domainName, keySelector, privateKey };
  if ((domainName || keySelector || privateKey) && !g.__dkimWarned) {
    g.__dkimWarned = true;
    console.warn('DKIM is not used: set all of DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY.');
  }
  return null;
}
