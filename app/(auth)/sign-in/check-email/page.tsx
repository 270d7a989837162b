import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteChrome } from '@/components/site-chrome';
import { SIGN_IN_LINK_MINUTES } from '@/lib/auth/magic-link';

export const metadata: Metadata = { title: 'Check your email', robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <SiteChrome>
      <h1 className="text-3xl font-bold">Check your email</h1>
      <p className="mt-4 max-w-prose">
        If that address belongs to an account here, we have sent it a sign-in link. The link works once and
        expires in {SIGN_IN_LINK_MINUTES} minutes.
      </p>
      <p className="mt-4 max-w-prose">
        Nothing arrived after a few minutes? Check your junk folder, or{' '}
        <Link href="/sign-in" className="underline">go back and try again</Link>.
      </p>
    </SiteChrome>
  );
}
