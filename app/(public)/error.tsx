'use client';

import Link from 'next/link';
import { useEffect } from 'react';

// Never shows the error itself: only a reference the reader can quote.
export default function PublicError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    document.title = 'Sorry, there is a problem with the service – Regional Update';
  }, []);
  return (
    <>
      <h1 className="text-3xl font-bold">Sorry, there is a problem with the service</h1>
      <p className="mt-4">Try again in a few minutes. Nothing you were reading has been lost.</p>
      <div className="mt-4 flex flex-wrap gap-4">
        <button type="button" onClick={reset} className="min-h-11 rounded bg-[var(--color-brand)] px-4 font-bold text-white">
          Try again
        </button>
        <Link href="/" className="inline-flex min-h-11 items-center text-[var(--color-brand)] underline">
          Go to the latest issue
        </Link>
      </div>
      {error.digest && <p className="mt-6 text-sm text-[var(--color-muted)]">Error reference: {error.digest}</p>}
    </>
  );
}
