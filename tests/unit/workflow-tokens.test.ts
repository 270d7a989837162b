import { describe, expect, it } from 'vitest';
import { hashToken, newToken, tokenProblem } from '@/lib/workflow/tokens';

describe('single-purpose link tokens', () => {
  it('are 32 random bytes in base64url, stored as their SHA-256', () => {
    const a = newToken();
    const b = newToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.token).not.toBe(b.token);
    expect(hashToken(a.token)).toBe(a.hash);
    expect(a.hash).not.toContain(a.token);
  });

  it('refuse anything not shaped like a token (tampered, truncated, padded)', () => {
    const { token } = newToken();
    expect(hashToken(token.slice(1))).toBeNull();
    expect(hashToken(`${token}=`)).toBeNull();
    expect(hashToken(`${token.slice(0, 42)}/`)).toBeNull();
    expect(hashToken('')).toBeNull();
    const tampered = `${token.slice(0, 42)}${token[42] === 'A' ? 'B' : 'A'}`;
    expect(hashToken(tampered)).not.toBe(hashToken(token));
  });

  it('say why a stored token cannot be used', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const ok = { expiresAt: new Date('2026-12-08T12:00:00Z'), usedAt: null, revokedAt: null };
    expect(tokenProblem(ok, now, { singleUse: true })).toBeNull();
    expect(tokenProblem(null, now, { singleUse: true })).toBe('invalid');
    expect(tokenProblem({ ...ok, expiresAt: now }, now, { singleUse: true })).toBe('expired');
    expect(tokenProblem({ ...ok, usedAt: now }, now, { singleUse: true })).toBe('used');
    expect(tokenProblem({ ...ok, usedAt: now }, now, { singleUse: false })).toBeNull();
    expect(tokenProblem({ ...ok, usedAt: now, revokedAt: now, expiresAt: now }, now, { singleUse: true })).toBe('revoked');
  });
});
