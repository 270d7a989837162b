import type { Metadata } from 'next';
import Link from 'next/link';
import { SubscriptionLinkInvalid } from '@/components/subscription-link-invalid';
import { subscriberForToken } from '@/lib/subscriptions/manage';

// Unsubscribe with one confirmation click (the button posts to the same URL that
// the List-Unsubscribe header names; mailbox providers post there directly).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false, follow: false }, referrer: 'no-referrer' };

export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await params;
  const q = await searchParams;
  const subscriber = await subscriberForToken(token);
  if (!subscriber) return <SubscriptionLinkInvalid />;
  const base = `/subscriptions/${encodeURIComponent(token)}`;
  if (subscriber.status === 'UNSUBSCRIBED') {
    return (
      <>
        <h1 className="text-3xl font-bold">{q.done ? 'You have unsubscribed' : 'You are unsubscribed'}</h1>
        <p className="mt-4 max-w-prose">
          We will send no more emails to <strong>{subscriber.email}</strong>. We keep a record that this address unsubscribed, so it cannot be
          added back without your confirmation.
        </p>
        <p className="mt-4 max-w-prose">
          Changed your mind? <Link href="/subscribe" className="underline">Subscribe again</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold">Unsubscribe from Regional Update</h1>
      {q.error === 'unavailable' && (
        <p role="alert" className="mt-4 max-w-prose border-l-8 border-red-700 bg-red-50 p-3 font-bold">
          Sorry, something went wrong on our side and you are still subscribed. Try again in a few minutes.
        </p>
      )}
      <p className="mt-4 max-w-prose">
        Stop all emails to <strong>{subscriber.email}</strong>: new issues and the events digest.
      </p>
      <form method="post" action={`/api${base}/unsubscribe`} className="mt-6">
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className="min-h-11 rounded bg-red-700 px-5 font-bold text-white hover:bg-red-800">
          Unsubscribe
        </button>
      </form>
      <p className="mt-6 max-w-prose">
        Or <Link href={base} className="underline">change what you get</Link> instead.
      </p>
    </>
  );
}
