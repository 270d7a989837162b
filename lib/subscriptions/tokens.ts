import 'server-only';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Two kinds of link. The confirmation link carries a random token that works once
// and expires; only its SHA-256 is stored. The manage link (in every email, also
// the List-Unsubscribe URL) must keep working for as long as old emails are read,
// so it is not stored at all: it is the subscriber's id and link version, signed
// with a key derived from NEXTAUTH_SECRET. Raising Subscriber.manageVersion
// invalidates every manage link sent so far.

export const CONFIRMATION_HOURS = 48;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function newConfirmationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

function manageKey(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET must be set to sign subscription links.');
  return createHmac('sha256', secret).update('regional-update/subscriber-manage-link/v1').digest();
}

const sign = (id: string, version: number) => createHmac('sha256', manageKey()).update(`${id}:${version}`).digest('base64url');

/** `<subscriber id>.<version>.<signature>`: URL-safe, no padding. */
export function manageToken(subscriber: { id: string; manageVersion: number }): string {
  return `${subscriber.id}.${subscriber.manageVersion}.${sign(subscriber.id, subscriber.manageVersion)}`;
}

const MANAGE_TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([1-9][0-9]{0,8})\.([A-Za-z0-9_-]{43})$/;

/** The subscriber id and version a manage token names, or null when it is malformed or its signature is wrong. */
export function verifyManageToken(token: string): { id: string; version: number } | null {
  const m = MANAGE_TOKEN.exec(token);
  if (!m) return null;
  const [, id, v, signature] = m as unknown as [string, string, string, string];
  const version = Number(v);
  const expected = Buffer.from(sign(id, version));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { id, version } : null;
}
