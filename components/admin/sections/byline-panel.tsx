'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ErrorText, FieldChrome, inputClass } from '@/components/admin/forms/fields';
import { bylineText } from '@/components/issue/byline';
import { createBylinePersonAction } from '@/lib/actions/sections/create-byline-person';
import { setSectionBylinesAction } from '@/lib/actions/sections/set-section-bylines';
import type { ActionState } from '@/lib/actions/state';

export type BylinePerson = { id: string; name: string; jobTitle: string | null; organisation: { name: string } | null };
type Option = { value: string; label: string };

const BUTTON =
  'min-h-11 min-w-11 rounded border-2 border-gray-800 bg-white px-3 font-bold text-gray-900 hover:bg-gray-100 disabled:opacity-50';
const PRIMARY =
  'min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)] disabled:opacity-70';
const MAX_RESULTS = 8;

const describe = (p: BylinePerson) => [p.jobTitle, p.organisation?.name].filter(Boolean).join(', ');
const normalise = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The byline of an article: the people named (in order: move up, move down,
 * remove), a search-then-choose list to add someone, an inline form to create a
 * person who is not in the list yet, and the byline organisation. Every change is
 * saved at once and announced; the editor's live preview follows.
 */
export function BylinePanel({
  sectionId,
  initial,
  people,
  organisations,
  canCreatePerson,
}: {
  sectionId: string;
  initial: { people: BylinePerson[]; organisationId: string | null };
  people: BylinePerson[];
  organisations: Option[];
  canCreatePerson: boolean;
}) {
  const id = useId();
  const [named, setNamed] = useState(initial.people);
  const [organisationId, setOrganisationId] = useState(initial.organisationId ?? '');
  const [savedOrganisationId, setSavedOrganisationId] = useState(initial.organisationId ?? '');
  const [known, setKnown] = useState(people);
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[] | undefined> } | null>(null);
  const [creating, setCreating] = useState(false);
  const focusNext = useRef<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  // After a change re-renders the list, put focus where the user expects it.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const el = target === 'list' ? listHeading.current : document.getElementById(target);
    (el ?? listHeading.current)?.focus();
  });

  const results = useMemo(() => {
    const words = normalise(query).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    const taken = new Set(named.map((p) => p.id));
    return known.filter((p) => !taken.has(p.id) && words.every((w) => normalise(p.name).includes(w)));
  }, [query, known, named]);

  const organisationName = organisations.find((o) => o.value === savedOrganisationId)?.label ?? null;
  const preview = bylineText({
    bylines: named.map((person) => ({ person })),
    bylineOrganisation: organisationName ? { name: organisationName } : null,
  });

  async function save(nextPeople: BylinePerson[], nextOrganisationId: string, announce: string, focus: string | null) {
    setPending(true);
    setError(null);
    let result: ActionState<{ bylines: { person: BylinePerson }[]; bylineOrganisationId: string | null }>;
    try {
      result = await setSectionBylinesAction(undefined as never, {
        sectionId,
        personIds: nextPeople.map((p) => p.id),
        bylineOrganisationId: nextOrganisationId,
      });
    } catch {
      result = { status: 'error', code: 500, message: 'The server could not be reached. Nothing was changed; try again.' };
    }
    setPending(false);
    if (result.status === 'success' && result.data) {
      setNamed(result.data.bylines.map((b) => b.person));
      setSavedOrganisationId(result.data.bylineOrganisationId ?? '');
      setOrganisationId(result.data.bylineOrganisationId ?? '');
      setStatus(announce);
      focusNext.current = focus;
      return true;
    }
    if (result.status === 'error') setError({ message: result.message, fields: result.fieldErrors });
    setStatus('');
    return false;
  }

  function move(index: number, by: -1 | 1) {
    const next = [...named];
    const [person] = next.splice(index, 1);
    next.splice(index + by, 0, person!);
    const newIndex = index + by;
    const direction = by < 0 ? 'up' : 'down';
    // Keep focus on the same button unless it has gone (first or last place).
    const stillThere = by < 0 ? newIndex > 0 : newIndex < next.length - 1;
    const focus = `${id}-${person!.id}-${stillThere ? direction : by < 0 ? 'down' : 'up'}`;
    void save(next, savedOrganisationId, `${person!.name} moved ${direction}, now ${newIndex + 1} of ${next.length}.`, focus);
  }

  function remove(index: number) {
    const person = named[index]!;
    const next = named.filter((_, i) => i !== index);
    const neighbour = next[index] ?? next[index - 1];
    void save(next, savedOrganisationId, `${person.name} removed from the byline.`, neighbour ? `${id}-${neighbour.id}-remove` : 'list');
  }

  async function add(person: BylinePerson) {
    const ok = await save([...named, person], savedOrganisationId, `${person.name} added to the byline.`, `${id}-search`);
    if (ok) setQuery('');
  }

  async function createPerson(form: HTMLFormElement) {
    const data = new FormData(form);
    setPending(true);
    setError(null);
    let result: Awaited<ReturnType<typeof createBylinePersonAction>>;
    try {
      result = await createBylinePersonAction(undefined as never, {
        sectionId,
        name: String(data.get('name') ?? ''),
        jobTitle: String(data.get('jobTitle') ?? ''),
        organisationId: String(data.get('organisationId') ?? ''),
      });
    } catch {
      result = { status: 'error', code: 500, message: 'The server could not be reached. Nothing was changed; try again.' };
    }
    setPending(false);
    if (result.status === 'success' && result.data) {
      const people = result.data.bylines.map((b) => b.person);
      const created = people.find((p) => p.id === result.data!.person.id);
      setNamed(people);
      if (created) setKnown((k) => [...k, created]);
      setStatus(`${result.data.person.name} was added to the people list and to the byline.`);
      setCreating(false);
      focusNext.current = created ? `${id}-${created.id}-remove` : 'list';
      return;
    }
    if (result.status === 'error') setError({ message: result.message, fields: result.fieldErrors });
  }

  const fieldError = (name: string) => error?.fields?.[name]?.[0];

  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10 rounded border border-gray-400 p-4">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        Byline
      </h2>
      <p className="mt-1">
        Readers see: <strong>{preview ? `By ${preview}` : 'no byline'}</strong>
      </p>
      <p role="status" aria-live="polite" className="mt-2 font-bold text-green-800">
        {status}
      </p>
      <div role="alert" className={error ? 'mt-2 border-l-8 border-red-700 bg-red-50 p-3 font-bold text-red-800' : ''}>
        {error ? `Not saved: ${error.message}` : null}
      </div>

      <h3 id={`${id}-named`} ref={listHeading} tabIndex={-1} className="mt-4 text-xl font-bold">
        People named
      </h3>
      {named.length === 0 ? (
        <p className="mt-1">No one is named yet.{organisationName ? ` The byline shows the organisation, ${organisationName}.` : ''}</p>
      ) : (
        <ol aria-labelledby={`${id}-named`} className="mt-2 space-y-2">
          {named.map((p, i) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-gray-300 p-2">
              <span>
                <span className="font-bold">{p.name}</span>
                {describe(p) && <span className="text-[var(--color-muted)]">, {describe(p)}</span>}
              </span>
              <span className="flex flex-wrap gap-2">
                {i > 0 && (
                  <button id={`${id}-${p.id}-up`} type="button" disabled={pending} onClick={() => move(i, -1)} aria-label={`Move up: ${p.name}`} className={BUTTON}>
                    Move up
                  </button>
                )}
                {i < named.length - 1 && (
                  <button id={`${id}-${p.id}-down`} type="button" disabled={pending} onClick={() => move(i, 1)} aria-label={`Move down: ${p.name}`} className={BUTTON}>
                    Move down
                  </button>
                )}
                <button id={`${id}-${p.id}-remove`} type="button" disabled={pending} onClick={() => remove(i)} aria-label={`Remove: ${p.name}`} className={BUTTON}>
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}

      <h3 className="mt-6 text-xl font-bold">Add a person</h3>
      <div className="mt-2">
        <label htmlFor={`${id}-search`} className="block font-bold">
          Search people by name
        </label>
        <p id={`${id}-search-hint`} className="text-[var(--color-muted)]">
          Type part of a name, then choose from the list below.
        </p>
        <ErrorText id={`${id}-search-error`} error={fieldError('personIds')} />
        <input
          id={`${id}-search`}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={[`${id}-search-hint`, `${id}-count`, fieldError('personIds') ? `${id}-search-error` : null].filter(Boolean).join(' ')}
          aria-controls={`${id}-results`}
          className={inputClass}
        />
        <p id={`${id}-count`} role="status" aria-live="polite" className="mt-1 text-[var(--color-muted)]">
          {query.trim()
            ? results.length === 0
              ? 'No one matches. Check the spelling, or add a new person below.'
              : `${results.length} ${results.length === 1 ? 'person matches' : 'people match'}${results.length > MAX_RESULTS ? `; the first ${MAX_RESULTS} are shown` : ''}.`
            : ''}
        </p>
        <ul id={`${id}-results`} aria-label="Matching people" className="mt-2 space-y-2">
          {results.slice(0, MAX_RESULTS).map((p) => (
            <li key={p.id}>
              <button type="button" disabled={pending} onClick={() => void add(p)} className={`${BUTTON} text-left`}>
                Add {p.name}
                {describe(p) && <span className="font-normal">, {describe(p)}</span>}
              </button>
            </li>
          ))}
        </ul>
      </div>

      {canCreatePerson && (
        <div className="mt-6">
          <button
            type="button"
            aria-expanded={creating}
            aria-controls={`${id}-create`}
            onClick={() => setCreating((c) => !c)}
            className={BUTTON}
          >
            {creating ? 'Cancel adding a new person' : 'Not in the list? Add a new person'}
          </button>
          {creating && (
            <form
              id={`${id}-create`}
              noValidate
              aria-labelledby={`${id}-create-heading`}
              onSubmit={(e) => {
                e.preventDefault();
                void createPerson(e.currentTarget);
              }}
              className="mt-3 max-w-xl space-y-4 rounded border border-gray-400 p-3"
            >
              <h4 id={`${id}-create-heading`} className="text-lg font-bold">
                New person
              </h4>
              {(['name', 'jobTitle'] as const).map((name) => (
                <div key={name} className={fieldError(name) ? 'border-l-4 border-red-700 pl-3' : undefined}>
                  <label htmlFor={`${id}-new-${name}`} className="block font-bold">
                    {name === 'name' ? 'Full name' : 'Job title (optional)'}
                  </label>
                  <ErrorText id={`${id}-new-${name}-error`} error={fieldError(name)} />
                  <input
                    id={`${id}-new-${name}`}
                    name={name}
                    // The name already typed into the search is kept, so it need not be typed twice.
                    defaultValue={name === 'name' ? query.trim() : undefined}
                    autoComplete="off"
                    aria-invalid={fieldError(name) ? true : undefined}
                    aria-describedby={fieldError(name) ? `${id}-new-${name}-error` : undefined}
                    className={inputClass}
                  />
                </div>
              ))}
              <FieldChrome id={`${id}-new-organisationId`} label="Organisation (optional)" error={fieldError('organisationId')}>
                <select
                  id={`${id}-new-organisationId`}
                  name="organisationId"
                  defaultValue=""
                  aria-invalid={fieldError('organisationId') ? true : undefined}
                  aria-describedby={fieldError('organisationId') ? `${id}-new-organisationId-error` : undefined}
                  className={inputClass}
                >
                  <option value="">None</option>
                  {organisations.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </FieldChrome>
              <button type="submit" disabled={pending} className={PRIMARY}>
                {pending ? 'Adding…' : 'Create and add to the byline'}
              </button>
            </form>
          )}
        </div>
      )}

      <h3 className="mt-6 text-xl font-bold">Byline organisation</h3>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const name = organisations.find((o) => o.value === organisationId)?.label;
          void save(named, organisationId, name ? `Byline organisation set to ${name}.` : 'Byline organisation removed.', null);
        }}
        className="mt-2 flex flex-wrap items-end gap-3"
      >
        <div className="min-w-64">
          <label htmlFor={`${id}-organisation`} className="block font-bold">
            Organisation
          </label>
          <p id={`${id}-organisation-hint`} className="text-[var(--color-muted)]">
            Shown as the byline when no one is named, for example for a partner’s news item.
          </p>
          <ErrorText id={`${id}-organisation-error`} error={fieldError('bylineOrganisationId')} />
          <select
            id={`${id}-organisation`}
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
            aria-invalid={fieldError('bylineOrganisationId') ? true : undefined}
            aria-describedby={[`${id}-organisation-hint`, fieldError('bylineOrganisationId') ? `${id}-organisation-error` : null].filter(Boolean).join(' ')}
            className={inputClass}
          >
            <option value="">None</option>
            {organisations.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending || organisationId === savedOrganisationId} className={BUTTON}>
          Save organisation
        </button>
      </form>
    </section>
  );
}
