import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { siteUrl, SITE_NAME } from '@/lib/site';

// One nodemailer transport per SMTP_URL (e.g. smtp://user:pass@host:587 or
// smtps://host:465). No SMTP_URL: no transport, and emails are skipped.
const g = globalThis as unknown as { __emailTransport?: { url: string; transport: Transporter } };

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
