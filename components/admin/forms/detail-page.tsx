import type { ReactNode } from 'react';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { DoneBanner } from '@/components/admin/forms/search-form';

// The pieces an admin record page is built from (a person, an organisation, a user):
// the banner (breadcrumbs, heading, the flash message from `?done=`), titled sections
// and a read-only list of details.

/** Breadcrumbs under the list, the record's name (or the new-record page's title) as the heading, and the flash message for `done`. */
export function DetailBanner({
  list,
  name,
  done,
  messages,
}: {
  list: { href: string; label: string };
  name: string;
  done?: unknown;
  messages?: Record<string, string>;
}) {
  const message = typeof done === 'string' && messages && Object.hasOwn(messages, done) ? messages[done]! : null;
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin', label: 'Dashboard' }, list, { label: name }]} />
      <h1 className="text-3xl font-bold">{name}</h1>
      <DoneBanner message={message} />
    </>
  );
}

/** A section labelled by its own heading (`${id}-heading`). */
export function DetailSection({ id, title, className = 'mt-10', children }: { id: string; title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={className}>
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Term and value pairs, for what a reader may see but not change. */
export function DetailList({ items, className = 'mt-2' }: { items: { term: string; value: ReactNode; breakAll?: boolean }[]; className?: string }) {
  return (
    <dl className={`${className} grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2`}>
      {items.map((i) => (
        <div key={i.term} className="contents">
          <dt className="font-bold">{i.term}</dt>
          <dd className={i.breakAll ? 'break-all' : undefined}>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
