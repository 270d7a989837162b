import 'server-only';
import { requirePermission, sectionEditPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { audit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { MISSING_IMAGE_MESSAGE, missingImages } from '@/lib/data/media-references';
import { openSlot } from '@/lib/data/section-positions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { validateRichText } from '@/lib/rich-text/validate';
import { recordRevision } from './revisions';
import { MAX_BYLINES } from '@/lib/validation/sections';

type Tx = Prisma.TransactionClient;
type Kind = 'INTRO' | 'ARTICLE' | 'EVENT_LIST';

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Serialises structural changes (add, move, delete) to one issue's sections. */
export async function lockIssue(tx: Tx, issueId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Issue" WHERE id = ${issueId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError('not_found', 'That issue no longer exists.');
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
      ...BYLINE_SELECT,
    },
  });
}

const PERSON_SELECT = { id: true, name: true, jobTitle: true, organisation: { select: { name: true } } } as const;

/** What the byline panel, the signatory form and the live preview show. */
const BYLINE_SELECT = {
  bylines: { orderBy: { position: 'asc' }, select: { person: { select: PERSON_SELECT } } },
  bylineOrganisationId: true,
  bylineOrganisation: { select: { name: true } },
  signOff: true,
  signatoryId: true,
  signatory: { select: PERSON_SELECT },
} as const satisfies Prisma.SectionSelect;

/** Locks a section row (bylines are replaced wholesale, so two changes must not interleave). */
async function lockSection(tx: Tx, sectionId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Section" WHERE id = ${sectionId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError('not_found', 'That section no longer exists.');
  return tx.section.findUniqueOrThrow({
    where: { id: sectionId },
    select: { id: true, kind: true, bylineOrganisationId: true, issue: { select: { id: true, slug: true, status: true } } },
  });
}

async function assertPeopleExist(tx: Tx, personIds: string[], field: string) {
  if (personIds.length === 0) return;
  const found = await tx.person.count({ where: { id: { in: personIds } } });
  if (found !== personIds.length) {
    const message = 'Someone you chose no longer exists. They may have been merged or deleted. Reload the page and choose again.';
    throw new AppError('invalid', message, { fieldErrors: { [field]: [message] } });
  }
}

async function assertOrganisationExists(tx: Tx, organisationId: string | null, field: string) {
  if (!organisationId) return;
  if (!(await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } }))) {
    throw new AppError('invalid', 'That organisation no longer exists.', { fieldErrors: { [field]: ['Choose an organisation from the list'] } });
  }
}

async function writeBylines(tx: Tx, sectionId: string, personIds: string[]) {
  await tx.sectionByline.deleteMany({ where: { sectionId } });
  if (personIds.length) {
    await tx.sectionByline.createMany({ data: personIds.map((personId, position) => ({ sectionId, personId, position })) });
  }
}

async function bylineResult(tx: Tx, sectionId: string, issue: { id: string; slug: string; status: string }) {
  const section = await tx.section.findUniqueOrThrow({ where: { id: sectionId }, select: BYLINE_SELECT });
  return { ...section, issue };
}

export type SectionBylines = Awaited<ReturnType<typeof bylineResult>>;

/**
 * Replaces an article's byline: the people named (in this order) and the byline
 * organisation (shown when no one is named). Does not touch the section's text or
 * version, so an open editor's autosave is not disturbed. One audit row, unless
 * nothing changed.
 */
export async function setSectionBylines(
  user: SessionUser,
  input: { sectionId: string; personIds: string[]; bylineOrganisationId: string | null },
) {
  requirePermission(user, 'section:read');
  return db.$transaction(async (tx) => {
    const section = await lockSection(tx, input.sectionId);
    requirePermission(user, sectionEditPermission(section.kind));
    if (section.kind !== 'ARTICLE') throw new AppError('invalid', 'Only articles have bylines.');
    await assertPeopleExist(tx, input.personIds, 'personIds');
    await assertOrganisationExists(tx, input.bylineOrganisationId, 'bylineOrganisationId');
    const before = await bylinePersonIds(tx, section.id);
    const changed = before.join() !== input.personIds.join() || section.bylineOrganisationId !== input.bylineOrganisationId;
    if (changed) {
      await writeBylines(tx, section.id, input.personIds);
      await tx.section.update({ where: { id: section.id }, data: { bylineOrganisationId: input.bylineOrganisationId }, select: { id: true } });
      await auditBylines(tx, user, section.id, { personIds: before, bylineOrganisationId: section.bylineOrganisationId }, input);
    }
    return { changed, ...(await bylineResult(tx, section.id, section.issue)) };
  });
}

type Byline = { personIds: string[]; bylineOrganisationId: string | null };

async function bylinePersonIds(tx: Tx, sectionId: string) {
  const rows = await tx.sectionByline.findMany({ where: { sectionId }, orderBy: { position: 'asc' }, select: { personId: true } });
  return rows.map((b) => b.personId);
}

/** The one audit row of a byline change, whichever form made it. */
function auditBylines(tx: Tx, user: SessionUser, sectionId: string, before: Byline, after: Byline) {
  return audit(tx, {
    actorId: user.id,
    action: 'section.bylines',
    entityType: 'Section',
    entityId: sectionId,
    details: {
      before: { personIds: before.personIds, bylineOrganisationId: before.bylineOrganisationId },
      after: { personIds: after.personIds, bylineOrganisationId: after.bylineOrganisationId },
    },
  });
}

/** Adds one person to the end of an article's byline (after creating them inline). */
export async function addSectionByline(user: SessionUser, input: { sectionId: string; personId: string }) {
  requirePermission(user, 'section:read');
  return db.$transaction(async (tx) => {
    const section = await lockSection(tx, input.sectionId);
    requirePermission(user, sectionEditPermission(section.kind));
    if (section.kind !== 'ARTICLE') throw new AppError('invalid', 'Only articles have bylines.');
    await assertPeopleExist(tx, [input.personId], 'personIds');
    const before = await bylinePersonIds(tx, section.id);
    if (!before.includes(input.personId)) {
      if (before.length >= MAX_BYLINES) {
        throw new AppError('invalid', `A byline can name at most ${MAX_BYLINES} people.`, { fieldErrors: { personIds: [`Name at most ${MAX_BYLINES} people in a byline`] } });
      }
      const after = [...before, input.personId];
      await writeBylines(tx, section.id, after);
      await auditBylines(tx, user, section.id, { personIds: before, bylineOrganisationId: section.bylineOrganisationId }, { personIds: after, bylineOrganisationId: section.bylineOrganisationId });
    }
    return bylineResult(tx, section.id, section.issue);
  });
}

/** The intro's signatory and sign-off line. */
export async function setSectionSignatory(
  user: SessionUser,
  input: { sectionId: string; signatoryId: string | null; signOff: string | null },
) {
  requirePermission(user, 'section:read');
  return db.$transaction(async (tx) => {
    const section = await lockSection(tx, input.sectionId);
    requirePermission(user, sectionEditPermission(section.kind));
    if (section.kind !== 'INTRO') throw new AppError('invalid', 'Only the intro has a signatory.');
    await assertPeopleExist(tx, input.signatoryId ? [input.signatoryId] : [], 'signatoryId');
    const before = await tx.section.findUniqueOrThrow({ where: { id: section.id }, select: { signatoryId: true, signOff: true } });
    const changed = before.signatoryId !== input.signatoryId || before.signOff !== input.signOff;
    if (changed) {
      await tx.section.update({ where: { id: section.id }, data: { signatoryId: input.signatoryId, signOff: input.signOff }, select: { id: true } });
      await audit(tx, {
        actorId: user.id,
        action: 'section.signatory',
        entityType: 'Section',
        entityId: section.id,
        details: { before, after: { signatoryId: input.signatoryId, signOff: input.signOff } },
      });
    }
    return { changed, ...(await bylineResult(tx, section.id, section.issue)) };
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
  if (!checked.ok) throw new AppError('invalid', checked.error, { fieldErrors: { body: [checked.error] } });
  const title = input.title.trim();
  if (!title) throw new AppError('invalid', 'Enter a title', { fieldErrors: { title: ['Enter a title'] } });

  return db.$transaction(async (tx) => {
    const section = await tx.section.findUnique({ where: { id: input.id }, select: { id: true, kind: true } });
    if (!section) throw new AppError('not_found', 'That section no longer exists.');
    requirePermission(user, sectionEditPermission(section.kind));
    if ((await missingImages(tx, [checked.doc])).length) throw new AppError('invalid', MISSING_IMAGE_MESSAGE, { fieldErrors: { body: [MISSING_IMAGE_MESSAGE] } });

    const updated = await tx.section.updateMany({
      where: { id: input.id, version: input.version },
      data: { title, body: json(checked.doc), version: { increment: 1 } },
    });

    if (updated.count === 0) {
      // Someone else saved first. Keep this text too, so neither is lost.
      await recordRevision(
        tx,
        { entityType: 'Section', entityId: input.id, version: input.version, authorId: user.id, data: { title, body: checked.doc, rejected: true, reason: 'conflict' } },
        { action: 'section.save-conflict', details: { staleVersion: input.version } },
      );
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
    await recordRevision(
      tx,
      { entityType: 'Section', entityId: input.id, version: saved.version, authorId: user.id, data: { title, body: checked.doc } },
      { action: 'section.update', details: { version: saved.version } },
    );
    return { ok: true as const, ...saved };
  });
}

/** Adds a section at the end, at the start (`after: 'start'`) or straight after another section of the issue. */
export async function addSection(user: SessionUser, input: { issueId: string; kind: Kind; title: string; after?: string }) {
  requirePermission(user, 'section:create');
  return db.$transaction(async (tx) => {
    await lockIssue(tx, input.issueId);
    const sections = await tx.section.findMany({ where: { issueId: input.issueId }, orderBy: { position: 'asc' }, select: { id: true, position: true } });
    const after = input.after === 'start' ? -1 : input.after ? sections.findIndex((s) => s.id === input.after) : sections.length - 1;
    if (after < 0 && input.after && input.after !== 'start') throw new AppError('invalid', 'That section is no longer in this issue.', { fieldErrors: { after: ['Choose where to add the section from the list'] } });
    const position = await openSlot(tx, input.issueId, sections, after + 1);
    const section = await tx.section.create({
      data: {
        issueId: input.issueId,
        kind: input.kind,
        title: input.title.trim(),
        body: json({ type: 'doc', content: [] }),
        position,
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
    if (!section) throw new AppError('not_found', 'That section no longer exists.');
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
    if (!section) throw new AppError('not_found', 'That section no longer exists.');
    await lockIssue(tx, section.issueId);
    await recordRevision(
      tx,
      { entityType: 'Section', entityId: section.id, version: section.version, authorId: user.id, data: { title: section.title, body: section.body, deleted: true } },
      { action: 'section.delete', details: { issueId: section.issueId, title: section.title, kind: section.kind } },
    );
    await tx.section.delete({ where: { id: section.id }, select: { id: true } });
    return { issueId: section.issueId, issue: section.issue, title: section.title };
  });
}
