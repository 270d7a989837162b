'use client';

import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { SubmitButton } from '@/components/admin/forms/fields';
import { IDLE } from '@/components/admin/forms/form-state';
import { sendTestEditionAction } from '@/lib/actions/editions/send-test';
import type { ActionState } from '@/lib/actions/state';

type Sent = { to: string; sent: boolean };

/** "Send a test to yourself": the preview as it stands, to the signed-in editor's address. */
export function SendTestForm({ issueId, intro, paragraphs, email }: { issueId: string; intro: 'full' | 'first'; paragraphs: number; email: string }) {
  const [state, formAction] = useActionState(sendTestEditionAction as (s: ActionState<Sent>, f: FormData) => Promise<ActionState<Sent>>, IDLE as ActionState<Sent>);
  const data = state.status === 'success' ? state.data : undefined;
  return (
    <form action={formAction} className="mt-4">
      <ErrorSummary state={state} idPrefix="send-test" headingLevel={3} />
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="intro" value={intro} />
      <input type="hidden" name="paragraphs" value={paragraphs} />
      <div role="status" aria-live="polite">
        {data && (
          <p className={`mb-4 border-l-8 p-4 font-bold ${data.sent ? 'border-green-700 bg-green-50' : 'border-amber-500 bg-amber-50'}`}>
            {data.sent ? `Test sent to ${data.to}.` : 'Email is not set up on this server (SMTP_URL), so nothing was sent.'}
          </p>
        )}
      </div>
      <SubmitButton variant="secondary" pendingText="Sending…">
        Send a test to {email}
      </SubmitButton>
    </form>
  );
}
