'use client';

import { ErrorText } from '@/components/admin/forms/fields';

// The topic checkboxes of both event forms (the admin's and the contributor's).
// The public Topic filter matches what is ticked here.

export function TopicCheckboxes({
  id,
  idPrefix,
  topics,
  selected,
  onChange,
  error,
}: {
  /** The fieldset's id (the error summary links to it); its error is `${id}-error`. */
  id: string;
  /** Prefix of each checkbox's id: `${idPrefix}-topic-${topicId}`. */
  idPrefix: string;
  topics: { id: string; name: string }[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  if (topics.length === 0) return null;
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-bold">Topics (optional)</legend>
      <p className="text-[var(--color-muted)]">Readers can filter the events list by topic.</p>
      <ErrorText id={`${id}-error`} error={error} />
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        {topics.map((t) => (
          <div key={t.id} className="flex min-h-11 items-center gap-3">
            <input
              id={`${idPrefix}-topic-${t.id}`}
              type="checkbox"
              name="topicIds"
              value={t.id}
              checked={selected.includes(t.id)}
              onChange={(e) => onChange(e.target.checked ? [...selected, t.id] : selected.filter((x) => x !== t.id))}
              className="h-6 w-6"
            />
            <label htmlFor={`${idPrefix}-topic-${t.id}`}>{t.name}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
