'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { fieldError, keptValue, type ActionState } from '@/lib/actions/state';

// Small accessible form fields: a visible label, an optional hint, the error
// next to the field, and aria-describedby tying them together. Targets are at
// least 44px high; the global :focus-visible style gives a visible focus ring.

export const inputClass =
  'mt-1 block min-h-11 w-full max-w-xl rounded border-2 border-gray-800 bg-white px-2 aria-[invalid=true]:border-red-700';

type FieldProps = {
  idPrefix: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
};

/** The ids a field's input should point at: its hint and its error, when shown. */
export function describedBy(id: string, hint: unknown, error: unknown) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A field's error message, read as "Error: …"; nothing when there is no error. */
export function ErrorText({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="font-bold text-red-700">
      <span className="sr-only">Error: </span>
      {error}
    </p>
  );
}

/** Label, hint and error around any control, GOV.UK style. */
export function FieldChrome({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'border-l-4 border-red-700 pl-3' : undefined}>
      <label htmlFor={id} className="block font-bold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-[var(--color-muted)]">
          {hint}
        </p>
      )}
      <ErrorText id={`${id}-error`} error={error} />
      {children}
    </div>
  );
}

/**
 * A form's fields bound to its last action state: `field('name', saved)` gives a
 * TextField or SelectField its id prefix, name, the value to show (what was sent
 * after a failed submit, else `saved`) and its error. Not for passwords: they are
 * never sent back.
 */
export function boundFields(state: ActionState, idPrefix: string) {
  return (name: string, saved?: string | null) => ({
    idPrefix,
    name,
    defaultValue: keptValue(state, name, saved),
    error: fieldError(state, name),
  });
}

export function TextField({
  idPrefix,
  name,
  label,
  hint,
  error,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'>) {
  const id = `${idPrefix}-${name}`;
  return (
    <FieldChrome id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
        {...input}
      />
    </FieldChrome>
  );
}

export type Option = { value: string; label: string };

export function SelectField({
  idPrefix,
  name,
  label,
  hint,
  error,
  options,
  defaultValue,
  emptyLabel,
  required,
}: FieldProps & { options: Option[]; defaultValue?: string; emptyLabel?: string; required?: boolean }) {
  const id = `${idPrefix}-${name}`;
  return (
    <FieldChrome id={id} label={label} hint={hint} error={error}>
      <select
        // Remount when the kept value changes: React's form reset would otherwise
        // put a select back to its first default after a failed submit.
        key={defaultValue ?? ''}
        id={id}
        name={name}
        defaultValue={defaultValue ?? ''}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldChrome>
  );
}

/** A submit button that says what is happening while the action runs. */
export function SubmitButton({
  children,
  pendingText,
  variant = 'primary',
}: {
  children: ReactNode;
  pendingText: string;
  variant?: 'primary' | 'warning' | 'secondary';
}) {
  const { pending } = useFormStatus();
  const colours = {
    primary: 'bg-[var(--color-brand)] text-white hover:bg-[var(--color-brand-dark)]',
    warning: 'bg-red-700 text-white hover:bg-red-900',
    secondary: 'border-2 border-gray-800 bg-white text-[var(--color-ink)] hover:bg-gray-100',
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`min-h-11 min-w-11 rounded px-5 font-bold disabled:opacity-70 ${colours}`}
    >
      {pending ? pendingText : children}
    </button>
  );
}
