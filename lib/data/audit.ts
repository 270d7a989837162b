import 'server-only';
import { can, requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AUDIT_PAGE_SIZE, type AuditQuery } from '@/lib/validation/audit';

// The audit-log viewer. Keyset paging on the id (rows are append-only, so ids grow
// with time): `before` shows older entries, `after` newer ones; no OFFSET scans.

const ENTRY_SELECT = {
  id: true,
  createdAt: true,
  action: true,
  entityType: true,
  entityId: true,
  details: true,
  actor: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.AuditLogSelect;

type EntryRow = Prisma.AuditLogGetPayload<{ select: typeof ENTRY_SELECT }>;

// Details are written by many modules (user.create, deactivate, password reset, …
// record the address) and any of them may add one later, so addresses are removed
// from everything here, keys and values at any depth, not from known fields only.
// Broad on purpose (any non-delimiter run around an @): hiding too much is harmless here.
const EMAIL_LIKE = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]*[^\s@<>()[\]"',;:.]/g;
export const EMAIL_HIDDEN = '(email address hidden)';
const MAX_DETAIL_DEPTH = 32;

const hideEmails = (s: string) => s.replace(EMAIL_LIKE, EMAIL_HIDDEN);

function redactJson(value: Prisma.JsonValue, depth = 0): Prisma.JsonValue {
  if (typeof value === 'string') return hideEmails(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DETAIL_DEPTH) return '…';
  if (Array.isArray(value)) return value.map((v) => redactJson(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [hideEmails(k), redactJson(v ?? null, depth + 1)]));
}

/** What a viewer without user:read may see of an entry: no email address anywhere in it. */
function redactEntry(entry: AuditEntry): AuditEntry {
  return {
    ...entry,
    entityId: entry.entityId === null ? null : hideEmails(entry.entityId),
    details: redactJson(entry.details),
    actor: entry.actor ? { id: entry.actor.id, name: hideEmails(entry.actor.name), email: null } : null,
  };
}
/** Email addresses only for those who may read users; others see names. */
export type AuditEntry = Omit<EntryRow, 'id' | 'actor'> & { id: string; actor: { id: string; name: string; email: string | null } | null };

function whereOf(filter: AuditQuery['where']): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  if (filter.actorId !== undefined) where.actorId = filter.actorId;
  if (filter.action) where.action = filter.action;
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.fromInclusive || filter.toExclusive) {
    where.createdAt = {
      ...(filter.fromInclusive ? { gte: filter.fromInclusive } : {}),
      ...(filter.toExclusive ? { lt: filter.toExclusive } : {}),
    };
  }
  return where;
}

/**
 * One page of the audit log, newest first, with cursors for the neighbouring
 * pages (null when there is nothing there). BigInt ids come back as strings.
 */
export async function listAuditLog(
  user: SessionUser,
  query: { where: AuditQuery['where']; cursor: AuditQuery['cursor'] },
  pageSize = AUDIT_PAGE_SIZE,
) {
  requirePermission(user, 'audit:read');
  const where = whereOf(query.where);
  const { before, after } = query.cursor;

  let rows;
  let olderExists: boolean;
  let newerExists: boolean;
  if (after !== undefined) {
    const asc = await db.auditLog.findMany({
      where: { AND: [where, { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: pageSize + 1,
      select: ENTRY_SELECT,
    });
    newerExists = asc.length > pageSize;
    rows = asc.slice(0, pageSize).reverse();
    const oldest = rows.at(-1)?.id;
    olderExists = !!(await db.auditLog.findFirst({
      where: { AND: [where, { id: oldest !== undefined ? { lt: oldest } : { lte: after } }] },
      select: { id: true },
    }));
  } else {
    const desc = await db.auditLog.findMany({
      where: before !== undefined ? { AND: [where, { id: { lt: before } }] } : where,
      orderBy: { id: 'desc' },
      take: pageSize + 1,
      select: ENTRY_SELECT,
    });
    olderExists = desc.length > pageSize;
    rows = desc.slice(0, pageSize);
    const newest = rows[0]?.id;
    newerExists =
      before !== undefined &&
      !!(await db.auditLog.findFirst({
        where: { AND: [where, { id: newest !== undefined ? { gt: newest } : { gte: before } }] },
        select: { id: true },
      }));
  }

  const showEmail = can(user, 'user:read');
  const entries: AuditEntry[] = rows.map((r) => {
    const entry: AuditEntry = { ...r, id: r.id.toString() };
    return showEmail ? entry : redactEntry(entry);
  });
  return {
    entries,
    older: olderExists && entries.length ? entries.at(-1)!.id : null,
    newer: newerExists && entries.length ? entries[0]!.id : null,
    /** An empty page reached through a stale cursor: offer the way back to the newest entries. */
    emptyAfterCursor: entries.length === 0 && (before !== undefined || after !== undefined),
  };
}

/** The choices of the filter form: the people, actions and kinds of record that occur in the log. */
export async function auditFilterOptions(user: SessionUser) {
  requirePermission(user, 'audit:read');
  const [actors, actions, entityTypes] = await Promise.all([
    db.user.findMany({
      where: { auditLogs: { some: {} } },
      orderBy: [{ name: 'asc' }, { email: 'asc' }],
      select: { id: true, name: true, email: true },
    }),
    db.auditLog.findMany({ distinct: ['action'], orderBy: { action: 'asc' }, select: { action: true } }),
    db.auditLog.findMany({ distinct: ['entityType'], orderBy: { entityType: 'asc' }, select: { entityType: true } }),
  ]);
  const showEmail = can(user, 'user:read');
  return {
    actors: actors.map((a) => (showEmail ? a : { id: a.id, name: hideEmails(a.name), email: null })),
    actions: actions.map((a) => a.action),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
}
