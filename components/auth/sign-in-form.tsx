'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { fieldError, IDLE } from '@/components/admin/forms/form-state';
import type { ActionState } from '@/lib/actions/state';
import { signInSchema } from '@/lib/validation/auth';
import { safeCallbackUrl } from '@/lib/validation/callback-url';

const problem = (message: string, fieldErrors?: Record<string, string[] | undefined>): ActionState => ({ status: 'error', code: 400, message, fieldErrors });

/** Email and password sign-in; errors are listed in a summary and next to each field. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  // The same shape a server action returns, so the shared error summary shows it.
  const [state, setState] = useState<ActionState>(initialError ? problem(initialError) : IDLE);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: data.get('email'), password: data.get('password') });
    if (!parsed.success) {
      const fields = parsed.error.flatten().fieldErrors;
      setState(problem('There is a problem', { email: fields.email, password: fields.password }));
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
    setState(
      problem(result?.status === 429 ? 'Too many sign-in attempts. Wait 15 minutes and try again.' : 'Enter a correct email address and password.'),
    );
  }

  const errors = { email: fieldError(state, 'email'), password: fieldError(state, 'password') };
  const field = 'mt-1 block min-h-11 w-full max-w-md rounded border-2 border-gray-800 px-2';
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5">
      <ErrorSummary state={state} />
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
