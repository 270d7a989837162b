'use client';

import { parseGovukDate } from '@/lib/dates';
import type { DatePart } from '@/lib/validation/events';
import { ErrorText } from '@/components/admin/forms/fields';

export type DateValue = { day: string; month: string; year: string };

/** Which boxes of a date to highlight with its error (all of them when none is singled out). */
export function dateErrorParts(value: DateValue): DatePart[] | undefined {
  const r = parseGovukDate(value, 'date');
  return r.ok ? undefined : r.problem.parts;
}

const WIDTH: Record<DatePart, string> = { day: 'w-16', month: 'w-16', year: 'w-24' };
const LABEL: Record<DatePart, string> = { day: 'Day', month: 'Month', year: 'Year' };

/**
 * The GOV.UK date input: day, month and year boxes in a fieldset whose legend is
 * the question, a hint, and one error for the whole date. `errorParts` says which
 * boxes to highlight. Field names are `${name}.day` etc.; ids `${id}-day` etc.
 */
export function DateInput({
  id,
  name,
  legend,
  hint = 'For example, 27 3 2027',
  error,
  errorParts,
  value,
  onChange,
  legendClass = 'font-bold',
}: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  errorParts?: DatePart[];
  value: DateValue;
  onChange: (value: DateValue) => void;
  legendClass?: string;
}) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const highlighted = (part: DatePart) => !!error && (!errorParts || errorParts.length === 0 || errorParts.includes(part));
  return (
    <div className={error ? 'border-l-4 border-red-700 pl-3' : undefined}>
      <fieldset role="group" aria-describedby={describedBy}>
        <legend className={legendClass}>{legend}</legend>
        <p id={`${id}-hint`} className="text-[var(--color-muted)]">
          {hint}
        </p>
        <ErrorText id={`${id}-error`} error={error} />
        <div className="mt-1 flex flex-wrap gap-4">
          {(['day', 'month', 'year'] as const).map((part) => (
            <div key={part}>
              <label htmlFor={`${id}-${part}`} className="block">
                {LABEL[part]}
                {/* Several dates on one form: each box's name says which date it belongs to. */}
                <span className="sr-only">, {legend.replace(/ \(optional\)$/, '').toLowerCase()}</span>
              </label>
              <input
                id={`${id}-${part}`}
                name={`${name}.${part}`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                value={value[part]}
                onChange={(e) => onChange({ ...value, [part]: e.target.value })}
                aria-invalid={highlighted(part) ? true : undefined}
                className={`mt-1 block min-h-11 rounded border-2 border-gray-800 bg-white px-2 aria-[invalid=true]:border-red-700 ${WIDTH[part]}`}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
