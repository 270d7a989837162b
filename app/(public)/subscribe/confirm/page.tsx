import type { Metadata } from 'next';
import Link from 'next/link';
import { confirmationLinkState } from '@/lib/subscriptions/subscribe';
import { CONFIRMATION_HOURS } from '@/lib/subscriptions/tokens';
import { confirmTokenSchema } from '@/lib/validation/subscriptions';

// The link in the confirmation email. Opening it confirms nothing: mail scanners
// open links too. The reader confirms with the button (app/api/subscribe/confirm).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Confirm your subscription', robots: { index: false, follow: false }, referrer: 'no-referrer' };

type Query = Record<string, string | string[] | undefined>;

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Query> }) {
  const q = await searchParams;
  const parsed = confirmTokenSchema.safeParse({ token: q.token });
  const state = parsed.success ? await confirmationLinkState(parsed.data.token) : 'invalid';
  if (!parsed.success || state === 'invalid') {
    return (
      <>
        <h1 className="text-3xl font-bold">This confirmation link does not work</h1>
        <p className="mt-4 max-w-prose">
          It may have been used already, or it is more than {CONFIRMATION_HOURS} hours old, or part of it is missing. If you have already confirmed, you are
          subscribed: the emails you get have a link to manage your subscription.
        </p>
        <p className="mt-4 max-w-prose">
          <Link href="/subscribe" className="underline">Subscribe again to get a new link</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold">Confirm your subscription</h1>
      {q.error === 'unavailable' && (
        <p role="alert" className="mt-4 max-w-prose border-l-8 border-red-700 bg-red-50 p-3 font-bold">
          Sorry, something went wrong on our side and you are not subscribed yet. Try again in a few minutes.
        </p>
      )}
      <p className="mt-4 max-w-prose">Confirm that you want to get Regional Update at this address. You can change what you get or unsubscribe at any time.</p>
      <form method="post" action="/api/subscribe/confirm" className="mt-6">
        <input type="hidden" name="token" value={parsed.data.token} />
        <button type="submit" className="min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]">
          Confirm my subscription
        </button>
      </form>
    </>
  );
}
