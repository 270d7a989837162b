'use client';

import type { ReactNode } from 'react';
import type { ActionState } from '@/lib/actions/state';

const SECONDARY =
  'min-h-11 rounded border-2 border-gray-800 bg-white px-3 font-bold text-gray-900 hover:bg-gray-100 disabled:opacity-50 aria-disabled:opacity-50';

/**
 * "Move up" / "Move down" for one row (a section, an event in a section): real buttons
 * in a form, so they work from the keyboard and without JavaScript; the result is
 * announced politely. aria-disabled rather than disabled: a disabled button loses
 * focus, and a keyboard user pressing "Move up" repeatedly must stay on it.
 */
export function MoveButtons({
  action,
  state,
  pending,
  title,
  isFirst,
  isLast,
  children,
}: {
  action: (form: FormData) => void;
  state: ActionState<{ message: string }>;
  pending: boolean;
  /** What moves, read after each button's name ("Move up: Partner news"). */
  title: string;
  isFirst: boolean;
  isLast: boolean;
  /** The hidden fields that say which row this is. */
  children: ReactNode;
}) {
  const guard = (atEnd: boolean) => (e: React.MouseEvent<HTMLButtonElement>) => {
    if (pending || atEnd) e.preventDefault();
  };
  const message = state.status === 'success' ? (state.data?.message ?? '') : state.status === 'error' ? state.message : '';
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      {children}
      <button type="submit" name="direction" value="up" aria-disabled={pending || isFirst} onClick={guard(isFirst)} className={SECONDARY} aria-label={`Move up: ${title}`}>
        Move up
      </button>
      <button type="submit" name="direction" value="down" aria-disabled={pending || isLast} onClick={guard(isLast)} className={SECONDARY} aria-label={`Move down: ${title}`}>
        Move down
      </button>
      <span role="status" aria-live="polite" className={state.status === 'error' ? 'font-bold text-red-700' : 'sr-only'}>
        {message}
      </span>
    </form>
  );
}
