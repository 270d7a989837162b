'use client';

import { useEffect, useRef } from 'react';
import type { ActionState } from '@/lib/actions/state';

/** GOV.UK-style error summary for an action's result; takes focus when it appears. */
export function ErrorSummary({ state, labels = {} }: { state: ActionState<unknown>; labels?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const error = state.status === 'error' ? state : null;
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return <div ref={ref} role="alert" aria-live="assertive" />;
  const fields = Object.entries(error.fieldErrors ?? {}).filter(([, v]) => v?.length) as [string, string[]][];
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-live="assertive" className="border-l-8 border-red-700 bg-red-50 p-4">
      <h2 className="font-bold">There is a problem</h2>
      <ul className="mt-1 list-disc pl-6">
        {fields.length === 0 && <li>{error.message}</li>}
        {fields.map(([key, messages]) => (
          <li key={key}>
            <a href={`#${key}`} className="underline">
              {labels[key] ? `${labels[key]}: ` : ''}
              {messages[0]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function fieldError(state: ActionState<unknown>, name: string): string | undefined {
  return state.status === 'error' ? state.fieldErrors?.[name]?.[0] : undefined;
}
