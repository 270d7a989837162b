'use client';

import { useActionState } from 'react';
import { idle } from './idle';
import { reorderSectionsAction } from '@/lib/actions/sections/reorder-sections';
import { SECONDARY } from './styles';

type Result = { moved: boolean; message: string };

/**
 * "Move up" / "Move down" for one section: real buttons in a form, so they work
 * from the keyboard (and without JavaScript); the result is announced politely.
 * Rows are keyed by section id, so focus stays on the button that was pressed
 * as its section moves.
 */
export function MoveSectionButtons({ sectionId, title, isFirst, isLast }: { sectionId: string; title: string; isFirst: boolean; isLast: boolean }) {
  const [state, formAction, pending] = useActionState(reorderSectionsAction, idle<Result>());
  // aria-disabled rather than disabled: a disabled button loses keyboard focus, and
  // a keyboard user pressing "Move up" repeatedly must stay on it.
  const guard = (atEnd: boolean) => (e: React.MouseEvent<HTMLButtonElement>) => {
    if (pending || atEnd) e.preventDefault();
  };
  const message = state.status === 'success' ? state.data?.message : state.status === 'error' ? state.message : '';
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="sectionId" value={sectionId} />
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
