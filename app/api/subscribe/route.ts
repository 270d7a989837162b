import { clientIp } from '@/lib/auth/client-ip';
import { requestSubscription } from '@/lib/subscriptions/subscribe';
import { crossSite, formFields, refuseCrossSite, seeOther } from '@/lib/subscriptions/http';
import { subscribeErrorCode, subscribeSchema, type SubscribeErrorCode } from '@/lib/validation/subscriptions';

// The subscribe forms (footer, home page, /subscribe) post here. Every accepted
// request gets the same answer, whatever the address's state (no enumeration).

/** Back to /subscribe with the error and what was typed, so nothing is lost. */
function backToForm(request: Request, error: SubscribeErrorCode, fields: Record<string, unknown>) {
  const query = new URLSearchParams({ error });
  const email = typeof fields.email === 'string' ? fields.email : '';
  // Only what can be shown again safely: no line breaks, nothing overlong.
  if (email && email.length <= 320 && !/[\p{Cc}\p{Cf}]/u.test(email)) query.set('email', email);
  if (fields.newIssues === 'on') query.set('newIssues', 'on');
  if (fields.eventsDigest === 'weekly' || fields.eventsDigest === 'monthly') query.set('eventsDigest', fields.eventsDigest);
  return seeOther(request, `/subscribe?${query}#subscribe-error`);
}

export async function POST(request: Request) {
  if (crossSite(request)) return refuseCrossSite();
  const fields = await formFields(request);
  if (!fields) return seeOther(request, '/subscribe?error=form#subscribe-error');
  const parsed = subscribeSchema.safeParse(fields);
  if (!parsed.success) return backToForm(request, subscribeErrorCode(parsed.error), fields);
  try {
    const outcome = await requestSubscription({ ...parsed.data, ip: clientIp(request.headers) });
    if (outcome !== 'ok') return backToForm(request, outcome, fields);
  } catch (error) {
    console.error('[subscribe] request failed', error);
    return seeOther(request, '/subscribe?error=unavailable#subscribe-error');
  }
  return seeOther(request, '/subscribe/check-email');
}
