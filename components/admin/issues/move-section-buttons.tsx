'use client';

import { useActionState } from 'react';
import { MoveButtons } from '@/components/admin/forms/move-buttons';
import { idle } from './idle';
import { reorderSectionsAction } from '@/lib/actions/sections/reorder-sections';

type Result = { moved: boolean; message: string };

/**
 * "Move up" / "Move down" for one section: real buttons in a form, so they work
 * from the keyboard (and without JavaScript); the result is announced politely.
 * Rows are keyed by section id, so focus stays on the button that was pressed
 * as its section moves.
 */
export function MoveSectionButtons({ sectionId, title, isFirst, isLast }: { sectionId: string; title: string; isFirst: boolean; isLast: boolean }) {
  const [state, formAction, pending] = useActionState(reorderSectionsAction, idle<Result>());
  return (
    <MoveButtons action={formAction} state={state} pending={pending} title={title} isFirst={isFirst} isLast={isLast}>
      <input type="hidden" name="sectionId" value={sectionId} />
    </MoveButtons>
  );
}
