import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4">If you typed the web address, check it is correct. The issue may not be published yet.</p>
      <p className="mt-4">
        <Link href="/" className="text-[var(--color-brand)] underline">
          See all published issues
        </Link>
      </p>
    </>
  );
}
