import type { ReactNode } from 'react';

/** A GET search box for admin lists (`?q=`); works without JavaScript. */
export function ListSearchForm({
  action,
  label,
  q,
  idPrefix,
  filters,
  active = !!q,
}: {
  action: string;
  label: string;
  q: string;
  idPrefix: string;
  /** More fields of the same GET form (a status select). */
  filters?: ReactNode;
  /** Whether to offer "Clear search": a search or a filter is applied. */
  active?: boolean;
}) {
  const id = `${idPrefix}-q`;
  return (
    <form role="search" action={action} method="get" className="mt-6 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={id} className="block font-bold">
          {label}
        </label>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={q}
          className="mt-1 block min-h-11 w-72 max-w-full rounded border-2 border-gray-800 bg-white px-2"
        />
      </div>
      {filters}
      <button
        type="submit"
        className="min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]"
      >
        Search
      </button>
      {active && (
        <a href={action} className="inline-flex min-h-11 items-center text-[var(--color-brand)] underline">
          Clear search
        </a>
      )}
    </form>
  );
}

/** A flash message from a redirect (`?done=…`), announced politely. */
export function DoneBanner({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="status" className="mt-6 border-l-8 border-green-700 bg-green-50 p-4">
      <p className="font-bold">{message}</p>
    </div>
  );
}
