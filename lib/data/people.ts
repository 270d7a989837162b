import 'server-only';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/audit';
import { can, requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { slugify } from '@/lib/slug';
import {
  PAGE_SIZE,
  type CreatePersonInput,
  type MergePeopleInput,
  type UpdatePersonInput,
} from '@/lib/validation/people';

type Tx = Prisma.TransactionClient;

const LIST_SELECT = {
  id: true,
  name: true,
  jobTitle: true,
  organisation: { select: { id: true, name: true } },
} as const;

/** A slug not yet used by another person: "jane-smith", "jane-smith-2", … */
async function uniquePersonSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name) || 'person';
  const taken = new Set(
    (await tx.person.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function assertOrganisationExists(tx: Tx, organisationId: string | null) {
  if (!organisationId) return;
  const found = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } });
  if (!found) {
    throw new AppError('invalid', 'That organisation no longer exists.', { fieldErrors: {
      organisationId: ['Choose an organisation from the list'],
    } });
  }
}

/** People by name (case-insensitive contains), 50 a page. */
export async function listPeople(user: SessionUser, opts: { q?: string; page?: number } = {}) {
  requirePermission(user, 'person:read');
  const page = Math.max(1, opts.page ?? 1);
  const where: Prisma.PersonWhereInput = opts.q ? { name: { contains: opts.q, mode: 'insensitive' } } : {};
  const [total, people] = await Promise.all([
    db.person.count({ where }),
    db.person.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: LIST_SELECT,
    }),
  ]);
  return { people, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** For selects: every person's id and name (and organisation, to tell namesakes apart). */
export async function personOptions(user: SessionUser) {
  requirePermission(user, 'person:read');
  return db.person.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: LIST_SELECT });
}

/**
 * One person with how often they are referenced; null if not found. The linked
 * user's email address is only included for those who may read users.
 */
export async function getPerson(user: SessionUser, id: string) {
  requirePermission(user, 'person:read');
  const person = await db.person.findUnique({
    where: { id },
    select: {
      ...LIST_SELECT,
      slug: true,
      organisationId: true,
      user: { select: { id: true, email: true } },
      _count: { select: { bylines: true, presentations: true, signedSections: true } },
    },
  });
  if (!person) return null;
  const { user: linked, ...rest } = person;
  return { ...rest, user: linked ? { id: linked.id, email: can(user, 'user:read') ? linked.email : null } : null };
}

export async function createPerson(user: SessionUser, input: CreatePersonInput) {
  requirePermission(user, 'person:create');
  // Two people added at once with the same name can race for a slug: try again with the next free one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        await assertOrganisationExists(tx, input.organisationId);
        const person = await tx.person.create({
          data: {
            slug: await uniquePersonSlug(tx, input.name),
            name: input.name,
            jobTitle: input.jobTitle,
            organisationId: input.organisationId,
          },
          select: { id: true, slug: true, name: true },
        });
        await audit(tx, {
          actorId: user.id,
          action: 'person.create',
          entityType: 'Person',
          entityId: person.id,
          details: { name: person.name },
        });
        return person;
      });
    } catch (error) {
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue;
      throw error;
    }
  }
}

export async function updatePerson(user: SessionUser, input: UpdatePersonInput) {
  requirePermission(user, 'person:update');
  return db.$transaction(async (tx) => {
    const before = await tx.person.findUnique({
      where: { id: input.id },
      select: { name: true, jobTitle: true, organisationId: true },
    });
    if (!before) throw new AppError('not_found', 'That person no longer exists. They may have been merged or deleted.');
    await assertOrganisationExists(tx, input.organisationId);
    const person = await tx.person.update({
      where: { id: input.id },
      data: { name: input.name, jobTitle: input.jobTitle, organisationId: input.organisationId },
      select: { id: true, name: true },
    });
    await audit(tx, {
      actorId: user.id,
      action: 'person.update',
      entityType: 'Person',
      entityId: person.id,
      details: { before, after: { name: input.name, jobTitle: input.jobTitle, organisationId: input.organisationId } },
    });
    return person;
  });
}

/** Deletes a person nobody refers to; otherwise a 409 saying what refers to them. */
export async function deletePerson(user: SessionUser, id: string) {
  requirePermission(user, 'person:delete');
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${id}::uuid FOR UPDATE`;
    const person = await tx.person.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        user: { select: { id: true } },
        _count: { select: { bylines: true, presentations: true, signedSections: true } },
      },
    });
    if (!person) throw new AppError('not_found', 'That person no longer exists. They may have been merged or deleted.');
    const uses: string[] = [];
    const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
    if (person._count.bylines) uses.push(n(person._count.bylines, 'byline', 'bylines'));
    if (person._count.presentations)
      uses.push(n(person._count.presentations, 'event as a presenter', 'events as a presenter'));
    if (person._count.signedSections)
      uses.push(n(person._count.signedSections, 'intro as the signatory', 'intros as the signatory'));
    if (person.user) uses.push('a user account');
    if (uses.length) {
      throw new AppError('conflict', `${person.name} cannot be deleted because they are named in ${uses.join(', ')}. Merge them into another person instead, or remove those references first.`);
    }
    await tx.person.delete({ where: { id } });
    await audit(tx, {
      actorId: user.id,
      action: 'person.delete',
      entityType: 'Person',
      entityId: id,
      details: { name: person.name },
    });
    return { id, name: person.name };
  });
}

/**
 * Merges the duplicate `sourceId` into `targetId`: bylines, presenter entries,
 * signatory references and (if the target has none) the linked user move to the
 * target, blank details of the target are filled from the duplicate, and the
 * duplicate is deleted. One transaction, one audit row.
 */
export async function mergePeople(user: SessionUser, input: MergePeopleInput) {
  requirePermission(user, 'person:update');
  if (input.sourceId === input.targetId) {
    throw new AppError('invalid', 'A person cannot be merged into themselves.', { fieldErrors: {
      targetId: ['Choose a different person'],
    } });
  }
  return db.$transaction(async (tx) => {
    // Lock both rows (in a stable order) so concurrent edits and merges wait for this one.
    await tx.$queryRaw`SELECT id FROM "Person" WHERE id IN (${input.sourceId}::uuid, ${input.targetId}::uuid) ORDER BY id FOR UPDATE`;
    const select = {
      id: true,
      name: true,
      jobTitle: true,
      organisationId: true,
      photoId: true,
      user: { select: { id: true } },
    } as const;
    const [source, target] = await Promise.all([
      tx.person.findUnique({ where: { id: input.sourceId }, select }),
      tx.person.findUnique({ where: { id: input.targetId }, select }),
    ]);
    if (!source) throw new AppError('not_found', 'The duplicate no longer exists. It may already have been merged.');
    if (!target)
      throw new AppError('not_found', 'The person to keep no longer exists. Choose another.', { fieldErrors: {
        targetId: ['Choose another person'],
      } });

    // Bylines: move, unless the target already has a byline on that section (then the duplicate's is dropped).
    const targetSections = new Set(
      (await tx.sectionByline.findMany({ where: { personId: target.id }, select: { sectionId: true } })).map(
        (b) => b.sectionId,
      ),
    );
    const sourceBylines = await tx.sectionByline.findMany({
      where: { personId: source.id },
      select: { sectionId: true },
    });
    const dupBylines = sourceBylines.filter((b) => targetSections.has(b.sectionId)).map((b) => b.sectionId);
    if (dupBylines.length)
      await tx.sectionByline.deleteMany({ where: { personId: source.id, sectionId: { in: dupBylines } } });
    const bylines = await tx.sectionByline.updateMany({
      where: { personId: source.id },
      data: { personId: target.id },
    });

    // Presenter entries, likewise per event.
    const targetEvents = new Set(
      (await tx.eventPresenter.findMany({ where: { personId: target.id }, select: { eventId: true } })).map(
        (p) => p.eventId,
      ),
    );
    const sourcePresenters = await tx.eventPresenter.findMany({
      where: { personId: source.id },
      select: { eventId: true },
    });
    const dupPresenters = sourcePresenters.filter((p) => targetEvents.has(p.eventId)).map((p) => p.eventId);
    if (dupPresenters.length)
      await tx.eventPresenter.deleteMany({ where: { personId: source.id, eventId: { in: dupPresenters } } });
    const presenters = await tx.eventPresenter.updateMany({
      where: { personId: source.id },
      data: { personId: target.id },
    });

    const signatures = await tx.section.updateMany({
      where: { signatoryId: source.id },
      data: { signatoryId: target.id },
    });

    // The linked user moves only if the target has none (a user links to at most one person and vice versa).
    let userMoved: string | null = null;
    let userUnlinked: string | null = null;
    if (source.user) {
      if (!target.user) {
        await tx.user.update({ where: { id: source.user.id }, data: { personId: null } });
        await tx.user.update({ where: { id: source.user.id }, data: { personId: target.id } });
        userMoved = source.user.id;
      } else {
        await tx.user.update({ where: { id: source.user.id }, data: { personId: null } });
        userUnlinked = source.user.id;
      }
    }

    await tx.person.update({
      where: { id: target.id },
      data: {
        jobTitle: target.jobTitle ?? source.jobTitle,
        organisationId: target.organisationId ?? source.organisationId,
        photoId: target.photoId ?? source.photoId,
      },
    });
    await tx.person.delete({ where: { id: source.id } });
    await audit(tx, {
      actorId: user.id,
      action: 'person.merge',
      entityType: 'Person',
      entityId: target.id,
      details: {
        mergedId: source.id,
        mergedName: source.name,
        bylinesMoved: bylines.count,
        bylinesDropped: dupBylines.length,
        presentersMoved: presenters.count,
        presentersDropped: dupPresenters.length,
        signaturesMoved: signatures.count,
        userMoved,
        userUnlinked,
      },
    });
    return { id: target.id, name: target.name, mergedName: source.name };
  });
}
