import Link from 'next/link';
import type { ReactNode } from 'react';
import { SubscribeForm } from '@/components/subscribe-form';

const NAV = [
  { href: '/', label: 'Latest issue' },
  { href: '/events', label: 'Events' },
  { href: '/issues', label: 'All issues' },
];

/**
 * Header, navigation and footer of the public site (also used by the root 404 and
 * the sign-in pages). The public pages' footer has the subscribe form; the
 * sign-in pages' does not, where a second email field would only confuse.
 */
export function SiteChrome({ children, subscribe = false }: { children: ReactNode; subscribe?: boolean }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-[var(--color-focus)] focus:px-3 focus:py-2 focus:text-black"
      >
        Skip to main content
      </a>
      <header className="bg-[var(--color-brand)] text-white print:bg-white print:text-black">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-4 px-4 py-4">
          <Link href="/" className="text-2xl font-bold text-white no-underline hover:underline print:text-black">
            Regional Update
          </Link>
          <form role="search" action="/search" method="get" className="flex gap-2 print:hidden">
            <label htmlFor="site-search" className="sr-only">
              Search the bulletins
            </label>
            <input
              id="site-search"
              name="q"
              type="search"
              maxLength={500}
              placeholder="Search the bulletins"
              className="min-h-11 w-48 rounded border-2 border-white bg-white px-2 text-black sm:w-64"
            />
            <button type="submit" className="min-h-11 rounded border-2 border-white px-3 font-bold hover:bg-[var(--color-brand-dark)]">
              Search
            </button>
          </form>
        </div>
        <nav aria-label="Main" className="border-t border-white/30 print:hidden">
          <ul className="mx-auto flex max-w-4xl flex-wrap gap-x-6 px-4">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="inline-block min-h-11 py-3 font-bold text-white underline-offset-4 hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-gray-300 print:hidden">
        {subscribe && (
          <div data-footer-subscribe className="mx-auto max-w-4xl px-4 pt-6">
            <SubscribeForm idPrefix="footer-subscribe" />
          </div>
        )}
        <div className="mx-auto flex max-w-4xl flex-wrap gap-x-6 gap-y-2 px-4 py-6 text-sm text-[var(--color-muted)]">
          <p>The monthly bulletin of the region&apos;s children&apos;s services councils and trusts.</p>
          <ul className="flex flex-wrap gap-x-4">
            <li>
              <a href="/feed.xml" className="underline">
                Issues feed (Atom)
              </a>
            </li>
            <li>
              <a href="/events.ics" className="underline">
                Events calendar (iCal)
              </a>
            </li>
            <li>
              <Link href="/accessibility" className="underline">
                Accessibility statement
              </Link>
            </li>
            <li>
              <Link href="/privacy" className="underline">
                Privacy notice
              </Link>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
