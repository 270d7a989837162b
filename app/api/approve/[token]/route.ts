import { decideByLink } from '@/lib/data/access-links';
import { linkDecisionSchema } from '@/lib/validation/workflow-actions';

// The approval link's form posts here (a plain HTML form: no session, no JS). Only
// same-origin posts; a strict body with one decision; then back to the link's page,
// which shows the outcome.

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * Browsers say where a request comes from in Sec-Fetch-Site (scripts cannot set it).
 * The approval page sends no referrer (the token is in its address), so its form
 * posts carry `Origin: null`; Origin is compared with Host only when Sec-Fetch-Site is absent.
 */
function sameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || origin === 'null' || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function back(request: Request, token: string, query: Record<string, string>) {
  const url = new URL(`/approve/${encodeURIComponent(token)}`, request.url);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: `${url.pathname}${url.search}` } });
}

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!sameOrigin(request)) return new Response('Forbidden', { status: 403, headers: NO_STORE });
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    return new Response('Unsupported form', { status: 415, headers: NO_STORE });
  }
  const form = await request.formData().catch(() => null);
  if (!form) return back(request, token, { error: 'invalid' });
  const body: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) body[k] = typeof v === 'string' ? v : null;
  const parsed = linkDecisionSchema.safeParse(body);
  if (!parsed.success) {
    const commentMissing = body.decision === 'request-changes' && parsed.error.issues.some((i) => i.path[0] === 'comment');
    return back(request, token, { error: commentMissing ? 'comment' : 'invalid' });
  }
  const outcome = await decideByLink(token, parsed.data);
  if (outcome.ok) return back(request, token, { done: outcome.decision === 'approve' ? 'approved' : 'changes-requested' });
  // A link that is not (or no longer) valid: its page explains which.
  if (outcome.problem === 'invalid' || outcome.problem === 'expired' || outcome.problem === 'revoked' || outcome.problem === 'used') return back(request, token, {});
  return back(request, token, { error: outcome.problem });
}
