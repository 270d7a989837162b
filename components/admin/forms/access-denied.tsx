import Link from 'next/link';

/** The whole page for a signed-in user who may not see it: no data, one h1. */
export function AccessDenied({ what }: { what: string }) {
  return (
    <>
      <h1 className="text-3xl font-bold">You do not have permission to view this page</h1>
      <p className="mt-4 max-w-2xl">Your account cannot see {what}. If you need access, ask an administrator.</p>
      <p className="mt-4">
        <Link href="/admin" className="text-[var(--color-brand)] underline">
          Go to the dashboard
        </Link>
      </p>
    </>
  );
}
