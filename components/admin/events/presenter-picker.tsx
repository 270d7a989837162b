'use client';

import { useMemo, useState } from 'react';
import { ErrorText } from '@/components/admin/forms/fields';

export type PersonOption = { id: string; name: string; detail: string };

const SHOWN = 30;

/**
 * Presenters: the chosen people in order (each removable), then a search box that
 * filters a checkbox list of everyone. The ids are submitted by the parent form as
 * hidden `presenterIds` fields, so filtering never drops a choice.
 */
export function PresenterPicker({
  idPrefix,
  people,
  selected,
  onChange,
  error,
}: {
  idPrefix: string;
  people: PersonOption[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = q ? people.filter((p) => `${p.name} ${p.detail}`.toLowerCase().includes(q)) : people;
    return all;
  }, [people, query]);
  const shown = matches.slice(0, SHOWN);
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));

  return (
    <div className={error ? 'border-l-4 border-red-700 pl-3' : undefined}>
      <fieldset aria-describedby={[`${idPrefix}-hint`, error ? `${idPrefix}-error` : null].filter(Boolean).join(' ')}>
        <legend className="font-bold">Presenters (optional)</legend>
        <p id={`${idPrefix}-hint`} className="text-[var(--color-muted)]">
          Choose people in the order they should be listed. Add anyone missing on the People page first.
        </p>
        <ErrorText id={`${idPrefix}-error`} error={error} />
        <h3 className="mt-3 font-bold" id={`${idPrefix}-chosen`}>
          Chosen ({selected.length})
        </h3>
        {selected.length === 0 ? (
          <p>No presenters chosen.</p>
        ) : (
          <ol aria-labelledby={`${idPrefix}-chosen`} className="mt-1 list-decimal space-y-1 pl-6">
            {selected.map((id) => (
              <li key={id}>
                <span className="mr-3">{byId.get(id)?.name ?? 'Unknown person'}</span>
                <button
                  type="button"
                  onClick={() => toggle(id, false)}
                  className="min-h-11 text-[var(--color-brand)] underline"
                >
                  Remove<span className="sr-only"> {byId.get(id)?.name ?? 'presenter'}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
        <label htmlFor={`${idPrefix}-search`} className="mt-3 block font-bold">
          Find a person
        </label>
        <input
          id={`${idPrefix}-search`}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          // Enter in the search box must not submit the whole event.
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
          aria-controls={`${idPrefix}-list`}
          aria-describedby={`${idPrefix}-count`}
          autoComplete="off"
          className="mt-1 block min-h-11 w-72 max-w-full rounded border-2 border-gray-800 bg-white px-2"
        />
        <p id={`${idPrefix}-count`} role="status" aria-live="polite" className="mt-1 text-[var(--color-muted)]">
          {matches.length === 0
            ? 'No one matches.'
            : matches.length > SHOWN
              ? `${matches.length} people match; showing the first ${SHOWN}. Type more of the name to narrow the list.`
              : `${matches.length} ${matches.length === 1 ? 'person matches' : 'people match'}.`}
        </p>
        <ul id={`${idPrefix}-list`} className="mt-2 max-h-72 space-y-1 overflow-y-auto rounded border border-gray-400 p-2">
          {shown.map((p) => {
            const id = `${idPrefix}-person-${p.id}`;
            return (
              <li key={p.id} className="flex min-h-11 items-center gap-3">
                <input
                  id={id}
                  type="checkbox"
                  checked={selected.includes(p.id)}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                  className="h-6 w-6 shrink-0"
                />
                <label htmlFor={id}>
                  {p.name}
                  {p.detail && <span className="text-[var(--color-muted)]"> – {p.detail}</span>}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
}
