'use client';

import { useActionState, useState } from 'react';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { ErrorText, SelectField, SubmitButton } from '@/components/admin/forms/fields';
import { fieldError, IDLE, keptValue } from '@/components/admin/forms/form-state';
import { acceptContributionAction } from '@/lib/actions/contributions/accept-contribution';
import type { ActionState } from '@/lib/actions/state';

export type AcceptTarget = { id: string; title: string; status: string; month: Date; sections: { id: string; title: string; kind: string }[] };

const STATUS = { DRAFT: 'draft', IN_REVIEW: 'in review', APPROVED: 'approved', SCHEDULED: 'scheduled' } as Record<string, string>;

/**
 * Accept into an issue that is not published: an article goes after the chosen
 * section, an event at the end of the chosen event list. The section list follows
 * the chosen issue; the server checks that the section belongs to the issue.
 */
export function AcceptForm({
  id,
  version,
  kind,
  issues,
  defaultIssueId,
}: {
  id: string;
  version: number;
  kind: 'ARTICLE' | 'EVENT';
  issues: AcceptTarget[];
  /** The issue due next, chosen unless the editor picks another. */
  defaultIssueId?: string;
}) {
  const [state, formAction] = useActionState(
    acceptContributionAction as (state: ActionState, form: FormData) => Promise<ActionState>,
    IDLE as ActionState,
  );
  const [issueId, setIssueId] = useState(() => keptValue(state, 'issueId', defaultIssueId ?? issues[0]?.id));
  const p = 'accept';
  const issue = issues.find((i) => i.id === issueId);
  const sections = (issue?.sections ?? []).filter((s) => kind === 'ARTICLE' || s.kind === 'EVENT_LIST');
  if (issues.length === 0) {
    return <p className="mt-4">There is no issue to accept into: every issue has been published. Create the next issue first.</p>;
  }
  return (
    <form action={formAction} noValidate className="mt-4 max-w-2xl space-y-4">
      <ErrorSummary state={state} idPrefix={p} headingLevel={3} labels={{ issueId: 'Issue', sectionId: 'Section' }} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor={`${p}-issueId`} className="block font-bold">
          Issue
        </label>
        <p id={`${p}-issueId-hint`} className="text-[var(--color-muted)]">
          Only issues that are not published yet are listed.
        </p>
        <ErrorText id={`${p}-issueId-error`} error={fieldError(state, 'issueId')} />
        <select
          id={`${p}-issueId`}
          name="issueId"
          value={issueId}
          onChange={(e) => setIssueId(e.target.value)}
          aria-invalid={fieldError(state, 'issueId') ? true : undefined}
          aria-describedby={[`${p}-issueId-hint`, fieldError(state, 'issueId') ? `${p}-issueId-error` : null].filter(Boolean).join(' ')}
          className="mt-1 block min-h-11 w-full max-w-xl rounded border-2 border-gray-800 bg-white px-2"
        >
          {issues.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title} ({STATUS[i.status] ?? i.status.toLowerCase()})
            </option>
          ))}
        </select>
      </div>
      {sections.length === 0 ? (
        <p className="border-l-4 border-amber-500 pl-3">
          {kind === 'EVENT'
            ? 'This issue has no event-list section. Add one in the issue editor, or choose another issue.'
            : 'This issue has no sections yet. Choose another issue.'}
        </p>
      ) : (
        <SelectField
          key={issueId}
          idPrefix={p}
          name="sectionId"
          label={kind === 'EVENT' ? 'Add the event to this event list' : 'Place the article after'}
          hint={kind === 'EVENT' ? 'The event is added at the end of the list.' : 'The article becomes a new section straight after this one.'}
          options={sections.map((s) => ({ value: s.id, label: s.title }))}
          defaultValue={keptValue(state, 'sectionId', sections.at(kind === 'EVENT' ? 0 : -1)?.id)}
          error={fieldError(state, 'sectionId')}
        />
      )}
      <SubmitButton pendingText="Accepting…">{kind === 'EVENT' ? 'Accept and add the event' : 'Accept and add the article'}</SubmitButton>
    </form>
  );
}
