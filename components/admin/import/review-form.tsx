'use client';

import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { SelectField, TextField } from '@/components/admin/forms/fields';
import { PRIMARY, SECONDARY } from '@/components/admin/issues/styles';
import type { ImportReview } from '@/lib/actions/imports/review-types';
import { fieldError, keptValue, type ActionState } from '@/lib/actions/state';
import { MONTH_NAMES } from '@/lib/issues/template';
import type { DraftBlock, DraftSection } from '@/lib/import/types';
import { countFlags, Flags } from './flags';
import { ReviewEvent } from './review-event';
import { FromLines, SourceView } from './source-view';

const KINDS = [
  { value: 'INTRO', label: 'Intro (the sponsor’s letter)' },
  { value: 'ARTICLE', label: 'Article' },
  { value: 'EVENT_LIST', label: 'Event list' },
];
const KIND_LABEL: Record<string, string> = { INTRO: 'Intro', ARTICLE: 'Article', EVENT_LIST: 'Event list' };

function Block({ block }: { block: DraftBlock }) {
  if (block.type === 'heading') return <p className="mt-2 font-bold">{block.text}</p>;
  if (block.type === 'bullet') return <p className="mt-1 pl-4">• {block.text}</p>;
  if (block.type === 'quote') return <blockquote className="mt-2 border-l-4 border-gray-400 pl-3">{block.text}</blockquote>;
  return <p className="mt-2">{block.lead ? <strong>{block.lead} </strong> : null}{block.text}</p>;
}

function ReviewSection({ section, index, state }: { section: DraftSection; index: number; state: ActionState<unknown> }) {
  const name = `section.${index}`;
  return (
    <section aria-labelledby={`import-section-${index}-heading`} className="mt-6 rounded border-2 border-gray-800 p-4">
      <h3 id={`import-section-${index}-heading`} className="text-xl font-bold">
        Section {index + 1}: {section.title} <span className="font-normal">({KIND_LABEL[section.kind]})</span>
      </h3>
      <FromLines lines={section.lines} />
      <Flags flags={section.flags} label={`section ${index + 1}`} />
      <div className="mt-3 space-y-4">
        <TextField idPrefix="import" name={`${name}.title`} label="Heading" defaultValue={keptValue(state, `${name}.title`, section.title)} error={fieldError(state, `${name}.title`)} />
        <SelectField idPrefix="import" name={`${name}.kind`} label="Kind of section" options={KINDS} defaultValue={keptValue(state, `${name}.kind`, section.kind)} error={fieldError(state, `${name}.kind`)} />
      </div>
      {section.blocks.length > 0 && (
        <details className="mt-4">
          <summary className="cursor-pointer font-bold">Text of the section ({section.blocks.length} {section.blocks.length === 1 ? 'part' : 'parts'})</summary>
          <div className="mt-2">{section.blocks.map((b, i) => <Block key={i} block={b} />)}</div>
        </details>
      )}
      {(section.signOff || section.signatory || section.bylines.length > 0) && (
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          {section.signOff && (<><dt className="font-bold">Sign-off</dt><dd>{section.signOff}</dd></>)}
          {section.signatory && (<><dt className="font-bold">Signed by</dt><dd>{section.signatory}</dd></>)}
          {section.bylines.length > 0 && (<><dt className="font-bold">Written by</dt><dd>{section.bylines.join(', ')}</dd></>)}
        </dl>
      )}
      {section.events.map((e, j) => (
        <ReviewEvent key={j} event={e} name={`event.${index}.${j}`} number={`${index + 1}.${j + 1}`} state={state} />
      ))}
    </section>
  );
}

/** Remounts the form after each refusal, so every field shows what was sent. */
function formKey(state: ActionState<unknown>): string {
  if (state.status !== 'error') return state.status;
  const { source: _source, ...rest } = state.values ?? {};
  return JSON.stringify([state.message, rest]);
}

/**
 * Step 2: the source beside what each part became, every guess flagged, the guesses
 * editable; "Create draft issue" posts the source again with the changes.
 */
export function ReviewForm({ review, state, action, pending }: { review: ImportReview; state: ActionState<unknown>; action: (form: FormData) => void; pending: boolean }) {
  const { draft } = review;
  const events = draft.sections.reduce((n, s) => n + s.events.length, 0);
  const flags = countFlags(draft);
  const month = draft.month ? Number(draft.month.slice(5, 7)) : null;
  const year = draft.month ? draft.month.slice(0, 4) : '';
  const err = (n: string) => fieldError(state, n);
  return (
    <>
      <h2 id="import-review-heading" className="mt-6 text-2xl font-bold">Check the import</h2>
      <p className="mt-1">
        The importer found {draft.sections.length} {draft.sections.length === 1 ? 'section' : 'sections'} and {events} {events === 1 ? 'event' : 'events'}
        {flags > 0 ? `, with ${flags} ${flags === 1 ? 'guess' : 'guesses'} to check (marked “Check”).` : ', with nothing flagged to check.'} Change what is
        wrong, then create the draft. Everything else can be edited in the draft issue afterwards; nothing is published.
      </p>
      {/* A plain GET form: a full page load, so the import starts again from an empty form. */}
      <form method="get" action="/admin/issues/import" className="mt-2">
        <button type="submit" className={SECONDARY}>Start again with another bulletin</button>
      </form>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <SourceView source={review.source} name={review.sourceName} />
        <form key={formKey(state)} action={action} noValidate aria-labelledby="import-review-heading" className="min-w-0">
          <ErrorSummary state={state} idPrefix="import" />
          <input type="hidden" name="source" value={review.source} />
          <input type="hidden" name="sourceName" value={review.sourceName} />
          <h3 className="text-xl font-bold">The issue</h3>
          <Flags flags={draft.flags} label="the issue" />
          <div className="mt-3 space-y-4">
            <TextField idPrefix="import" name="title" label="Issue title" defaultValue={keptValue(state, 'title', draft.title)} error={err('title')} />
            <fieldset>
              <legend className="font-bold">Month of the issue</legend>
              <div className="flex flex-wrap gap-4">
                <SelectField
                  idPrefix="import" name="month" label="Month" emptyLabel="Choose a month" error={err('month')}
                  defaultValue={keptValue(state, 'month', month ? String(month) : '')}
                  options={MONTH_NAMES.map((m, i) => ({ value: String(i + 1), label: m }))}
                />
                <TextField idPrefix="import" name="year" label="Year" inputMode="numeric" maxLength={4} defaultValue={keptValue(state, 'year', year)} error={err('year')} />
              </div>
            </fieldset>
            <TextField
              idPrefix="import" name="slug" label="Slug (optional)" spellCheck={false} error={err('slug')} defaultValue={keptValue(state, 'slug')}
              hint="The last part of the issue’s web address. Leave it empty to make it from the title."
            />
          </div>
          {draft.meta.length > 0 && (
            <p className="mt-3 text-[var(--color-muted)]">Blog furniture kept aside (not in the issue): {draft.meta.map((m) => m.text).join(' · ')}</p>
          )}
          {draft.sections.map((s, i) => <ReviewSection key={i} section={s} index={i} state={state} />)}
          <button type="submit" disabled={pending} className={`${PRIMARY} mt-6`}>
            {pending ? 'Creating…' : 'Create draft issue'}
          </button>
        </form>
      </div>
    </>
  );
}
