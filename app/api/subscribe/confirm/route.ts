import { confirmSubscription } from '@/lib/subscriptions/subscribe';
import { crossSite, formFields, refuseCrossSite, seeOther } from '@/lib/subscriptions/http';
import { confirmTokenSchema } from '@/lib/validation/subscriptions';

// The "Confirm your subscription" button (app/(public)/subscribe/confirm) posts here.
export async function POST(request: Request) {
  if (crossSite(request)) return refuseCrossSite();
  const parsed = confirmTokenSchema.safeParse((await formFields(request)) ?? {});
  if (!parsed.success) return seeOther(request, '/subscribe/confirm?error=invalid');
  try {
    const manage = await confirmSubscription(parsed.data.token);
    if (!manage) return seeOther(request, '/subscribe/confirm?error=invalid');
    return seeOther(request, `/subscriptions/${manage}?done=confirmed`);
  } catch (error) {
    console.error('[subscribe] confirmation failed', error);
    return seeOther(request, `/subscribe/confirm?${new URLSearchParams({ token: parsed.data.token, error: 'unavailable' })}`);
  }
}
