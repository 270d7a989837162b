'use client';

import { useActionState } from 'react';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { SubmitButton } from '@/components/admin/forms/fields';
import { IDLE } from '@/lib/actions/state';
import { publishChangesAction } from '@/lib/actions/workflow/publish-changes';

/**
 * A live issue whose working text differs from what readers see (decision 017). The
 * button goes through the publish gate, so an intro edited since the sponsor's
 * approval is refused with the gate's reason until they approve it again.
 */
export function PendingChangesPanel({ issueId, canPublish }: { issueId: string; canPublish: boolean }) {
  const [state, formAction] = useActionState(publishChangesAction, IDLE);
  return (
    <section aria-labelledby="pending-changes-heading" className="mt-6 border-l-8 border-amber-600 bg-amber-50 p-4">
      <h2 id="pending-changes-heading" className="text-xl font-bold">
        Unpublished changes
      </h2>
      <p className="mt-2">
        This issue has been edited since it was published. Readers still see the published version until the changes are published.
      </p>
      {canPublish ? (
        <form action={formAction} className="mt-3 space-y-2">
          <ErrorSummary state={state} headingLevel={3} />
          <SuccessMessage state={state} />
          <input type="hidden" name="issueId" value={issueId} />
          <SubmitButton pendingText="Publishing the changes…">Publish changes</SubmitButton>
        </form>
      ) : (
        <p className="mt-2">An editor can publish them.</p>
      )}
    </section>
  );
}
