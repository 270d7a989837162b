import { z } from 'zod';
import { addDays, londonDayStart, parseIsoDate } from '@/lib/dates';

// The audit-log viewer's filters, read from the URL (?actor=&action=&entity=&from=&to=&before=&after=).
// Lenient: a bad value never breaks the page. It is dropped from the query and
// reported next to its field instead.

export const AUDIT_PAGE_SIZE = 50;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const text = (v: unknown) => (typeof first(v) === 'string' ? (first(v) as string).trim() : '');

const UUID = z.uuid();
const KEY = /^[A-Za-z][A-Za-z0-9._-]{0,79}$/;
const CURSOR = /^[1-9]\d{0,17}$/; // within Postgres bigint

export type AuditFilters = {
  /** A user id, or 'none' for entries without an actor (system or deleted users). */
  actor: string;
  action: string;
  entity: string;
  from: string;
  to: string;
};

export type AuditQuery = {
  filters: AuditFilters;
  /** What the query uses: only valid filters, dates as instants. */
  where: { actorId?: string | null; action?: string; entityType?: string; fromInclusive?: Date; toExclusive?: Date };
  cursor: { before?: bigint; after?: bigint };
  errors: Partial<Record<keyof AuditFilters, string>>;
};

export function parseAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  const filters: AuditFilters = {
    actor: text(params.actor).slice(0, 100),
    action: text(params.action).slice(0, 100),
    entity: text(params.entity).slice(0, 100),
    from: text(params.from).slice(0, 20),
    to: text(params.to).slice(0, 20),
  };
  const errors: AuditQuery['errors'] = {};
  const where: AuditQuery['where'] = {};

  if (filters.actor === 'none') where.actorId = null;
  else if (filters.actor) {
    if (UUID.safeParse(filters.actor).success) where.actorId = filters.actor;
    else errors.actor = 'Choose a person from the list';
  }
  if (filters.action) {
    if (KEY.test(filters.action)) where.action = filters.action;
    else errors.action = 'Choose an action from the list';
  }
  if (filters.entity) {
    if (KEY.test(filters.entity)) where.entityType = filters.entity;
    else errors.entity = 'Choose a kind of record from the list';
  }
  if (filters.from) {
    const d = parseIsoDate(filters.from);
    if (d) where.fromInclusive = londonDayStart(d);
    else errors.from = 'Enter a real date, like 2026-03-05';
  }
  if (filters.to) {
    // The start of the next London day, so "to 5 March" includes all of 5 March, across clock changes.
    const d = parseIsoDate(filters.to);
    if (d) where.toExclusive = londonDayStart(addDays(d, 1));
    else errors.to = 'Enter a real date, like 2026-03-05';
  }
  if (where.fromInclusive && where.toExclusive && where.toExclusive <= where.fromInclusive) {
    errors.to = 'The “to” date must be the same as or after the “from” date';
    delete where.toExclusive;
  }

  const cursor: AuditQuery['cursor'] = {};
  const before = text(params.before);
  const after = text(params.after);
  if (CURSOR.test(before)) cursor.before = BigInt(before);
  else if (CURSOR.test(after)) cursor.after = BigInt(after);

  return { filters, where, cursor, errors };
}
