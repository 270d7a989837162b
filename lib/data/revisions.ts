import 'server-only';
import { requirePermission, sectionEditPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { audit } from '@/lib/audit';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { validateRichText } from '@/lib/rich-text/validate';
import { missingImages } from './media-references';
import { AppError } from '@/lib/errors';

export type RevisionData = { title?: unknown; body?: unknown; rejected?: boolean; restoredFrom?: string; deleted?: boolean };

type Tx = Pick<Prisma.TransactionClient, 'revision' | 'auditLog'>;

/**
 * The one way to record a version of a section or an event: its Revision row and the
 * audit row of the change that made it, in the caller's transaction, by the same user.
 * A rejected save (`rejected: true`) and a deletion are recorded too, so no text is lost.
 * `data` is stored as JSON: dates become ISO strings and undefined fields are left out.
 */
export async function recordRevision(
  tx: Tx,
  revision: { entityType: 'Section' | 'Event'; entityId: string; version: number; authorId: string; data: Record<string, unknown> },
  change: { action: string; details: Prisma.InputJsonValue },
) {
  const { entityType, entityId, authorId } = revision;
  await tx.revision.create({
    data: { entityType, entityId, version: revision.version, authorId, data: JSON.parse(JSON.stringify(revision.data)) as Prisma.InputJsonValue },
    select: { id: true },
  });
  await audit(tx, { actorId: authorId, action: change.action, entityType, entityId, details: change.details });
}

/** A section's revisions, newest first. */
export async function listSectionRevisions(user: SessionUser, sectionId: string) {
  requirePermission(user, 'revision:read');
  const rows = await db.revision.findMany({
    where: { entityType: 'Section', entityId: sectionId },
    orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
    take: 200,
    select: { id: true, version: true, data: true, createdAt: true, author: { select: { name: true } } },
  });
  return rows.map((r) => ({ ...r, data: (r.data ?? {}) as RevisionData }));
}

/**
 * Restores a revision's title and text: the section takes a new version and the
 * restore is itself recorded as a new Revision and audited.
 */
export async function restoreRevision(user: SessionUser, revisionId: string) {
  requirePermission(user, 'revision:restore');
  return db.$transaction(async (tx) => {
    const revision = await tx.revision.findUnique({
      where: { id: revisionId },
      select: { id: true, entityType: true, entityId: true, version: true, data: true },
    });
    if (!revision || revision.entityType !== 'Section') throw new AppError('not_found', 'That revision no longer exists.');
    const section = await tx.section.findUnique({
      where: { id: revision.entityId },
      select: { id: true, kind: true, issue: { select: { id: true, slug: true, status: true } } },
    });
    if (!section) throw new AppError('not_found', 'The section this revision belongs to has been deleted.');
    requirePermission(user, sectionEditPermission(section.kind));
    const data = (revision.data ?? {}) as RevisionData;
    const title = typeof data.title === 'string' && data.title.trim() ? data.title : null;
    const checked = validateRichText(data.body);
    if (!title || !checked.ok) throw new AppError('invalid', checked.ok ? 'That revision has no title.' : checked.error);
    if ((await missingImages(tx, [checked.doc])).length) {
      throw new AppError('invalid', 'That revision shows an image that has since been deleted from the media library, so it cannot be restored.');
    }

    const updated = await tx.section.update({
      where: { id: section.id },
      data: { title, body: checked.doc as Prisma.InputJsonValue, version: { increment: 1 } },
      select: { id: true, version: true },
    });
    await recordRevision(
      tx,
      { entityType: 'Section', entityId: section.id, version: updated.version, authorId: user.id, data: { title, body: checked.doc, restoredFrom: revision.id } },
      { action: 'section.restore', details: { revisionId: revision.id, fromVersion: revision.version, version: updated.version } },
    );
    return { sectionId: section.id, version: updated.version, issue: section.issue };
  });
}
