'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/admin/forms/fields';
import { IDLE } from '@/components/admin/forms/form-state';
import { reopenCommentAction } from '@/lib/actions/comments/reopen-comment';
import { resolveCommentAction } from '@/lib/actions/comments/resolve-comment';
import type { ActionState } from '@/lib/actions/state';

type Act = (state: ActionState, form: FormData) => Promise<ActionState>;

/** Resolve or reopen a thread; the outcome is announced in a live region. */
export function ResolveForm({ commentId, resolved, label }: { commentId: string; resolved: boolean; label: string }) {
  const [state, formAction] = useActionState((resolved ? reopenCommentAction : resolveCommentAction) as Act, IDLE as ActionState);
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-center gap-3">
      <input type="hidden" name="id" value={commentId} />
      <SubmitButton variant="secondary" pendingText={resolved ? 'Reopening…' : 'Resolving…'}>
        {resolved ? 'Reopen' : 'Resolve'}
        <span className="sr-only"> {label}</span>
      </SubmitButton>
      <p role="status" className={state.status === 'error' ? 'font-bold text-red-700' : 'text-[var(--color-muted)]'}>
        {state.status === 'error' ? state.message : state.status === 'success' ? state.message : ''}
      </p>
    </form>
  );
}
