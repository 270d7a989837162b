'use client';

import { useActionState } from 'react';
import { idle } from './idle';
import { restoreRevisionAction } from '@/lib/actions/sections/restore-revision';
import { SECONDARY } from './styles';

export function RestoreRevisionForm({ revisionId, label }: { revisionId: string; label: string }) {
  const [state, formAction, pending] = useActionState(restoreRevisionAction, idle<never>());
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-center gap-3">
      <input type="hidden" name="revisionId" value={revisionId} />
      <button type="submit" disabled={pending} className={SECONDARY}>
        {pending ? 'Restoring…' : label}
      </button>
      <span role="status" aria-live="polite" className="font-bold text-red-700">
        {state.status === 'error' ? state.message : ''}
      </span>
    </form>
  );
}
