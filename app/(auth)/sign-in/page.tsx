import type { Metadata } from 'next';
import { pageAlternates } from '@/lib/site';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SiteChrome } from '@/components/site-chrome';
import { ZodJitless } from '@/components/zod-jitless';
import { magicLinksEnabled } from '@/lib/auth/magic-link';
import { getCurrentUser } from '@/lib/auth/session';
import { safeCallbackUrl } from '@/lib/validation/callback-url';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false }, alternates: pageAlternates('/sign-in') };

const ERRORS: Record<string, string> = {
  TooManyAttempts: 'Too many sign-in attempts. Wait 15 minutes and try again.',
  CredentialsSignin: 'Enter a correct email address and password.',
  AccessDenied: 'That account cannot sign in here. Ask an administrator for access.',
  LinkEmailInvalid: 'Enter an email address in the correct format, like name@example.org, to get a sign-in link.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof params.error === 'string' ? (ERRORS[params.error] ?? 'Sign-in failed. Try again.') : undefined;
  return (
    <SiteChrome>
      <ZodJitless />
      <h1 className="text-3xl font-bold">Sign in</h1>
      <p className="mt-2">For editors, sponsors, contributors and administrators of the Regional Update.</p>
      <SignInForm callbackUrl={callbackUrl} initialError={error} />
      {magicLinksEnabled() && (
        <section aria-labelledby="email-link-heading" className="mt-10 max-w-md border-t-2 border-gray-300 pt-6">
          <h2 id="email-link-heading" className="text-xl font-bold">Or get a sign-in link by email</h2>
          <p className="mt-2">We will email you a link that signs you in once, without a password.</p>
          <form method="post" action="/api/sign-in-link" className="mt-4 space-y-4">
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <div>
              <label htmlFor="link-email" className="font-bold">Email address</label>
              <input id="link-email" name="email" type="email" autoComplete="email" spellCheck={false} required className="mt-1 block min-h-11 w-full rounded border-2 border-gray-800 px-2" />
            </div>
            <button type="submit" className="min-h-11 rounded border-2 border-[var(--color-brand)] px-5 font-bold text-[var(--color-brand)]">
              Email me a sign-in link
            </button>
          </form>
        </section>
      )}
    </SiteChrome>
  );
}
