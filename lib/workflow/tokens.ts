// Single-purpose links (sponsor approval without an account, issue preview, email
// sign-in): a random 32-byte token in the link, only its SHA-256 in the database,
// so a copy of the database opens nothing.
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_BYTES = 32;
export const APPROVAL_LINK_DAYS = 7;
export const PREVIEW_LINK_DAYS = 7;

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** A fresh token (base64url, 43 characters) and the hash to store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: sha256(token) };
}

function sha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The stored hash for a token from a link, or null if it cannot be one of ours. */
export function hashToken(token: string): string | null {
  return TOKEN_FORMAT.test(token) ? sha256(token) : null;
}

export type TokenProblem = 'invalid' | 'expired' | 'revoked' | 'used';

export type TokenRow = { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null };

/** Why a stored token can no longer be used, or null if it can. Revoked wins over used and expired. */
export function tokenProblem(row: TokenRow | null, now: Date, opts: { singleUse: boolean }): TokenProblem | null {
  if (!row) return 'invalid';
  if (row.revokedAt) return 'revoked';
  if (opts.singleUse && row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

export const TOKEN_PROBLEM_MESSAGES: Record<TokenProblem, string> = {
  invalid: 'This link is not valid. Check you copied the whole link, or ask the editor for a new one.',
  expired: 'This link has expired. Ask the editor to send you a new one.',
  revoked: 'This link has been withdrawn. Ask the editor to send you a new one.',
  used: 'This link has already been used to give a decision. Ask the editor if you need to change it.',
};
