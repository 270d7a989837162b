import type { EventFilters } from '@/lib/validation/event-filters';

type Option = { slug: string; name: string };

/** A plain GET form: filters live in the URL, work without JavaScript and can be shared. */
export function EventFiltersForm({
  action,
  filters,
  topics,
  organisers,
}: {
  action: string;
  filters: EventFilters;
  topics: Option[];
  organisers: Option[];
}) {
  const field = 'mt-1 block min-h-11 w-full rounded border-2 border-gray-700 bg-white px-2';
  return (
    <form method="get" action={action} className="rounded bg-gray-100 p-4" aria-labelledby="filter-heading">
      <h2 id="filter-heading" className="text-lg font-bold">
        Filter events
      </h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="filter-mode" className="font-bold">
            Online or in person
          </label>
          <select id="filter-mode" name="mode" defaultValue={filters.mode ?? ''} className={field}>
            <option value="">Any</option>
            <option value="online">Online</option>
            <option value="in-person">In person</option>
          </select>
        </div>
        <div>
          <label htmlFor="filter-topic" className="font-bold">
            Topic
          </label>
          <select id="filter-topic" name="topic" defaultValue={filters.topic ?? ''} className={field}>
            <option value="">Any topic</option>
            {topics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-organiser" className="font-bold">
            Organiser
          </label>
          <select id="filter-organiser" name="organiser" defaultValue={filters.organiser ?? ''} className={field}>
            <option value="">Any organiser</option>
            {organisers.map((o) => (
              <option key={o.slug} value={o.slug}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <div className="flex min-h-11 items-center gap-2">
            <input
              id="filter-free"
              type="checkbox"
              name="free"
              value="yes"
              defaultChecked={filters.free === 'yes'}
              className="h-6 w-6"
            />
            <label htmlFor="filter-free" className="font-bold">
              Free events only
            </label>
          </div>
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="min-h-11 rounded bg-[var(--color-brand)] px-4 font-bold text-white hover:bg-[var(--color-brand-dark)]">
          Apply filters
        </button>
        <a href={action} className="inline-block min-h-6 text-[var(--color-brand)] underline">
          Clear filters
        </a>
      </div>
    </form>
  );
}
