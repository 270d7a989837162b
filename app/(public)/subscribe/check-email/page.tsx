import type { Metadata } from 'next';
import Link from 'next/link';
import { CONFIRMATION_HOURS } from '@/lib/subscriptions/tokens';

export const metadata: Metadata = { title: 'Check your email', robots: { index: false } };

// The same page whether the address was new, pending or already subscribed.
export default function CheckEmailPage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Check your email</h1>
      <p className="mt-4 max-w-prose">
        We have sent an email to the address you gave. To start getting Regional Update, open it and confirm your subscription. The link works
        once, for {CONFIRMATION_HOURS} hours. We send nothing else until you confirm.
      </p>
      <p className="mt-4 max-w-prose">
        If it has not arrived after a few minutes, check your junk or spam folder. We send at most one of these emails an hour to the same address,
        so asking again straight away will not send another.
      </p>
      <p className="mt-4 max-w-prose">
        <Link href="/" className="underline">Back to the latest issue</Link>
      </p>
    </>
  );
}
