'use client';

import { useActionState, useId } from 'react';
import { IDLE, type ActionState } from '@/lib/actions/state';
import { updateMediaAltAction } from '@/lib/actions/media/update-media-alt';
import { ALT_MAX_LENGTH } from '@/lib/validation/media';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { fieldError, keptValue } from '@/lib/actions/state';
import { FIELD_CLASS } from './styles';
import { ErrorText } from '@/components/admin/forms/fields';

/** Edit one image's alt text / decorative flag. */
export function MediaAltForm({ id, alt, decorative, label }: { id: string; alt: string; decorative: boolean; label: string }) {
  const [state, action, pending] = useActionState<ActionState<{ id: string }>, FormData>(updateMediaAltAction, IDLE as ActionState<{ id: string }>);
  const uid = useId();
  const ids = { alt: `${uid}-alt`, decorative: `${uid}-decorative` };
  const altError = fieldError(state, 'alt');
  const shownAlt = keptValue(state, 'alt', alt);
  const shownDecorative = state.status === 'error' ? keptValue(state, 'decorative') === 'on' : decorative;
  return (
    <form action={action} noValidate className="mt-3 space-y-3" aria-label={`Edit alt text for ${label}`}>
      <ErrorSummary state={state} fieldIds={ids} />
      <input type="hidden" name="id" value={id} />
      <div>
        <label htmlFor={ids.alt} className="font-bold">
          Alt text<span className="sr-only"> for {label}</span>
        </label>
        <ErrorText id={`${ids.alt}-error`} error={altError} />
        <textarea
          key={`${state.status}-${shownAlt}`}
          id={ids.alt}
          name="alt"
          rows={2}
          maxLength={ALT_MAX_LENGTH}
          defaultValue={shownAlt}
          aria-invalid={!!altError}
          aria-describedby={altError ? `${ids.alt}-error` : undefined}
          className={`${FIELD_CLASS} py-1`}
        />
      </div>
      <div className="flex items-center gap-3">
        <input key={`${state.status}-${shownDecorative}`} id={ids.decorative} name="decorative" type="checkbox" defaultChecked={shownDecorative} className="size-6" />
        <label htmlFor={ids.decorative}>Decorative (no alt text)<span className="sr-only">: {label}</span></label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="min-h-11 rounded border-2 border-[var(--color-brand)] px-3 py-1 font-bold text-[var(--color-brand)] hover:bg-gray-100 disabled:opacity-60"
        >
          {pending ? 'Saving…' : 'Save alt text'}
        </button>
        <p role="status" className="font-bold text-green-800">
          {state.status === 'success' ? state.message : ''}
        </p>
      </div>
    </form>
  );
}
