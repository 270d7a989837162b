'use client';

import type { ReactNode } from 'react';
import { ErrorText } from '@/components/admin/forms/fields';
import type { DatePart } from '@/lib/validation/events';

// The contributor's GOV.UK date input. Unlike the admin form's (controlled) one,
// its boxes keep what was typed through `defaultValue`, so it works without JavaScript.

const p = 'event';
const SMALL = 'mt-1 block min-h-11 rounded border-2 border-gray-800 bg-white px-2 aria-[invalid=true]:border-red-700';

/** GOV.UK date input: day, month and year boxes in a fieldset, the error above them. */
export function SubmissionDateInput({
  name,
  legend,
  hint,
  error,
  value,
  context,
}: {
  name: string;
  legend: ReactNode;
  /** Which date this is, read after each box's label ("Day, date of session 1"). */
  context: string;
  hint?: string;
  error?: string;
  value: (part: DatePart) => string;
}) {
  const base = `${p}-${name}`;
  const describedBy = [hint ? `${base}-hint` : null, error ? `${base}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset role="group" aria-describedby={describedBy} className={error ? 'border-l-4 border-red-700 pl-3' : undefined}>
      <legend className="font-bold">{legend}</legend>
      {hint && (
        <p id={`${base}-hint`} className="text-[var(--color-muted)]">
          {hint}
        </p>
      )}
      <ErrorText id={`${base}-error`} error={error} />
      <div className="mt-1 flex flex-wrap gap-4">
        {(['day', 'month', 'year'] as const).map((part) => (
          <div key={part}>
            <label htmlFor={`${base}.${part}`} className="block">
              {part === 'day' ? 'Day' : part === 'month' ? 'Month' : 'Year'}
              <span className="sr-only">, {context}</span>
            </label>
            <input
              id={`${base}.${part}`}
              name={`${name}.${part}`}
              inputMode="numeric"
              defaultValue={value(part)}
              aria-invalid={error ? true : undefined}
              className={`${SMALL} ${part === 'year' ? 'w-24' : 'w-16'}`}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
