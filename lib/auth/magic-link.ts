import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { appUrl, signInLinkEmail } from '@/lib/email/messages';
import { sendEmail } from '@/lib/email/send';
import { consumeSignInAttempt } from './throttle';

// Email magic-link sign-in (optional: only when SMTP_URL is set). The link carries
// a random token; only its SHA-256 is stored. A link works once, for 15 minutes,
// and only for an active account that already exists: nobody signs up this way.

export const SIGN_IN_LINK_MINUTES = 15;

export const magicLinksEnabled = () => !!process.env.SMTP_URL?.trim();

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type LinkRequest = { email: string; ip: string | null; callbackUrl: string };

/**
 * Sends a sign-in link if the email belongs to an active account. The caller
 * always tells the user the same thing, so this does not reveal who has an account.
 * Returns false only when the request was throttled.
 */
export async function requestSignInLink({ email, ip, callbackUrl }: LinkRequest): Promise<boolean> {
  const verdict = await consumeSignInAttempt({ email, ip });
  if (!verdict.ok) return false;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, active: true } });
  if (!user?.active) return true;
  const token = randomBytes(32).toString('base64url');
  await db.$transaction([
    db.accessToken.create({
      data: {
        purpose: 'SIGN_IN',
        tokenHash: hashToken(token),
        userId: user.id,
        email: user.email,
        expiresAt: new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
      },
      select: { id: true },
    }),
    db.auditLog.create({ data: { actorId: user.id, action: 'auth.sign-in-link', entityType: 'User', entityId: user.id } }),
  ]);
  const link = appUrl(`/sign-in/link?${new URLSearchParams({ token, callbackUrl })}`);
  try {
    await sendEmail(signInLinkEmail({ to: user.email, name: user.name, link, minutes: SIGN_IN_LINK_MINUTES }));
  } catch (error) {
    // The user sees the same page either way; the failure is for the operator.
    console.error('[sign-in link] email not sent', error);
  }
  return true;
}

/** Uses a sign-in token: the account it signs in, or null when unknown, used, revoked or expired. */
export async function consumeSignInLink(token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const tokenHash = hashToken(token);
  const now = new Date();
  // Conditional update: of two clicks on one link, only one signs in.
  const used = await db.accessToken.updateMany({
    where: { tokenHash, purpose: 'SIGN_IN', usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (used.count !== 1) return null;
  const row = await db.accessToken.findUnique({
    where: { tokenHash },
    select: { user: { select: { id: true, email: true, name: true, active: true, sessionVersion: true } } },
  });
  const user = row?.user;
  if (!user?.active) return null;
  return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
}
