import { unsubscribe } from '@/lib/subscriptions/manage';
import { formFields, seeOther } from '@/lib/subscriptions/http';
import { unsubscribeBodySchema } from '@/lib/validation/subscriptions';

// The List-Unsubscribe URL of every email, and the unsubscribe page's button.
// RFC 8058: a mailbox provider POSTs `List-Unsubscribe=One-Click` from its own
// servers (no cookies, no Origin of ours), and gets an answer, not a page. The
// signed token is the only credential, so there is no origin check here: the
// worst a forged request can do is what the link's owner asked for anyway.

const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = `/subscriptions/${encodeURIComponent(token)}/unsubscribe`;
  const parsed = unsubscribeBodySchema.safeParse((await formFields(request)) ?? {});
  if (!parsed.success) return text('Send List-Unsubscribe=One-Click to unsubscribe.', 400);
  const oneClick = 'List-Unsubscribe' in parsed.data;
  try {
    const done = await unsubscribe(token, oneClick ? 'one-click' : 'page');
    if (oneClick) return done ? text('You have been unsubscribed.', 200) : text('This unsubscribe link is not valid.', 404);
    return seeOther(request, done ? `${page}?done=1` : page);
  } catch (error) {
    console.error('[subscriptions] unsubscribe failed', error);
    return oneClick ? text('Unsubscribing failed. Try again later.', 503) : seeOther(request, `${page}?error=unavailable`);
  }
}

/** A client that opens the List-Unsubscribe URL in a browser gets the page with the button. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return seeOther(request, `/subscriptions/${encodeURIComponent(token)}/unsubscribe`);
}
