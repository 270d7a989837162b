import type { Metadata } from 'next';
import Link from 'next/link';
import { EmailLinkSignIn } from '@/components/auth/email-link-sign-in';
import { SiteChrome } from '@/components/site-chrome';
import { magicLinksEnabled } from '@/lib/auth/magic-link';
import { signInLinkTokenSchema } from '@/lib/validation/auth';
import { safeCallbackUrl } from '@/lib/validation/callback-url';

export const metadata: Metadata = { title: 'Sign in with your email link', robots: { index: false }, referrer: 'no-referrer' };

// The link only shows a button: mail scanners that open links must not use up the
// single-use token, so signing in takes a deliberate click (a POST).
export default async function EmailLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const parsed = signInLinkTokenSchema.safeParse({ token: typeof params.token === 'string' ? params.token : '' });
  return (
    <SiteChrome>
      <h1 className="text-3xl font-bold">Sign in with your email link</h1>
      {!magicLinksEnabled() ? (
        <p className="mt-4">Sign-in links are not switched on for this site. <Link href="/sign-in" className="underline">Sign in with your password</Link>.</p>
      ) : parsed.success ? (
        <EmailLinkSignIn token={parsed.data.token} callbackUrl={safeCallbackUrl(params.callbackUrl)} />
      ) : (
        <p className="mt-4">
          {parsed.error.issues[0]?.message} <Link href="/sign-in" className="underline">Request a new link</Link>.
        </p>
      )}
    </SiteChrome>
  );
}
