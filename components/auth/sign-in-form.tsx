'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { signInSchema } from '@/lib/validation/auth';
import { safeCallbackUrl } from '@/lib/validation/callback-url';

type Errors = { email?: string; password?: string; form?: string };

/** Email and password sign-in; errors are listed in a summary and next to each field. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>(initialError ? { form: initialError } : {});
  const [pending, setPending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: data.get('email'), password: data.get('password') });
    if (!parsed.success) {
      const fields = parsed.error.flatten().fieldErrors;
      setErrors({ email: fields.email?.[0], password: fields.password?.[0] });
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setPending(true);
    const result = await signIn('credentials', { ...parsed.data, redirect: false, callbackUrl });
    setPending(false);
    if (result?.ok && !result.error) {
      router.push(safeCallbackUrl(callbackUrl));
      router.refresh();
      return;
    }
    setErrors({
      form:
        result?.status === 429
          ? 'Too many sign-in attempts. Wait 15 minutes and try again.'
          : 'Enter a correct email address and password.',
    });
    requestAnimationFrame(() => summary.current?.focus());
  }

  const list = Object.entries(errors).filter(([, v]) => v) as [keyof Errors, string][];
  const field = 'mt-1 block min-h-11 w-full max-w-md rounded border-2 border-gray-800 px-2';
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5">
      <div ref={summary} tabIndex={-1} role="alert" aria-live="assertive" className={list.length ? 'border-l-8 border-red-700 bg-red-50 p-4' : ''}>
        {list.length > 0 && (
          <>
            <h2 className="font-bold">There is a problem</h2>
            <ul className="mt-1 list-disc pl-6">
              {list.map(([key, message]) => (
                <li key={key}>{key === 'form' ? message : <a href={`#${key}`} className="underline">{message}</a>}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div>
        <label htmlFor="email" className="font-bold">
          Email address
        </label>
        {errors.email && (
          <p id="email-error" className="font-bold text-red-700">
            {errors.email}
          </p>
        )}
        <input id="email" name="email" type="email" autoComplete="username" spellCheck={false} aria-invalid={!!errors.email} aria-describedby={errors.email ? 'email-error' : undefined} className={field} />
      </div>
      <div>
        <label htmlFor="password" className="font-bold">
          Password
        </label>
        {errors.password && (
          <p id="password-error" className="font-bold text-red-700">
            {errors.password}
          </p>
        )}
        <input id="password" name="password" type="password" autoComplete="current-password" aria-invalid={!!errors.password} aria-describedby={errors.password ? 'password-error' : undefined} className={field} />
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)] disabled:opacity-70">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
