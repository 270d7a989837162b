'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { SubmitButton } from '@/components/admin/forms/fields';
import { IDLE } from '@/lib/actions/state';
import { publishChangesAction } from '@/lib/actions/workflow/publish-changes';
import { AskSponsorButton } from './workflow-forms';

/**
 * A live issue whose working text differs from what readers see (decision 017). While
 * the intro is edited since the sponsor's approval, "Publish changes" would be refused
 * by the gate, so it is left out and the editor is offered what unblocks it instead:
 * asking the sponsor, or (once asked) waiting for them.
 */
export function PendingChangesPanel({
  issueId,
  canPublish,
  canAsk,
  approveHref,
  introApproval,
}: {
  issueId: string;
  canPublish: boolean;
  canAsk: boolean;
  /** For a user who can approve the intro themselves (the sponsor). */
  approveHref: string | null;
  /** Set while the intro needs the sponsor again; `askedAt` (formatted) once they were asked. */
  introApproval: { askedAt: string | null } | null;
}) {
  return (
    <section aria-labelledby="pending-changes-heading" className="mt-6 border-l-8 border-amber-600 bg-amber-50 p-4">
      <h2 id="pending-changes-heading" className="text-xl font-bold">
        Unpublished changes
      </h2>
      <p className="mt-2">
        This issue has been edited since it was published. Readers still see the published version until the changes are published.
      </p>
      {introApproval ? (
        <div className="mt-3 space-y-2" data-testid="live-intro-approval">
          {introApproval.askedAt ? (
            <p>
              The sponsor was asked to approve the edited intro on {introApproval.askedAt}. The changes can be published once they approve it.
            </p>
          ) : (
            <>
              <p>The intro was edited after the sponsor approved it, so the changes can be published only once the sponsor approves the new text.</p>
              {canAsk ? <AskSponsorButton issueId={issueId} /> : !approveHref && <p>An editor can ask the sponsor to approve it.</p>}
            </>
          )}
          {approveHref && (
            <p>
              <Link href={approveHref} className="text-[var(--color-brand)] underline">
                Read and approve the edited intro
              </Link>
            </p>
          )}
        </div>
      ) : canPublish ? (
        <PublishChangesForm issueId={issueId} />
      ) : (
        <p className="mt-2">An editor can publish them.</p>
      )}
    </section>
  );
}

function PublishChangesForm({ issueId }: { issueId: string }) {
  const [state, formAction] = useActionState(publishChangesAction, IDLE);
  return (
    <form action={formAction} className="mt-3 space-y-2">
      {/* On success the action redirects to the issue page, which says what was published. */}
      <ErrorSummary state={state} headingLevel={3} />
      <input type="hidden" name="issueId" value={issueId} />
      <SubmitButton pendingText="Publishing the changes…">Publish changes</SubmitButton>
    </form>
  );
}
