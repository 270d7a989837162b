'use client';

import { useActionState, useState } from 'react';
import { DateInput, type DateValue } from '@/components/admin/events/date-input';
import { ErrorSummary, SuccessMessage } from '@/components/admin/forms/error-summary';
import { ErrorText, FieldChrome, SubmitButton } from '@/components/admin/forms/fields';
import { fieldError, keptValue, IDLE, type ActionState } from '@/lib/actions/state';
import { approveIntroAction } from '@/lib/actions/workflow/approve-intro';
import { archiveIssueAction } from '@/lib/actions/workflow/archive-issue';
import { askSponsorLiveAction } from '@/lib/actions/workflow/ask-sponsor-live';
import { createApprovalLinkAction } from '@/lib/actions/workflow/create-approval-link';
import { createPreviewLinkAction } from '@/lib/actions/workflow/create-preview-link';
import { publishIssueAction } from '@/lib/actions/workflow/publish-issue';
import { requestIntroChangesAction } from '@/lib/actions/workflow/request-intro-changes';
import { revokeAccessLinkAction } from '@/lib/actions/workflow/revoke-access-link';
import { scheduleIssueAction } from '@/lib/actions/workflow/schedule-issue';
import { submitIntroAction } from '@/lib/actions/workflow/submit-intro';
import { unpublishIssueAction } from '@/lib/actions/workflow/unpublish-issue';
import { unscheduleIssueAction } from '@/lib/actions/workflow/unschedule-issue';
import { EmailOnPublishFields, type EmailOffer } from './email-on-publish';

type Action<T> = (prev: ActionState<T> | undefined, form: FormData) => Promise<ActionState<T>>;


/** A one-button transition (submit, cancel schedule, publish, archive): error or success announced next to it. */
function TransitionButton<T>({
  action,
  issueId,
  label,
  pendingText,
  variant = 'primary',
}: {
  action: Action<T>;
  issueId: string;
  label: string;
  pendingText: string;
  variant?: 'primary' | 'secondary' | 'warning';
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-2">
      <ErrorSummary state={state} headingLevel={3} />
      <SuccessMessage state={state} />
      <input type="hidden" name="issueId" value={issueId} />
      <SubmitButton pendingText={pendingText} variant={variant}>
        {label}
      </SubmitButton>
    </form>
  );
}

export const SubmitIntroButton = ({ issueId }: { issueId: string }) => (
  <TransitionButton action={submitIntroAction} issueId={issueId} label="Submit for sponsor approval" pendingText="Submitting…" />
);
/** A live issue's edited intro (decision 017): the sponsor is asked without the issue leaving PUBLISHED. */
export const AskSponsorButton = ({ issueId }: { issueId: string }) => (
  <TransitionButton action={askSponsorLiveAction} issueId={issueId} label="Ask the sponsor to approve" pendingText="Asking the sponsor…" />
);
export const UnscheduleButton = ({ issueId }: { issueId: string }) => (
  <TransitionButton action={unscheduleIssueAction} issueId={issueId} label="Cancel the schedule" pendingText="Cancelling…" variant="secondary" />
);
/** Publish now; with `offer` (the user may send the email edition), the box to email subscribers with it. */
export function PublishForm({ issueId, offer }: { issueId: string; offer: EmailOffer | null }) {
  const [state, formAction] = useActionState(publishIssueAction, IDLE);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <ErrorSummary state={state} headingLevel={3} fieldIds={{ email: 'publish-email', again: 'publish-email', intro: 'publish-intro-full', paragraphs: 'publish-intro-paragraphs' }} />
      <div role="status" aria-live="polite" className={state.status === 'success' ? 'border-l-8 border-green-700 bg-green-50 p-4' : ''}>
        {state.status === 'success' && state.data ? <p className="font-bold">{state.data.message}</p> : null}
      </div>
      <input type="hidden" name="issueId" value={issueId} />
      {offer && <EmailOnPublishFields idPrefix="publish" offer={offer} state={state} />}
      <SubmitButton pendingText="Publishing…">Publish now</SubmitButton>
    </form>
  );
}
export const ArchiveButton = ({ issueId }: { issueId: string }) => (
  <TransitionButton action={archiveIssueAction} issueId={issueId} label="Archive" pendingText="Archiving…" variant="secondary" />
);

/** Schedule: a London date (GOV.UK date input) and a time; with `offer`, whether the scheduled publish emails subscribers. */
export function ScheduleForm({ issueId, offer }: { issueId: string; offer: EmailOffer | null }) {
  const [state, formAction] = useActionState(scheduleIssueAction, IDLE);
  const [date, setDate] = useState<DateValue>({ day: '', month: '', year: '' });
  const timeError = fieldError(state, 'time');
  const dateError = fieldError(state, 'date');
  return (
    <form action={formAction} noValidate className="space-y-4">
      <ErrorSummary
        state={state}
        headingLevel={3}
        fieldIds={{ date: 'schedule-date-day', time: 'schedule-time', email: 'schedule-email', again: 'schedule-email', intro: 'schedule-intro-full', paragraphs: 'schedule-intro-paragraphs' }}
        labels={{ date: 'Date', time: 'Time' }}
      />
      <div role="status" aria-live="polite" className={state.status === 'success' ? 'border-l-8 border-green-700 bg-green-50 p-4' : ''}>
        {state.status === 'success' && state.data ? <p className="font-bold">{state.data.label}</p> : null}
      </div>
      <input type="hidden" name="issueId" value={issueId} />
      <DateInput id="schedule-date" name="date" legend="Publication date" hint="UK time. For example, 1 12 2026" error={dateError} value={date} onChange={setDate} />
      <FieldChrome id="schedule-time" label="Time" hint="24-hour or am/pm, for example 09:00 or 9am" error={timeError}>
        <input
          id="schedule-time"
          name="time"
          defaultValue={keptValue(state, 'time')}
          key={keptValue(state, 'time')}
          autoComplete="off"
          aria-invalid={timeError ? true : undefined}
          aria-describedby={timeError ? 'schedule-time-hint schedule-time-error' : 'schedule-time-hint'}
          className="mt-1 block min-h-11 w-32 rounded border-2 border-gray-800 bg-white px-2 aria-[invalid=true]:border-red-700"
        />
      </FieldChrome>
      {offer && <EmailOnPublishFields idPrefix="schedule" offer={offer} state={state} />}
      <SubmitButton pendingText="Scheduling…">Schedule</SubmitButton>
    </form>
  );
}

/** Unpublish takes the issue off the public site, so it asks for a confirmation first. */
export function UnpublishForm({ issueId }: { issueId: string }) {
  const [state, formAction] = useActionState(unpublishIssueAction, IDLE);
  const confirmError = fieldError(state, 'confirm');
  return (
    <form action={formAction} noValidate className="space-y-3">
      <ErrorSummary state={state} headingLevel={3} fieldIds={{ confirm: 'unpublish-confirm' }} />
      <SuccessMessage state={state} />
      <input type="hidden" name="issueId" value={issueId} />
      <div className={confirmError ? 'border-l-4 border-red-700 pl-3' : undefined}>
        <ErrorText id="unpublish-confirm-error" error={confirmError} />
        <div className="flex items-start gap-3">
          <input
            id="unpublish-confirm"
            type="checkbox"
            name="confirm"
            value="yes"
            aria-describedby={confirmError ? 'unpublish-confirm-error' : undefined}
            className="mt-1 size-6"
          />
          <label htmlFor="unpublish-confirm">Yes, take this issue off the public site and make it a draft again</label>
        </div>
      </div>
      <SubmitButton pendingText="Unpublishing…" variant="warning">
        Unpublish
      </SubmitButton>
    </form>
  );
}

/** The sponsor's two decisions on the approval page. */
export function ApproveIntroForm({ issueId, contentHash }: { issueId: string; contentHash: string }) {
  const [state, formAction] = useActionState(approveIntroAction, IDLE);
  return (
    <form action={formAction} className="space-y-3">
      <ErrorSummary state={state} headingLevel={3} />
      <SuccessMessage state={state} />
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="contentHash" value={contentHash} />
      <SubmitButton pendingText="Approving…">Approve</SubmitButton>
    </form>
  );
}

export function RequestChangesForm({ issueId }: { issueId: string }) {
  const [state, formAction] = useActionState(requestIntroChangesAction, IDLE);
  const error = fieldError(state, 'comment');
  return (
    <form action={formAction} noValidate className="space-y-3">
      <ErrorSummary state={state} headingLevel={3} fieldIds={{ comment: 'changes-comment' }} />
      <SuccessMessage state={state} />
      <input type="hidden" name="issueId" value={issueId} />
      <FieldChrome id="changes-comment" label="What needs to change?" hint="The editor sees this comment on the intro." error={error}>
        <textarea
          id="changes-comment"
          name="comment"
          rows={5}
          maxLength={5000}
          defaultValue={keptValue(state, 'comment')}
          key={state.status === 'error' ? keptValue(state, 'comment') : 'fresh'}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'changes-comment-hint changes-comment-error' : 'changes-comment-hint'}
          className="mt-1 block w-full max-w-xl rounded border-2 border-gray-800 bg-white p-2 aria-[invalid=true]:border-red-700"
        />
      </FieldChrome>
      <SubmitButton pendingText="Sending…" variant="secondary">
        Request changes
      </SubmitButton>
    </form>
  );
}

/** Emails a sponsor a link to approve without signing in. */
export function ApprovalLinkForm({ issueId, sponsors, defaultSponsorId }: { issueId: string; sponsors: { id: string; name: string; email: string }[]; defaultSponsorId?: string }) {
  const [state, formAction] = useActionState(createApprovalLinkAction, IDLE);
  const error = fieldError(state, 'sponsorId');
  return (
    <form action={formAction} noValidate className="space-y-3">
      <ErrorSummary state={state} headingLevel={3} fieldIds={{ sponsorId: 'approval-link-sponsor' }} />
      <div role="status" aria-live="polite" className={state.status === 'success' ? 'border-l-8 border-green-700 bg-green-50 p-4' : ''}>
        {state.status === 'success' && state.data ? <p className="font-bold">{state.data.message}</p> : null}
      </div>
      <input type="hidden" name="issueId" value={issueId} />
      <FieldChrome id="approval-link-sponsor" label="Sponsor" error={error}>
        <select
          id="approval-link-sponsor"
          name="sponsorId"
          defaultValue={keptValue(state, 'sponsorId', defaultSponsorId ?? '')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'approval-link-sponsor-error' : undefined}
          className="mt-1 block min-h-11 rounded border-2 border-gray-800 bg-white px-2"
        >
          <option value="">Choose a sponsor</option>
          {sponsors.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.email})
            </option>
          ))}
        </select>
      </FieldChrome>
      <SubmitButton pendingText="Sending…" variant="secondary">
        Email an approval link
      </SubmitButton>
    </form>
  );
}

/** Creates a preview link and shows it once, to copy and share. */
export function PreviewLinkForm({ issueId }: { issueId: string }) {
  const [state, formAction] = useActionState(createPreviewLinkAction, IDLE);
  return (
    <form action={formAction} className="space-y-3">
      <ErrorSummary state={state} headingLevel={3} />
      <div role="status" aria-live="polite">
        {state.status === 'success' && state.data ? (
          <div className="border-l-8 border-green-700 bg-green-50 p-4">
            <p className="font-bold">Preview link created. Copy it now: it is not shown again.</p>
            <label htmlFor="preview-link-url" className="mt-2 block">
              Preview link (works for 7 days)
            </label>
            <input id="preview-link-url" readOnly value={state.data.url} className="mt-1 block min-h-11 w-full max-w-xl rounded border-2 border-gray-800 bg-white px-2" onFocus={(e) => e.currentTarget.select()} />
          </div>
        ) : null}
      </div>
      <input type="hidden" name="issueId" value={issueId} />
      <SubmitButton pendingText="Creating…" variant="secondary">
        Create a preview link
      </SubmitButton>
    </form>
  );
}

export function RevokeLinkButton({ issueId, id, label }: { issueId: string; id: string; label: string }) {
  const [state, formAction] = useActionState(revokeAccessLinkAction, IDLE);
  return (
    <form action={formAction}>
      <ErrorSummary state={state} headingLevel={3} />
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton pendingText="Revoking…" variant="secondary">
        Revoke<span className="sr-only"> {label}</span>
      </SubmitButton>
    </form>
  );
}
