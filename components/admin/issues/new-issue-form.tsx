'use client';

import { useActionState, useState } from 'react';
import { idle } from './idle';
import { createIssueAction } from '@/lib/actions/issues/create-issue';
import { MONTH_NAMES, suggestSlug, suggestTitle } from '@/lib/issues/template';
import { ErrorSummary } from '@/components/admin/forms/error-summary';
import { fieldError } from '@/lib/actions/state';
import { FIELD, PRIMARY, SELECT } from './styles';

type Source = { id: string; title: string };

/**
 * Month and year pickers; the title and slug follow the month until the user
 * edits them. Starts from the template, or copies a chosen issue.
 */
export function NewIssueForm({ defaultYear, defaultMonth, years, sources }: { defaultYear: number; defaultMonth: number; years: number[]; sources: Source[] }) {
  const [state, formAction, pending] = useActionState(createIssueAction, idle<never>());
  const values = state.status === 'error' ? state.values ?? {} : {};
  const [year, setYear] = useState(Number(values.year ?? defaultYear));
  const [month, setMonth] = useState(Number(values.month ?? defaultMonth));
  const [title, setTitle] = useState(String(values.title ?? suggestTitle(defaultYear, defaultMonth)));
  const [slug, setSlug] = useState(String(values.slug ?? suggestSlug(defaultYear, defaultMonth)));
  const [sourceIssueId, setSourceIssueId] = useState(String(values.sourceIssueId ?? ''));
  const [titleEdited, setTitleEdited] = useState(false);
  const [slugEdited, setSlugEdited] = useState(false);

  function pick(nextYear: number, nextMonth: number) {
    setYear(nextYear);
    setMonth(nextMonth);
    if (!titleEdited) setTitle(suggestTitle(nextYear, nextMonth));
    if (!slugEdited) setSlug(suggestSlug(nextYear, nextMonth));
  }

  const errors = { title: fieldError(state, 'title'), slug: fieldError(state, 'slug'), month: fieldError(state, 'month'), year: fieldError(state, 'year'), sourceIssueId: fieldError(state, 'sourceIssueId') };

  return (
    <form action={formAction} noValidate className="mt-6 space-y-6">
      <ErrorSummary state={state} labels={{ title: 'Title', slug: 'Slug', month: 'Month', year: 'Year', sourceIssueId: 'Start from' }} />
      <fieldset>
        <legend className="text-lg font-bold">Which month is the issue for?</legend>
        {(errors.month || errors.year) && <p className="font-bold text-red-700">{errors.month ?? errors.year}</p>}
        <div className="mt-2 flex flex-wrap gap-4">
          <div>
            <label htmlFor="month" className="font-bold">Month</label>
            <select id="month" name="month" value={month} onChange={(e) => pick(year, Number(e.target.value))} className={SELECT}>
              {MONTH_NAMES.map((name, i) => (
                <option key={name} value={i + 1}>{name}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="year" className="font-bold">Year</label>
            <select id="year" name="year" value={year} onChange={(e) => pick(Number(e.target.value), month)} className={SELECT}>
              {years.map((y) => (
                <option key={y} value={y}>{y}</option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      <div>
        <label htmlFor="title" className="font-bold">Title</label>
        {errors.title && <p id="title-error" className="font-bold text-red-700">{errors.title}</p>}
        <input
          id="title" name="title" value={title} aria-invalid={!!errors.title} aria-describedby={errors.title ? 'title-error' : undefined}
          onChange={(e) => { setTitle(e.target.value); setTitleEdited(true); }} className={FIELD}
        />
      </div>
      <div>
        <label htmlFor="slug" className="font-bold">Slug</label>
        <p id="slug-hint" className="text-[var(--color-muted)]">The last part of the issue’s web address: /issues/{slug || '…'}</p>
        {errors.slug && <p id="slug-error" className="font-bold text-red-700">{errors.slug}</p>}
        <input
          id="slug" name="slug" value={slug} spellCheck={false} aria-invalid={!!errors.slug}
          aria-describedby={errors.slug ? 'slug-hint slug-error' : 'slug-hint'}
          onChange={(e) => { setSlug(e.target.value); setSlugEdited(true); }} className={FIELD}
        />
      </div>
      <div>
        <label htmlFor="sourceIssueId" className="font-bold">Start from</label>
        <p id="source-hint" className="text-[var(--color-muted)]">
          The standard template (an intro and three event lists), or a copy of an earlier issue with its sections, bylines and events.
        </p>
        {errors.sourceIssueId && <p className="font-bold text-red-700">{errors.sourceIssueId}</p>}
        <select id="sourceIssueId" name="sourceIssueId" value={sourceIssueId} onChange={(e) => setSourceIssueId(e.target.value)} aria-describedby="source-hint" className={SELECT}>
          <option value="">The standard template</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>Copy of {s.title}</option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className={PRIMARY}>
        {pending ? 'Creating…' : 'Create draft issue'}
      </button>
    </form>
  );
}
