import Link from 'next/link';
import type { ReactNode } from 'react';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-[var(--color-focus)] focus:px-3 focus:py-2 focus:text-black"
      >
        Skip to main content
      </a>
      <header className="bg-[var(--color-brand)] text-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-4">
          <Link href="/" className="text-xl font-bold text-white no-underline hover:underline">
            Regional Update
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
      <footer className="border-t border-gray-300">
        <div className="mx-auto max-w-3xl px-4 py-6 text-sm text-[var(--color-muted)]">
          The monthly bulletin of the region&apos;s children&apos;s services councils and trusts.
        </div>
      </footer>
    </>
  );
}
