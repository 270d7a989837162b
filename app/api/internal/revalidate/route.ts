import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { revalidatePublicContent } from '@/lib/revalidate';
import { internalRevalidateToken } from '@/lib/workflow/revalidate';

// For the job worker only (lib/workflow/revalidate.ts): it publishes scheduled
// issues outside any request, where Next cannot revalidate, so it asks this route.
// The e2e fixtures use it too, after writing public data straight into the database.
// Authenticated with an HMAC of NEXTAUTH_SECRET; answers nothing else.

export const dynamic = 'force-dynamic';

const bodySchema = z.object({ issueSlugs: z.array(z.string().regex(/^[a-z0-9-]{1,200}$/)).max(50) }).strict();

function authorised(request: Request): boolean {
  const expected = internalRevalidateToken();
  const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function POST(request: Request) {
  if (!authorised(request)) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return new Response(null, { status: 400, headers: { 'Cache-Control': 'no-store' } });
  // Answers once the stored public pages are updated, so the caller knows they are.
  await revalidatePublicContent({ issueSlugs: parsed.data.issueSlugs });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
