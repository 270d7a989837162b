'use client';

import { useActionState, useId, useState, type FormEvent } from 'react';
import { IDLE, type ActionState } from '@/lib/actions/state';
import { uploadMediaAction } from '@/lib/actions/media/upload-media';
import { ACCEPT_ATTRIBUTE, fileTooLargeMessage, MAX_DIMENSION, MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES } from '@/lib/media/limits';
import { ALT_MAX_LENGTH } from '@/lib/validation/media';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { fieldError, keptValue } from '@/lib/actions/state';
import { BUTTON_CLASS, FIELD_CLASS } from './styles';
import { ErrorText } from '@/components/admin/forms/fields';

type UploadResult = { id: string; fileName: string };

/**
 * A file over the limit is refused here before it is sent (the server refuses it
 * too, for a browser without JavaScript), with the same message and state shape.
 */
function tooLargeBeforeSending(event: FormEvent<HTMLFormElement>): ActionState<UploadResult> | null {
  const data = new FormData(event.currentTarget);
  const file = data.get('file');
  if (!(file instanceof File) || file.size <= MAX_UPLOAD_BYTES) return null;
  event.preventDefault();
  const message = fileTooLargeMessage(file.size);
  const values: Record<string, string> = { alt: String(data.get('alt') ?? '') };
  if (data.get('decorative')) values.decorative = 'on';
  return { status: 'error', code: 400, message, fieldErrors: { file: [message] }, values };
}

/** Upload an image with its alt text (or marked decorative). */
export function UploadMediaForm() {
  const [serverState, action, pending] = useActionState<ActionState<UploadResult>, FormData>(uploadMediaAction, IDLE as ActionState<UploadResult>);
  const [browserState, setBrowserState] = useState<ActionState<UploadResult> | null>(null);
  const state = browserState ?? serverState;
  const id = useId();
  const ids = { file: `${id}-file`, alt: `${id}-alt`, decorative: `${id}-decorative` };
  const fileError = fieldError(state, 'file');
  const altError = fieldError(state, 'alt');
  const decorativeBefore = keptValue(state, 'decorative');
  return (
    <form action={action} onSubmit={(event) => setBrowserState(tooLargeBeforeSending(event))} noValidate className="mt-4 space-y-5">
      <ErrorSummary state={state} fieldIds={ids} />
      <p id={`${id}-status`} role="status" className={state.status === 'success' ? 'border-l-8 border-green-700 bg-green-50 p-4 font-bold' : ''}>
        {state.status === 'success' ? state.message : ''}
      </p>
      <div>
        <label htmlFor={ids.file} className="font-bold">
          Image file
        </label>
        <p id={`${ids.file}-hint`} className="text-[var(--color-muted)]">
          PNG, JPEG, WebP or GIF, smaller than {MAX_UPLOAD_BYTES / 1024 / 1024} MB and at most {MAX_INPUT_PIXELS / 1_000_000} megapixels. Images wider or
          taller than {MAX_DIMENSION} pixels are made smaller, location and camera details are removed, and GIFs are saved as PNG (still images only).
        </p>
        <ErrorText id={`${ids.file}-error`} error={fileError} />
        <input
          id={ids.file}
          name="file"
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          required
          aria-invalid={!!fileError}
          aria-describedby={[`${ids.file}-hint`, fileError && `${ids.file}-error`].filter(Boolean).join(' ')}
          className="mt-1 block max-w-xl"
        />
      </div>
      <div>
        <label htmlFor={ids.alt} className="font-bold">
          Alt text
        </label>
        <p id={`${ids.alt}-hint`} className="text-[var(--color-muted)]">
          Describe what the image shows for people who cannot see it, in a sentence or two. Leave it empty only if the image is decorative.
        </p>
        <ErrorText id={`${ids.alt}-error`} error={altError} />
        <textarea
          key={state.status === 'error' ? `alt-${keptValue(state, 'alt')}` : state.status}
          id={ids.alt}
          name="alt"
          rows={3}
          maxLength={ALT_MAX_LENGTH}
          defaultValue={keptValue(state, 'alt')}
          aria-invalid={!!altError}
          aria-describedby={[`${ids.alt}-hint`, altError && `${ids.alt}-error`].filter(Boolean).join(' ')}
          className={`${FIELD_CLASS} py-1`}
        />
      </div>
      <div className="flex items-start gap-3">
        <input
          key={`decorative-${state.status}-${String(decorativeBefore)}`}
          id={ids.decorative}
          name="decorative"
          type="checkbox"
          defaultChecked={decorativeBefore === 'on'}
          aria-describedby={`${ids.decorative}-hint`}
          className="mt-1 size-6"
        />
        <div>
          <label htmlFor={ids.decorative} className="font-bold">
            This image is decorative
          </label>
          <p id={`${ids.decorative}-hint`} className="text-[var(--color-muted)]">
            It adds no information (a border, a pattern), so screen readers skip it and any alt text is removed.
          </p>
        </div>
      </div>
      <button type="submit" disabled={pending} className={BUTTON_CLASS}>
        {pending ? 'Uploading…' : 'Upload image'}
      </button>
    </form>
  );
}
