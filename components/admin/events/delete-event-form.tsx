'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { IDLE, type ActionState } from '@/lib/actions/state';
import { deleteEventAction } from '@/lib/actions/events/delete-event';

/** The second, explicit step of deleting an event. */
export function DeleteEventForm({ id, title }: { id: string; title: string }) {
  const [state, formAction, pending] = useActionState(deleteEventAction, IDLE as ActionState<never>);
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <ErrorSummary state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="confirm" value="yes" />
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-red-700 px-5 font-bold text-white hover:bg-red-800 disabled:opacity-70">
        {pending ? 'Deleting…' : 'Yes, delete'}
        <span className="sr-only"> “{title}”</span>
      </button>
    </form>
  );
}
