import 'server-only';
import { createHmac } from 'node:crypto';
import { revalidatePublicContent } from '@/lib/revalidate';

// Publishing, unpublishing and archiving change public pages. Inside a request
// (a server action) Next's revalidatePublicContent works directly. The job worker
// runs outside any request, where Next refuses ("static generation store
// missing"), so it asks the server's own route handler (app/api/internal/revalidate)
// to do it, authenticated with an HMAC of NEXTAUTH_SECRET.

export const REVALIDATE_PATH = '/api/internal/revalidate';

/** The bearer token the internal revalidation route accepts; null without NEXTAUTH_SECRET. */
export function internalRevalidateToken(): string | null {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  return createHmac('sha256', secret).update('regional-update:internal-revalidate:v1').digest('base64url');
}

/** This server's own origin: INTERNAL_URL, or loopback on the port the server was started with. */
function internalOrigin(): string {
  if (process.env.INTERNAL_URL) return process.env.INTERNAL_URL.replace(/\/+$/, '');
  const i = process.argv.indexOf('--port');
  const port = (i !== -1 ? process.argv[i + 1] : undefined) ?? process.env.PORT ?? '3000';
  return `http://127.0.0.1:${port}`;
}

export type RevalidateOutcome = 'request' | 'internal' | 'failed';

/** Expires the cached public pages after an issue's visibility changed. Never throws. */
export async function revalidateIssuePages(issueSlugs: string[]): Promise<RevalidateOutcome> {
  try {
    revalidatePublicContent({ issueSlugs });
    return 'request';
  } catch (error) {
    if (!(error instanceof Error) || !/static generation store missing/i.test(error.message)) {
      console.error('Revalidation failed:', error);
      return 'failed';
    }
  }
  const token = internalRevalidateToken();
  if (!token) {
    console.error('Cannot revalidate public pages from the job worker: NEXTAUTH_SECRET is not set.');
    return 'failed';
  }
  try {
    const res = await fetch(`${internalOrigin()}${REVALIDATE_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ issueSlugs }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return 'internal';
  } catch (error) {
    console.error(`Could not revalidate public pages for ${issueSlugs.join(', ')} (they refresh within the hour):`, error);
    return 'failed';
  }
}
