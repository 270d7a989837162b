'use client';

import { useEffect, useRef } from 'react';
import type { ActionState } from '@/lib/actions/state';

/**
 * "There is a problem" box for a failed action: the message, then each field error
 * as a link to its field (`fieldIds` maps field names to input ids). Focused when
 * a new error arrives, so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({ state, fieldIds }: { state: ActionState<unknown>; fieldIds: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const error = state.status === 'error' ? state : null;
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  const fieldErrors = Object.entries(error?.fieldErrors ?? {}).filter(([key, v]) => v?.length && fieldIds[key]) as [string, string[]][];
  const showMessage = error && !fieldErrors.some(([, v]) => v.includes(error.message));
  return (
    <div ref={ref} tabIndex={-1} role="alert" className={error ? 'border-l-8 border-red-700 bg-red-50 p-4' : ''}>
      {error && (
        <>
          <h3 className="font-bold">There is a problem</h3>
          <ul className="mt-1 list-disc pl-6">
            {showMessage && <li>{error.message}</li>}
            {fieldErrors.map(([key, messages]) => (
              <li key={key}>
                <a href={`#${fieldIds[key]}`} className="underline">
                  {messages[0]}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function fieldError(state: ActionState<unknown>, name: string): string | undefined {
  return state.status === 'error' ? state.fieldErrors?.[name]?.[0] : undefined;
}

/** The submitted value to show again after a failed save. */
export function previousValue(state: ActionState<unknown>, name: string): unknown {
  return state.status === 'error' ? state.values?.[name] : undefined;
}

export const FIELD_CLASS = 'mt-1 block min-h-11 w-full max-w-xl rounded border-2 border-gray-800 px-2';
export const BUTTON_CLASS =
  'min-h-11 rounded bg-[var(--color-brand)] px-4 py-2 font-bold text-white hover:bg-[var(--color-brand-dark)] focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-[var(--color-focus)] disabled:opacity-60';
