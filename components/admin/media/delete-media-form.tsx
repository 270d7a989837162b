'use client';

import { useActionState } from 'react';
import { IDLE, type ActionState } from '@/lib/actions/state';
import { deleteMediaAction } from '@/lib/actions/media/delete-media';

/** Delete one image, after an explicit confirmation; refused while the image is in use. */
export function DeleteMediaForm({ id, label }: { id: string; label: string }) {
  const [state, action, pending] = useActionState<ActionState<{ id: string }>, FormData>(deleteMediaAction, IDLE as ActionState<{ id: string }>);
  return (
    <details className="mt-3">
      <summary className="cursor-pointer font-bold text-red-800 underline">Delete image</summary>
      <form
        action={action}
        className="mt-2 space-y-2"
        onSubmit={(event) => {
          if (!window.confirm(`Delete ${label}? This cannot be undone.`)) event.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={id} />
        <p>Images still used by a person, section or event cannot be deleted.</p>
        <div role="alert">{state.status === 'error' && <p className="border-l-8 border-red-700 bg-red-50 p-3 font-bold">{state.message}</p>}</div>
        <button type="submit" disabled={pending} className="min-h-11 rounded bg-red-800 px-3 py-1 font-bold text-white hover:bg-red-900 disabled:opacity-60">
          {pending ? 'Deleting…' : 'Delete this image'}
        </button>
      </form>
    </details>
  );
}
