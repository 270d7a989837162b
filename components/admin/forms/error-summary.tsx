'use client';

import { useEffect, useRef } from 'react';
import type { ActionState } from '@/lib/actions/state';

/**
 * GOV.UK-style error summary: receives focus after a failed submit and links
 * to each field in error. `idPrefix` matches the prefix given to the fields.
 * `labels` turns field names into the text shown (defaults to the message only).
 */
export function ErrorSummary({
  state,
  idPrefix,
  headingLevel = 2,
}: {
  state: ActionState;
  idPrefix: string;
  headingLevel?: 2 | 3;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') ref.current?.focus();
  }, [state]);
  const errors =
    state.status === 'error'
      ? Object.entries(state.fieldErrors ?? {}).flatMap(([name, messages]) =>
          messages?.[0] ? [{ name, message: messages[0] }] : [],
        )
      : [];
  const show = state.status === 'error';
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-live="assertive"
      className={show ? 'mb-6 border-l-8 border-red-700 bg-red-50 p-4' : ''}
    >
      {show && (
        <>
          <Heading className="text-lg font-bold">There is a problem</Heading>
          <ul className="mt-1 list-disc pl-6">
            {errors.length === 0 && <li>{state.message}</li>}
            {errors.map((e) => (
              <li key={e.name}>
                <a href={`#${idPrefix}-${e.name}`} className="text-red-800 underline">
                  {e.message}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A success message after a completed action, announced politely. */
export function SuccessMessage({ state }: { state: ActionState }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className={state.status === 'success' && state.message ? 'mb-6 border-l-8 border-green-700 bg-green-50 p-4' : ''}
    >
      {state.status === 'success' && state.message ? <p className="font-bold">{state.message}</p> : null}
    </div>
  );
}
