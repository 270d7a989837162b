import 'server-only';
import { createHash } from 'node:crypto';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import { db } from '@/lib/db';

// Subscribe requests, counted in Postgres like sign-in (lib/auth/throttle.ts): 5
// an hour per address, 60 an hour per client address (a council office shares
// one address, and a newsletter announcement sends many colleagues at once).
// This limits requests; emails are limited separately to one confirmation an
// hour per address (lib/subscriptions/subscribe.ts).
export const SUBSCRIBE_WINDOW_SECONDS = 60 * 60;
export const ADDRESS_REQUESTS = 5;
export const IP_REQUESTS = 60;

const limiters = new Map<string, RateLimiterPrisma>();
function limiter(kind: 'address' | 'ip') {
  let l = limiters.get(kind);
  if (!l) {
    l = new RateLimiterPrisma({
      storeClient: db,
      tableName: 'rateLimiterFlexible',
      keyPrefix: `subscribe:${kind}`,
      points: kind === 'address' ? ADDRESS_REQUESTS : IP_REQUESTS,
      duration: SUBSCRIBE_WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    });
    limiters.set(kind, l);
  }
  return l;
}

/**
 * Counts one request against the address and the client; false once either is spent.
 * The counter's key is a hash of the address: the store keeps expired rows, and an
 * address someone typed (perhaps not their own) should not sit there in clear.
 */
export async function consumeSubscribeRequest(opts: { email: string; ip: string | null }): Promise<boolean> {
  const attempts = [limiter('address').consume(createHash('sha256').update(opts.email).digest('base64url'))];
  if (opts.ip) attempts.push(limiter('ip').consume(opts.ip));
  const results = await Promise.allSettled(attempts);
  for (const r of results) {
    if (r.status === 'rejected' && !(r.reason instanceof RateLimiterRes)) throw r.reason;
  }
  return results.every((r) => r.status === 'fulfilled');
}
