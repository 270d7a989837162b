import type { Metadata } from 'next';
import Link from 'next/link';
import { DIGEST_LABELS } from '@/components/subscribe-form';
import { SubscriptionLinkInvalid } from '@/components/subscription-link-invalid';
import { subscriberForToken } from '@/lib/subscriptions/manage';
import { DIGEST_CHOICES, SUBSCRIBE_MESSAGES, type DigestChoice } from '@/lib/validation/subscriptions';

// The manage-preferences link in every email (signed, no account needed).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Manage your subscription', robots: { index: false, follow: false }, referrer: 'no-referrer' };

const DONE: Record<string, string> = {
  confirmed: 'Thank you: you are subscribed.',
  saved: 'Your choices are saved.',
};

export default async function ManagePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await params;
  const q = await searchParams;
  const subscriber = await subscriberForToken(token);
  if (!subscriber) return <SubscriptionLinkInvalid />;
  const done = typeof q.done === 'string' ? DONE[q.done] : undefined;
  const error = q.error === 'streams' || q.error === 'form' || q.error === 'unavailable' ? SUBSCRIBE_MESSAGES[q.error] : undefined;
  const digest = subscriber.eventsDigest.toLowerCase() as DigestChoice;
  const base = `/subscriptions/${encodeURIComponent(token)}`;

  if (subscriber.status !== 'CONFIRMED') {
    return (
      <>
        <h1 className="text-3xl font-bold">Manage your subscription</h1>
        <p className="mt-4 max-w-prose">
          {subscriber.status === 'UNSUBSCRIBED'
            ? `${subscriber.email} is unsubscribed: we send it nothing.`
            : `${subscriber.email} is not subscribed yet: open the confirmation email we sent and confirm.`}
        </p>
        <p className="mt-4 max-w-prose">
          <Link href="/subscribe" className="underline">Subscribe again</Link> (we will send an email to confirm).
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold">Manage your subscription</h1>
      {done && (
        <p role="status" className="mt-4 max-w-prose border-l-8 border-green-700 bg-green-50 p-3 font-bold">
          {done}
        </p>
      )}
      <p className="mt-4 max-w-prose">
        Emails from Regional Update go to <strong>{subscriber.email}</strong>.
      </p>
      <form method="post" action={`/api${base}`} className="mt-6 max-w-2xl space-y-4">
        <fieldset className={error ? 'border-l-8 border-red-700 pl-3' : undefined} aria-describedby={error ? 'preferences-error' : undefined}>
          <legend className="text-xl font-bold">What you get</legend>
          {error && (
            <p id="preferences-error" tabIndex={-1} role="alert" className="font-bold text-red-800">
              <span className="sr-only">Error: </span>
              {error}
            </p>
          )}
          <div className="mt-2 flex items-start gap-2">
            <input id="manage-new-issues" name="newIssues" type="checkbox" defaultChecked={subscriber.newIssues} className="mt-1 size-5" />
            <label htmlFor="manage-new-issues">Each new issue, when it is published (monthly)</label>
          </div>
          <p className="mt-3">Upcoming events digest:</p>
          {DIGEST_CHOICES.map((choice) => (
            <div key={choice} className="mt-1 flex items-start gap-2">
              <input id={`manage-digest-${choice}`} name="eventsDigest" type="radio" value={choice} defaultChecked={digest === choice} className="mt-1 size-5" />
              <label htmlFor={`manage-digest-${choice}`}>{DIGEST_LABELS[choice]}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]">
          Save my choices
        </button>
      </form>
      <h2 className="mt-10 text-xl font-bold">Stop getting emails</h2>
      <p className="mt-2 max-w-prose">
        <Link href={`${base}/unsubscribe`} className="underline">Unsubscribe from Regional Update</Link>
      </p>
      <p className="mt-6 max-w-prose">
        <Link href="/privacy" className="underline">How we use your address</Link>
      </p>
    </>
  );
}
