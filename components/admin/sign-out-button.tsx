'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/sign-in' })}
      className="min-h-11 rounded border-2 border-white px-3 font-bold hover:bg-[var(--color-brand-dark)]"
    >
      Sign out
    </button>
  );
}
