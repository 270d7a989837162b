'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SubmitButton } from '@/components/admin/forms/fields';
import { IDLE } from '@/components/admin/forms/form-state';
import { sendEditionAction } from '@/lib/actions/editions/send';
import type { ActionState } from '@/lib/actions/state';

/** "Send to N subscribers": names the count it confirms; a second send needs "Send it again" ticked. */
export function SendEditionForm(props: { issueId: string; intro: 'full' | 'first'; paragraphs: number; recipients: number; sentBefore: boolean }) {
  const [state, formAction] = useActionState(sendEditionAction as (s: ActionState, f: FormData) => Promise<ActionState>, IDLE as ActionState);
  const noun = props.recipients === 1 ? 'subscriber' : 'subscribers';
  return (
    <form action={formAction} className="mt-4">
      <ErrorSummary state={state} idPrefix="send" headingLevel={3} />
      <SuccessMessage state={state} />
      <input type="hidden" name="issueId" value={props.issueId} />
      <input type="hidden" name="intro" value={props.intro} />
      <input type="hidden" name="paragraphs" value={props.paragraphs} />
      <input type="hidden" name="expectedRecipients" value={props.recipients} />
      {props.sentBefore && (
        <div className="mb-4 flex items-start gap-2">
          <input id="send-again" name="again" type="checkbox" className="mt-1 size-5" />
          <label htmlFor="send-again">Send it again: this issue has been sent before, and everyone will get it a second time</label>
        </div>
      )}
      <SubmitButton pendingText="Starting…">{`Send to ${props.recipients} ${noun}`}</SubmitButton>
    </form>
  );
}

/** Refreshes the page every few seconds while a send is running, so its counts update. */
export function RefreshWhileSending({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(t);
  }, [active, router]);
  return null;
}
