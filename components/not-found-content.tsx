import Link from 'next/link';

export function NotFoundContent() {
  return (
    <>
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4">If you typed the web address, check it is correct.</p>
      <p className="mt-2">If you pasted the web address, check you copied the entire address.</p>
      <p className="mt-2">An issue or event only appears here once it has been published.</p>
      <ul className="mt-4 list-disc space-y-1 pl-6">
        <li>
          <Link href="/" className="text-[var(--color-brand)] underline">
            Read the latest issue
          </Link>
        </li>
        <li>
          <Link href="/issues" className="text-[var(--color-brand)] underline">
            Browse all issues
          </Link>
        </li>
        <li>
          <Link href="/events" className="text-[var(--color-brand)] underline">
            Find upcoming events
          </Link>
        </li>
      </ul>
    </>
  );
}
