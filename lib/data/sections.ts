import 'server-only';
import { requirePermission, type Action } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { audit } from '@/lib/audit';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { validateRichText } from '@/lib/rich-text/validate';

type Tx = Prisma.TransactionClient;
type Kind = 'INTRO' | 'ARTICLE' | 'EVENT_LIST';

/** An expected failure from the data layer; actions turn it into an ActionError. */
export class DataError extends Error {
  constructor(
    readonly code: 400 | 404 | 409,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** Sponsors may edit only the intro; everyone else needs section:update. */
export function editPermission(kind: Kind): Action {
  return kind === 'INTRO' ? 'intro:update' : 'section:update';
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Serialises structural changes (add, move, delete) to one issue's sections. */
export async function lockIssue(tx: Tx, issueId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Issue" WHERE id = ${issueId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new DataError(404, 'That issue no longer exists.');
}

export async function getSectionForEdit(user: SessionUser, sectionId: string) {
  requirePermission(user, 'section:read');
  return db.section.findUnique({
    where: { id: sectionId },
    select: {
      id: true,
      issueId: true,
      kind: true,
      title: true,
      body: true,
      version: true,
      position: true,
      updatedAt: true,
      issue: { select: { id: true, slug: true, title: true, status: true } },
    },
  });
}

export type SaveSectionResult =
  | { ok: true; id: string; version: number; updatedAt: Date; issue: { slug: string; status: string } }
  | { ok: false; conflict: { title: string; body: unknown; version: number; updatedAt: Date; by: string | null } };

/**
 * Saves a section if `version` is still the current one (optimistic concurrency).
 * Success: version + 1, a Revision and an audit row. Stale version: nothing is
 * overwritten, the rejected text is still kept as a Revision, and the current
 * server copy is returned so the editor can show both.
 */
export async function saveSection(
  user: SessionUser,
  input: { id: string; version: number; title: string; body: unknown },
): Promise<SaveSectionResult> {
  const checked = validateRichText(input.body);
  if (!checked.ok) throw new DataError(400, checked.error, { body: [checked.error] });
  const title = input.title.trim();
  if (!title) throw new DataError(400, 'Enter a title', { title: ['Enter a title'] });

  return db.$transaction(async (tx) => {
    const section = await tx.section.findUnique({ where: { id: input.id }, select: { id: true, kind: true } });
    if (!section) throw new DataError(404, 'That section no longer exists.');
    requirePermission(user, editPermission(section.kind));

    const updated = await tx.section.updateMany({
      where: { id: input.id, version: input.version },
      data: { title, body: json(checked.doc), version: { increment: 1 } },
    });

    if (updated.count === 0) {
      // Someone else saved first. Keep this text too, so neither is lost.
      await tx.revision.create({
        data: {
          entityType: 'Section',
          entityId: input.id,
          version: input.version,
          data: json({ title, body: checked.doc, rejected: true, reason: 'conflict' }),
          authorId: user.id,
        },
        select: { id: true },
      });
      await audit(tx, {
        actorId: user.id,
        action: 'section.save-conflict',
        entityType: 'Section',
        entityId: input.id,
        details: { staleVersion: input.version },
      });
      const current = await tx.section.findUniqueOrThrow({
        where: { id: input.id },
        select: { title: true, body: true, version: true, updatedAt: true },
      });
      const last = await tx.revision.findFirst({
        where: { entityType: 'Section', entityId: input.id, version: current.version },
        orderBy: { createdAt: 'desc' },
        select: { author: { select: { name: true } } },
      });
      return { ok: false as const, conflict: { ...current, by: last?.author?.name ?? null } };
    }

    const saved = await tx.section.findUniqueOrThrow({
      where: { id: input.id },
      select: { id: true, version: true, updatedAt: true, issue: { select: { slug: true, status: true } } },
    });
    await tx.revision.create({
      data: {
        entityType: 'Section',
        entityId: input.id,
        version: saved.version,
        data: json({ title, body: checked.doc }),
        authorId: user.id,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId: user.id,
      action: 'section.update',
      entityType: 'Section',
      entityId: input.id,
      details: { version: saved.version },
    });
    return { ok: true as const, ...saved };
  });
}

/** Adds a section at the end of an issue. */
export async function addSection(user: SessionUser, input: { issueId: string; kind: Kind; title: string }) {
  requirePermission(user, 'section:create');
  return db.$transaction(async (tx) => {
    await lockIssue(tx, input.issueId);
    const last = await tx.section.aggregate({ where: { issueId: input.issueId }, _max: { position: true } });
    const section = await tx.section.create({
      data: {
        issueId: input.issueId,
        kind: input.kind,
        title: input.title.trim(),
        body: json({ type: 'doc', content: [] }),
        position: (last._max.position ?? -1) + 1,
      },
      select: { id: true, position: true, issue: { select: { slug: true, status: true } } },
    });
    await audit(tx, {
      actorId: user.id,
      action: 'section.create',
      entityType: 'Section',
      entityId: section.id,
      details: { issueId: input.issueId, kind: input.kind, title: input.title },
    });
    return section;
  });
}

/**
 * Swaps a section with its neighbour. The unique (issueId, position) constraint
 * and the position >= 0 check rule out a direct swap or negative placeholders,
 * so the section parks at max + 1 first. The issue row is locked so two moves
 * cannot interleave.
 */
export async function moveSection(user: SessionUser, input: { sectionId: string; direction: 'up' | 'down' }) {
  requirePermission(user, 'section:reorder');
  return db.$transaction(async (tx) => {
    const section = await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true, issueId: true } });
    if (!section) throw new DataError(404, 'That section no longer exists.');
    await lockIssue(tx, section.issueId);
    const me = await tx.section.findUniqueOrThrow({ where: { id: section.id }, select: { id: true, position: true, title: true } });
    const neighbour = await tx.section.findFirst({
      where: {
        issueId: section.issueId,
        position: input.direction === 'up' ? { lt: me.position } : { gt: me.position },
      },
      orderBy: { position: input.direction === 'up' ? 'desc' : 'asc' },
      select: { id: true, position: true },
    });
    const issue = await tx.issue.findUniqueOrThrow({ where: { id: section.issueId }, select: { slug: true, status: true } });
    if (!neighbour) return { moved: false, issue, title: me.title };
    const max = await tx.section.aggregate({ where: { issueId: section.issueId }, _max: { position: true } });
    const parking = (max._max.position ?? 0) + 1;
    await tx.section.update({ where: { id: me.id }, data: { position: parking }, select: { id: true } });
    await tx.section.update({ where: { id: neighbour.id }, data: { position: me.position }, select: { id: true } });
    await tx.section.update({ where: { id: me.id }, data: { position: neighbour.position }, select: { id: true } });
    await audit(tx, {
      actorId: user.id,
      action: 'section.reorder',
      entityType: 'Section',
      entityId: me.id,
      details: { issueId: section.issueId, from: me.position, to: neighbour.position },
    });
    return { moved: true, issue, title: me.title };
  });
}

/** Deletes a section; its last content is kept as a Revision (revisions outlive what they describe). */
export async function deleteSection(user: SessionUser, sectionId: string) {
  requirePermission(user, 'section:delete');
  return db.$transaction(async (tx) => {
    const section = await tx.section.findUnique({
      where: { id: sectionId },
      select: { id: true, issueId: true, title: true, body: true, version: true, kind: true, issue: { select: { slug: true, status: true } } },
    });
    if (!section) throw new DataError(404, 'That section no longer exists.');
    await lockIssue(tx, section.issueId);
    await tx.revision.create({
      data: {
        entityType: 'Section',
        entityId: section.id,
        version: section.version,
        data: json({ title: section.title, body: section.body, deleted: true }),
        authorId: user.id,
      },
      select: { id: true },
    });
    await tx.section.delete({ where: { id: section.id }, select: { id: true } });
    await audit(tx, {
      actorId: user.id,
      action: 'section.delete',
      entityType: 'Section',
      entityId: section.id,
      details: { issueId: section.issueId, title: section.title, kind: section.kind },
    });
    return { issueId: section.issueId, issue: section.issue, title: section.title };
  });
}
