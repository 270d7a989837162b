'use client';

import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { safeCallbackUrl } from '@/lib/validation/callback-url';

/** The second step of an email link: one click signs in, and the link is then used up. */
export function EmailLinkSignIn({ token, callbackUrl }: { token: string; callbackUrl: string }) {
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState(false);
  const alert = useRef<HTMLDivElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await signIn('email-link', { token, redirect: false, callbackUrl });
    setPending(false);
    if (result?.ok && !result.error) {
      router.push(safeCallbackUrl(callbackUrl));
      router.refresh();
      return;
    }
    setFailed(true);
    requestAnimationFrame(() => alert.current?.focus());
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-5">
      <div ref={alert} tabIndex={-1} role="alert" className={failed ? 'border-l-8 border-red-700 bg-red-50 p-4' : ''}>
        {failed && (
          <p>
            This sign-in link has expired or has already been used.{' '}
            <Link href="/sign-in" className="underline">Request a new link</Link>.
          </p>
        )}
      </div>
      <button type="submit" disabled={pending || failed} className="min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)] disabled:opacity-70">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
