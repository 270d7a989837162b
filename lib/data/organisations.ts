import 'server-only';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/audit';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { slugify } from '@/lib/slug';
import { PAGE_SIZE } from '@/lib/validation/people';
import type {
  CreateOrganisationInput,
  MergeOrganisationsInput,
  UpdateOrganisationInput,
} from '@/lib/validation/organisations';

type Tx = Prisma.TransactionClient;

const LIST_SELECT = { id: true, name: true, shortName: true, kind: true, website: true } as const;

async function uniqueOrganisationSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name) || 'organisation';
  const taken = new Set(
    (await tx.organisation.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (o) => o.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Organisations by name or short name, 50 a page. */
export async function listOrganisations(user: SessionUser, opts: { q?: string; page?: number } = {}) {
  requirePermission(user, 'organisation:read');
  const page = Math.max(1, opts.page ?? 1);
  const where: Prisma.OrganisationWhereInput = opts.q
    ? {
        OR: [
          { name: { contains: opts.q, mode: 'insensitive' } },
          { shortName: { contains: opts.q, mode: 'insensitive' } },
        ],
      }
    : {};
  const [total, organisations] = await Promise.all([
    db.organisation.count({ where }),
    db.organisation.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: LIST_SELECT,
    }),
  ]);
  return { organisations, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** For selects. */
export async function organisationOptions(user: SessionUser) {
  requirePermission(user, 'organisation:read');
  return db.organisation.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, shortName: true },
  });
}

export async function getOrganisation(user: SessionUser, id: string) {
  requirePermission(user, 'organisation:read');
  return db.organisation.findUnique({
    where: { id },
    select: {
      ...LIST_SELECT,
      slug: true,
      _count: { select: { people: true, users: true, organisedEvents: true, bylinedSections: true } },
    },
  });
}

export async function createOrganisation(user: SessionUser, input: CreateOrganisationInput) {
  requirePermission(user, 'organisation:create');
  // Two people added at once with the same name can race for a slug: try again with the next free one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const organisation = await tx.organisation.create({
          data: { slug: await uniqueOrganisationSlug(tx, input.name), ...input },
          select: { id: true, slug: true, name: true },
        });
        await audit(tx, {
          actorId: user.id,
          action: 'organisation.create',
          entityType: 'Organisation',
          entityId: organisation.id,
          details: { name: organisation.name },
        });
        return organisation;
      });
    } catch (error) {
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue;
      throw error;
    }
  }
}

export async function updateOrganisation(user: SessionUser, input: UpdateOrganisationInput) {
  requirePermission(user, 'organisation:update');
  const { id, ...data } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.organisation.findUnique({
      where: { id },
      select: { name: true, shortName: true, kind: true, website: true },
    });
    if (!before) throw new AppError('not_found', 'That organisation no longer exists. It may have been merged.');
    const organisation = await tx.organisation.update({ where: { id }, data, select: { id: true, name: true } });
    await audit(tx, {
      actorId: user.id,
      action: 'organisation.update',
      entityType: 'Organisation',
      entityId: id,
      details: { before, after: data },
    });
    return organisation;
  });
}

/**
 * Merges the duplicate into the organisation to keep: its people, users,
 * organised events and section bylines move over, blank details are filled
 * in, and the duplicate is deleted. One transaction, one audit row.
 */
export async function mergeOrganisations(user: SessionUser, input: MergeOrganisationsInput) {
  requirePermission(user, 'organisation:update');
  if (input.sourceId === input.targetId) {
    throw new AppError('invalid', 'An organisation cannot be merged into itself.', { fieldErrors: {
      targetId: ['Choose a different organisation'],
    } });
  }
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id IN (${input.sourceId}::uuid, ${input.targetId}::uuid) ORDER BY id FOR UPDATE`;
    const select = { id: true, name: true, shortName: true, website: true } as const;
    const [source, target] = await Promise.all([
      tx.organisation.findUnique({ where: { id: input.sourceId }, select }),
      tx.organisation.findUnique({ where: { id: input.targetId }, select }),
    ]);
    if (!source) throw new AppError('not_found', 'The duplicate no longer exists. It may already have been merged.');
    if (!target)
      throw new AppError('not_found', 'The organisation to keep no longer exists. Choose another.', { fieldErrors: {
        targetId: ['Choose another organisation'],
      } });
    const people = await tx.person.updateMany({
      where: { organisationId: source.id },
      data: { organisationId: target.id },
    });
    const users = await tx.user.updateMany({
      where: { organisationId: source.id },
      data: { organisationId: target.id },
    });
    const events = await tx.event.updateMany({ where: { organiserId: source.id }, data: { organiserId: target.id } });
    const sections = await tx.section.updateMany({
      where: { bylineOrganisationId: source.id },
      data: { bylineOrganisationId: target.id },
    });
    // Submissions keep their byline, now under the organisation that stays.
    const contributions = await tx.contribution.updateMany({
      where: { organisationId: source.id },
      data: { organisationId: target.id },
    });
    await tx.organisation.update({
      where: { id: target.id },
      data: { shortName: target.shortName ?? source.shortName, website: target.website ?? source.website },
    });
    await tx.organisation.delete({ where: { id: source.id } });
    await audit(tx, {
      actorId: user.id,
      action: 'organisation.merge',
      entityType: 'Organisation',
      entityId: target.id,
      details: {
        mergedId: source.id,
        mergedName: source.name,
        peopleMoved: people.count,
        usersMoved: users.count,
        eventsMoved: events.count,
        sectionsMoved: sections.count,
        contributionsMoved: contributions.count,
      },
    });
    return { id: target.id, name: target.name, mergedName: source.name };
  });
}
