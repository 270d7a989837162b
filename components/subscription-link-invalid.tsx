import Link from 'next/link';

/** A manage or unsubscribe link that names nobody: forged, cut short, or replaced by a newer one. */
export function SubscriptionLinkInvalid() {
  return (
    <>
      <h1 className="text-3xl font-bold">This link does not work</h1>
      <p className="mt-4 max-w-prose">
        Check that you used the whole link from the email. Links in older emails stop working if your subscription was reset; use the link in
        the most recent email you got from us.
      </p>
      <p className="mt-4 max-w-prose">
        <Link href="/subscribe" className="underline">Subscribe to Regional Update</Link>
      </p>
    </>
  );
}
