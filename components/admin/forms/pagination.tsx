import Link from 'next/link';

/** Previous / next links for a `?q=&page=` list. */
export function Pagination({
  basePath,
  q,
  page,
  pageCount,
  label,
  filters = {},
}: {
  basePath: string;
  q: string;
  page: number;
  pageCount: number;
  label: string;
  /** Other parts of the query string that the pages keep (a status filter). */
  filters?: Record<string, string>;
}) {
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    if (p > 1) params.set('page', String(p));
    const s = params.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const link = 'inline-flex min-h-11 items-center rounded px-3 text-[var(--color-brand)] underline';
  return (
    <nav aria-label={`${label} pages`} className="mt-6 flex flex-wrap items-center gap-4">
      {page > 1 && (
        <Link href={href(page - 1)} className={link} rel="prev">
          Previous page<span className="sr-only"> of {label.toLowerCase()}</span>
        </Link>
      )}
      <p>
        Page {page} of {pageCount}
      </p>
      {page < pageCount && (
        <Link href={href(page + 1)} className={link} rel="next">
          Next page<span className="sr-only"> of {label.toLowerCase()}</span>
        </Link>
      )}
    </nav>
  );
}
