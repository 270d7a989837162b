import Form from 'next/form';
import { SEARCH_QUERY_MAX_LENGTH } from '@/lib/validation/search';

/**
 * The search box on /search: a GET form (works without JavaScript; with it, Next.js
 * navigates client-side so the results heading's live region announces the new count).
 */
export function SearchForm({ query }: { query: string }) {
  return (
    <Form
      action="/search"
      role="search"
      aria-label="Search the bulletins and events"
      className="rounded bg-gray-100 p-4"
    >
      <label htmlFor="search-q" className="block font-bold">
        Search the bulletins and events
      </label>
      <p id="search-q-hint" className="mt-1 text-sm text-[var(--color-muted)]">
        For example: safeguarding conference, &ldquo;care leavers&rdquo;, supervision -online
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <input
          // A new query gets a fresh input, showing the query that was actually searched for.
          key={query}
          id="search-q"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={SEARCH_QUERY_MAX_LENGTH}
          aria-describedby="search-q-hint"
          autoComplete="off"
          spellCheck
          enterKeyHint="search"
          className="min-h-11 min-w-0 flex-1 basis-64 rounded border-2 border-gray-700 bg-white px-2"
        />
        <button
          type="submit"
          className="min-h-11 rounded bg-[var(--color-brand)] px-4 font-bold text-white hover:bg-[var(--color-brand-dark)]"
        >
          Search
        </button>
      </div>
    </Form>
  );
}
