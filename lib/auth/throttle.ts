import 'server-only';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import { db } from '@/lib/db';
import { accountKey } from './sign-in-body';

// Sign-in throttling, counted in Postgres so restarts and several app processes
// share the count: 10 attempts per 15 minutes per account, and 50 failed
// attempts per 15 minutes per client IP (higher, because a council office shares
// one address). Successful sign-ins give the IP its attempt back.
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_ATTEMPTS = 10;
export const IP_FAILURES = 50;

const limiters = new Map<string, RateLimiterPrisma>();
function limiter(kind: 'account' | 'ip') {
  let l = limiters.get(kind);
  if (!l) {
    l = new RateLimiterPrisma({
      storeClient: db,
      tableName: 'rateLimiterFlexible',
      keyPrefix: `sign-in:${kind}`,
      points: kind === 'account' ? ACCOUNT_ATTEMPTS : IP_FAILURES,
      duration: SIGN_IN_WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    });
    limiters.set(kind, l);
  }
  return l;
}

export type ThrottleResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one attempt against the account and the IP; refuses once either is spent.
 * A body with no address cannot sign anyone in, so it counts against the IP only
 * (a shared empty-address bucket would let one client lock out everyone else's).
 */
export async function consumeSignInAttempt(opts: { email: string | undefined; ip: string | null }): Promise<ThrottleResult> {
  const account = accountKey(opts.email);
  const attempts: Promise<unknown>[] = account ? [limiter('account').consume(account)] : [];
  if (opts.ip) attempts.push(limiter('ip').consume(opts.ip));
  const results = await Promise.allSettled(attempts);
  const waits: number[] = [];
  for (const r of results) {
    if (r.status === 'fulfilled') continue;
    if (r.reason instanceof RateLimiterRes) waits.push(r.reason.msBeforeNext);
    else throw r.reason;
  }
  if (waits.length === 0) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
}

/** After a successful sign-in: clear the account's count and refund the IP's attempt. */
export async function recordSuccessfulSignIn(opts: { email: string; ip: string | null }) {
  await limiter('account').delete(accountKey(opts.email));
  if (opts.ip) await limiter('ip').reward(opts.ip, 1);
}
