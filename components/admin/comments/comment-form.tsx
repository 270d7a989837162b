'use client';

import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { FieldChrome, inputClass, SubmitButton } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { addCommentAction } from '@/lib/actions/comments/add-comment';
import type { ActionState } from '@/lib/actions/state';
import { COMMENT_MAX_LENGTH } from '@/lib/validation/comments';

export type CommentTarget = { sectionId: string } | { contributionId: string };

/**
 * A new comment (with the blocking option for those who may resolve) or a reply to
 * a thread. After a failed submit the text stays; after success the box empties and
 * the live region says so.
 */
export function CommentForm({
  target,
  parentId,
  canBlock = false,
  idPrefix,
}: {
  target: CommentTarget;
  parentId?: string;
  canBlock?: boolean;
  idPrefix: string;
}) {
  const [state, formAction] = useActionState(addCommentAction as (state: ActionState, form: FormData) => Promise<ActionState>, IDLE as ActionState);
  const error = fieldError(state, 'body');
  const bodyId = `${idPrefix}-body`;
  const reply = !!parentId;
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'success') ref.current?.reset();
  }, [state]);
  const message =
    state.status === 'success'
      ? `${reply ? 'Reply added' : 'Comment added'}${(state.data as { mentioned?: number } | undefined)?.mentioned ? '. The people you mentioned have been notified.' : '.'}`
      : '';
  return (
    <form ref={ref} action={formAction} noValidate className="mt-3 max-w-2xl space-y-3">
      <ErrorSummary state={state} idPrefix={idPrefix} headingLevel={3} labels={{ body: reply ? 'Reply' : 'Comment' }} />
      {'sectionId' in target ? (
        <input type="hidden" name="sectionId" value={target.sectionId} />
      ) : (
        <input type="hidden" name="contributionId" value={target.contributionId} />
      )}
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <FieldChrome id={bodyId} label={reply ? 'Reply' : 'New comment'} hint={<>To notify someone, type @ and their full name, for example “@Sam Jones”. Up to {COMMENT_MAX_LENGTH.toLocaleString('en-GB')} characters.</>} error={error}>
        <textarea
          id={bodyId}
          name="body"
          rows={reply ? 2 : 4}
          defaultValue={keptValue(state, 'body')}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${bodyId}-hint`, error ? `${bodyId}-error` : null].filter(Boolean).join(' ')}
          className={`${inputClass} py-2`}
        />
      </FieldChrome>
      {canBlock && !reply && (
        <div className="flex items-start gap-3">
          <input
            id={`${idPrefix}-blocking`}
            type="checkbox"
            name="blocking"
            defaultChecked={keptValue(state, 'blocking') === 'on'}
            className="mt-1 size-6 shrink-0 accent-[var(--color-brand)]"
          />
          <label htmlFor={`${idPrefix}-blocking`}>Blocking: must be resolved before publishing</label>
        </div>
      )}
      <SubmitButton variant={reply ? 'secondary' : 'primary'} pendingText={reply ? 'Sending reply…' : 'Adding comment…'}>
        {reply ? 'Reply' : 'Add comment'}
      </SubmitButton>
      <p role="status" className="font-bold text-green-800">
        {message}
      </p>
    </form>
  );
}
