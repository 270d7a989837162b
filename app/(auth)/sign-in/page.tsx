import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SiteChrome } from '@/components/site-chrome';
import { getCurrentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false }, alternates: { canonical: '/sign-in' } };

const ERRORS: Record<string, string> = {
  TooManyAttempts: 'Too many sign-in attempts. Wait 15 minutes and try again.',
  CredentialsSignin: 'Enter a correct email address and password.',
  AccessDenied: 'That account cannot sign in here. Ask an administrator for access.',
};

/** Only same-site paths are followed after sign-in. */
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.startsWith('/') && !v.startsWith('//') && !v.includes('\\') ? v : '/admin';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof params.error === 'string' ? (ERRORS[params.error] ?? 'Sign-in failed. Try again.') : undefined;
  return (
    <SiteChrome>
      <h1 className="text-3xl font-bold">Sign in</h1>
      <p className="mt-2">For editors, sponsors, contributors and administrators of the Regional Update.</p>
      <SignInForm callbackUrl={callbackUrl} initialError={error} />
    </SiteChrome>
  );
}
