import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { Breadcrumbs } from '@/components/admin/forms/breadcrumbs';
import { ErrorText } from '@/components/admin/forms/fields';
import { can, type Action } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { auditActionLabel, auditEntityLabel } from '@/lib/audit-labels';
import { formatDateTime } from '@/lib/dates';
import { auditFilterOptions, listAuditLog, type AuditEntry } from '@/lib/data/audit';
import { parseAuditQuery, type AuditFilters } from '@/lib/validation/audit';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FIELD = 'mt-1 block min-h-11 w-full rounded border-2 border-gray-800 bg-white px-2 aria-[invalid=true]:border-red-700';
const LINK = 'text-[var(--color-brand)] underline';


/** Where a record can be opened in the admin, if anywhere (and if this user may). */
const RECORD_PAGES: Record<string, { path: string; permission: Action }> = {
  Issue: { path: '/admin/issues/', permission: 'issue:read' },
  Person: { path: '/admin/people/', permission: 'person:read' },
  Organisation: { path: '/admin/organisations/', permission: 'organisation:read' },
  User: { path: '/admin/users/', permission: 'user:read' },
};

function detailsText(details: unknown): string | null {
  if (details === null || details === undefined) return null;
  if (typeof details === 'object' && Object.keys(details).length === 0) return null;
  return JSON.stringify(details, null, 2);
}

function pageHref(filters: AuditFilters, cursor: Record<string, string>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  for (const [k, v] of Object.entries(cursor)) params.set(k, v);
  const s = params.toString();
  return s ? `/admin/audit?${s}` : '/admin/audit';
}

/**
 * The audit log: every create, update, delete, role change and sign-in, newest
 * first, filtered by who, what, which kind of record and when. Readable by
 * whoever holds `audit:read` (administrators and editors).
 */
export default async function AuditLogPage({ searchParams }: Props) {
  const user = await requireUser('/admin/audit');
  if (!can(user, 'audit:read')) return <AccessDenied what="the audit log" />;
  const query = parseAuditQuery(await searchParams);
  const [{ entries, older, newer, emptyAfterCursor }, options] = await Promise.all([
    listAuditLog(user, query),
    auditFilterOptions(user),
  ]);
  const { filters, errors } = query;
  const filtered = Object.values(filters).some(Boolean);
  const actorName = (id: string) => {
    if (id === 'none') return 'no one (the system)';
    const a = options.actors.find((u) => u.id === id);
    return a ? a.name : 'an unknown user';
  };
  const describe = [
    filters.actor && !errors.actor ? `by ${actorName(filters.actor)}` : null,
    filters.action && !errors.action ? `“${auditActionLabel(filters.action)}”` : null,
    filters.entity && !errors.entity ? `on ${auditEntityLabel(filters.entity).toLowerCase()} records` : null,
    filters.from && !errors.from ? `from ${filters.from}` : null,
    filters.to && !errors.to ? `to ${filters.to}` : null,
  ].filter(Boolean);
  const errorCount = Object.keys(errors).length;

  const select = (
    name: keyof AuditFilters,
    label: string,
    all: string,
    choices: { value: string; label: string }[],
  ) => {
    const id = `audit-${name}`;
    // Keep a value from the URL selectable even when no entry has it (yet).
    const list = filters[name] && !errors[name] && !choices.some((c) => c.value === filters[name])
      ? [...choices, { value: filters[name], label: filters[name] }]
      : choices;
    return (
      <div>
        <label htmlFor={id} className="block font-bold">
          {label}
        </label>
        <ErrorText id={`${id}-error`} error={errors[name]} />
        <select
          id={id}
          name={name}
          defaultValue={errors[name] ? '' : filters[name]}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `${id}-error` : undefined}
          className={FIELD}
        >
          <option value="">{all}</option>
          {list.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
    );
  };

  const date = (name: 'from' | 'to', label: string) => {
    const id = `audit-${name}`;
    return (
      <div>
        <label htmlFor={id} className="block font-bold">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-[var(--color-muted)]">
          UK time
        </p>
        <ErrorText id={`${id}-error`} error={errors[name]} />
        <input
          id={id}
          name={name}
          type="date"
          defaultValue={filters[name]}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={[`${id}-hint`, errors[name] ? `${id}-error` : null].filter(Boolean).join(' ')}
          className={FIELD}
        />
      </div>
    );
  };

  return (
    <>
      <Breadcrumbs items={[{ href: '/admin', label: 'Dashboard' }, { label: 'Audit log' }]} />
      <h1 className="text-3xl font-bold">Audit log</h1>
      <p className="mt-2 max-w-3xl">
        Every change to issues, sections, people, organisations, media and users, and every sign-in and sign-out: who
        did it, when, and to which record. Entries cannot be changed or deleted.
      </p>

      {errorCount > 0 && (
        <div role="alert" className="mt-6 border-l-8 border-red-700 bg-red-50 p-4">
          <h2 className="text-lg font-bold">There is a problem with the filters</h2>
          <ul className="mt-1 list-disc pl-6">
            {Object.entries(errors).map(([name, message]) => (
              <li key={name}>
                <a href={`#audit-${name}`} className="text-red-800 underline">
                  {message}
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-2">Those filters were left out of the results below.</p>
        </div>
      )}

      <form method="get" action="/admin/audit" role="search" aria-labelledby="filter-heading" className="mt-8 rounded border border-gray-400 p-4">
        <h2 id="filter-heading" className="text-xl font-bold">
          Filter entries
        </h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {select('actor', 'Who', 'Anyone', [
            { value: 'none', label: 'No one (the system)' },
            ...options.actors.map((a) => ({ value: a.id, label: a.email ? `${a.name} (${a.email})` : a.name })),
          ])}
          {select('action', 'Action', 'Any action', options.actions.map((a) => ({ value: a, label: auditActionLabel(a) })))}
          {select('entity', 'Kind of record', 'Any kind', options.entityTypes.map((e) => ({ value: e, label: auditEntityLabel(e) })))}
          {date('from', 'From (date)')}
          {date('to', 'To (date)')}
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)]">
            Apply filters
          </button>
          {filtered && (
            <Link href="/admin/audit" className={`inline-flex min-h-11 items-center ${LINK}`}>
              Clear filters
            </Link>
          )}
        </div>
      </form>

      {entries.length === 0 ? (
        <div className="mt-8">
          <h2 className="text-2xl font-bold">No entries</h2>
          <p className="mt-2">
            {emptyAfterCursor
              ? 'There are no more entries in this direction.'
              : filtered
                ? 'No entries match these filters. Try a wider date range or fewer filters.'
                : 'Nothing has been recorded yet.'}
          </p>
          {emptyAfterCursor && (
            <p className="mt-2">
              <Link href={pageHref(filters, {})} className={LINK}>
                Show the newest entries
              </Link>
            </p>
          )}
        </div>
      ) : (
        <div className="mt-8 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left text-2xl font-bold">
              Entries, newest first{describe.length ? ` (${describe.join(', ')})` : ''}
            </caption>
            <thead>
              <tr className="border-b-2 border-gray-800">
                <th scope="col" className="py-2 pr-4">When</th>
                <th scope="col" className="py-2 pr-4">Who</th>
                <th scope="col" className="py-2 pr-4">Action</th>
                <th scope="col" className="py-2 pr-4">Record</th>
                <th scope="col" className="py-2 pr-4">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <EntryRow key={e.id} entry={e} canOpen={(p) => can(user, p)} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {(older || newer) && (
        <nav aria-label="Audit log pages" className="mt-6 flex flex-wrap items-center gap-6">
          {newer && (
            <Link href={pageHref(filters, { after: newer })} rel="prev" className={`inline-flex min-h-11 items-center ${LINK}`}>
              Newer entries
            </Link>
          )}
          {newer && (
            <Link href={pageHref(filters, {})} className={`inline-flex min-h-11 items-center ${LINK}`}>
              Newest entries
            </Link>
          )}
          {older && (
            <Link href={pageHref(filters, { before: older })} rel="next" className={`inline-flex min-h-11 items-center ${LINK}`}>
              Older entries
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

function EntryRow({ entry, canOpen }: { entry: AuditEntry; canOpen: (permission: Action) => boolean }) {
  const details = detailsText(entry.details);
  const page = RECORD_PAGES[entry.entityType];
  const openable = page && entry.entityId && canOpen(page.permission);
  return (
    <tr className="border-b border-gray-300 align-top">
      <td className="py-2 pr-4 whitespace-nowrap">
        <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
      </td>
      <td className="py-2 pr-4">
        {entry.actor ? (
          <>
            {entry.actor.name}
            {entry.actor.email && (
              <>
                <br />
                <span className="text-sm text-[var(--color-muted)]">{entry.actor.email}</span>
              </>
            )}
          </>
        ) : (
          <span className="text-[var(--color-muted)]">No one (the system)</span>
        )}
      </td>
      <td className="py-2 pr-4">
        {auditActionLabel(entry.action)}
      </td>
      <td className="py-2 pr-4">
        {auditEntityLabel(entry.entityType)}
        {entry.entityId && (
          <>
            <br />
            {openable ? (
              <Link href={`${page.path}${entry.entityId}`} className={`text-sm ${LINK}`}>
                Open<span className="sr-only"> {auditEntityLabel(entry.entityType).toLowerCase()}</span> <code>{entry.entityId.slice(0, 8)}</code>
              </Link>
            ) : (
              <code className="text-sm break-all">{entry.entityId}</code>
            )}
          </>
        )}
      </td>
      <td className="py-2 pr-4">
        {details ? (
          <details>
            <summary className="cursor-pointer text-[var(--color-brand)] underline">
              Show details<span className="sr-only"> of entry {entry.id}</span>
            </summary>
            <pre className="mt-2 max-w-md text-sm break-all whitespace-pre-wrap">{details}</pre>
          </details>
        ) : (
          <span className="text-[var(--color-muted)]">None</span>
        )}
      </td>
    </tr>
  );
}
