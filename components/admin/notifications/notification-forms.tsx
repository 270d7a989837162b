'use client';

import { useActionState, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { IDLE } from '@/components/admin/forms/form-state';
import { SubmitButton } from '@/components/admin/forms/fields';
import { markAllNotificationsReadAction } from '@/lib/actions/notifications/mark-all-notifications-read';
import { markNotificationReadAction } from '@/lib/actions/notifications/mark-notification-read';
import type { ActionState } from '@/lib/actions/state';

type Act = (state: ActionState, form: FormData) => Promise<ActionState>;

function OpenButton({ children }: { children: ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="min-h-11 cursor-pointer text-left text-lg font-bold text-[var(--color-brand)] underline underline-offset-2 hover:text-[var(--color-brand-dark)] disabled:opacity-70"
    >
      {children}
    </button>
  );
}

/**
 * Opening a notification is a form POST (mark it read, then go to its page), so it
 * works before JavaScript loads; the server answers with a redirect.
 */
export function OpenNotificationForm({ id, children }: { id: string; children: ReactNode }) {
  const [state, formAction] = useActionState(markNotificationReadAction as Act, IDLE as ActionState);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <OpenButton>{children}</OpenButton>
      {state.status === 'error' && (
        <p role="alert" className="font-bold text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function MarkAllReadForm() {
  const [state, formAction] = useActionState(markAllNotificationsReadAction as Act, IDLE as ActionState);
  return (
    <form action={formAction} className="mt-4">
      <SubmitButton variant="secondary" pendingText="Marking all as read…">
        Mark all as read
      </SubmitButton>
      {state.status === 'error' && (
        <p role="alert" className="mt-2 font-bold text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
