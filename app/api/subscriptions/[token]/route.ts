import { updatePreferences } from '@/lib/subscriptions/manage';
import { toDigest } from '@/lib/subscriptions/subscribe';
import { crossSite, formFields, refuseCrossSite, seeOther } from '@/lib/subscriptions/http';
import { preferencesSchema, subscribeErrorCode } from '@/lib/validation/subscriptions';

// The manage page's preferences form. The signed token in the path is the credential.
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  if (crossSite(request)) return refuseCrossSite();
  const { token } = await params;
  const page = `/subscriptions/${encodeURIComponent(token)}`;
  const parsed = preferencesSchema.safeParse((await formFields(request)) ?? {});
  if (!parsed.success) return seeOther(request, `${page}?error=${subscribeErrorCode(parsed.error)}#preferences-error`);
  try {
    const outcome = await updatePreferences(token, { newIssues: parsed.data.newIssues, eventsDigest: toDigest(parsed.data.eventsDigest) });
    return seeOther(request, outcome === 'saved' ? `${page}?done=saved` : page);
  } catch (error) {
    console.error('[subscriptions] preferences not saved', error);
    return seeOther(request, `${page}?error=unavailable#preferences-error`);
  }
}
