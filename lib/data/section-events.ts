import 'server-only';
import { audit } from '@/lib/audit';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';

// Events placed in the EVENT_LIST sections of issues: reading a section's list,
// adding, removing and reordering. The events themselves are in events-admin.ts.
// Mutations return which published issues and events changed, so the action can
// revalidate the public pages after the transaction.

type Tx = Prisma.TransactionClient;

export type PublicChange = { issueSlugs: string[]; eventSlugs: string[] } | null;

/** The section an event list is edited in, with its issue; null if not found. */
export async function getEventListSection(user: SessionUser, sectionId: string) {
  requirePermission(user, 'event:read');
  requirePermission(user, 'section:read');
  return db.section.findUnique({
    where: { id: sectionId },
    select: { id: true, kind: true, title: true, issueId: true, issue: { select: { id: true, title: true, status: true } } },
  });
}

/** The events of one section, in order, for the section editor. */
export async function listSectionEvents(user: SessionUser, sectionId: string) {
  requirePermission(user, 'event:read');
  requirePermission(user, 'section:read');
  const rows = await db.sectionEvent.findMany({
    where: { sectionId },
    orderBy: { position: 'asc' },
    select: {
      position: true,
      event: {
        select: {
          id: true,
          title: true,
          mode: true,
          sessions: { orderBy: { startsAt: 'asc' }, select: { startsAt: true, endsAt: true, allDay: true } },
        },
      },
    },
  });
  return rows.map((r) => ({ position: r.position, ...r.event }));
}

// ---------------------------------------------------------------------------
// Helpers inside transactions

/** Locks a section (serialising changes to its event list) and checks it can hold events. */
async function lockEventListSection(tx: Tx, sectionId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Section" WHERE id = ${sectionId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError('not_found', 'That section no longer exists.');
  const section = await tx.section.findUniqueOrThrow({
    where: { id: sectionId },
    select: { id: true, kind: true, title: true, issueId: true, issue: { select: { slug: true, status: true } } },
  });
  if (section.kind !== 'EVENT_LIST') throw new AppError('invalid', 'Events can only be added to an event-list section.');
  return section;
}

/**
 * Gives a section's events the positions 0, 1, 2, … in `orderedEventIds` order.
 * (sectionId, position) is unique and checked row by row, so every row first moves
 * above the highest position in use, then down to its final place.
 */
export async function renumber(tx: Tx, sectionId: string, orderedEventIds: string[]) {
  if (orderedEventIds.length === 0) return;
  const max = await tx.sectionEvent.aggregate({ where: { sectionId }, _max: { position: true } });
  await tx.sectionEvent.updateMany({ where: { sectionId }, data: { position: { increment: (max._max.position ?? 0) + 1 } } });
  for (const [position, eventId] of orderedEventIds.entries()) {
    await tx.sectionEvent.update({ where: { sectionId_eventId: { sectionId, eventId } }, data: { position }, select: { position: true } });
  }
}

export async function appendToSection(tx: Tx, user: SessionUser, sectionId: string, eventId: string) {
  const section = await lockEventListSection(tx, sectionId);
  const existing = await tx.sectionEvent.findUnique({ where: { sectionId_eventId: { sectionId, eventId } }, select: { position: true } });
  if (existing) throw new AppError('conflict', 'That event is already in this section.', { fieldErrors: { eventId: ['That event is already in this section'] } });
  const max = await tx.sectionEvent.aggregate({ where: { sectionId }, _max: { position: true } });
  const position = (max._max.position ?? -1) + 1;
  await tx.sectionEvent.create({ data: { sectionId, eventId, position }, select: { position: true } });
  await audit(tx, {
    actorId: user.id,
    action: 'section.event.add',
    entityType: 'Section',
    entityId: sectionId,
    details: { eventId, position, issueId: section.issueId },
  });
  return section;
}

export const sectionChange = (section: { issue: { slug: string; status: string } }, eventSlug: string): PublicChange =>
  section.issue.status === 'PUBLISHED' ? { issueSlugs: [section.issue.slug], eventSlugs: [eventSlug] } : null;

// ---------------------------------------------------------------------------
// Events in a section

/** Adds an existing event at the end of an event-list section. */
export async function addSectionEvent(user: SessionUser, input: { sectionId: string; eventId: string }) {
  requirePermission(user, 'event:read');
  requirePermission(user, 'section:update');
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: input.eventId }, select: { id: true, slug: true, title: true } });
    if (!event) throw new AppError('not_found', 'That event no longer exists.', { fieldErrors: { eventId: ['Choose an event from the list'] } });
    const section = await appendToSection(tx, user, input.sectionId, event.id);
    return { title: event.title, issueId: section.issueId, change: sectionChange(section, event.slug) };
  });
}

/** Takes an event out of a section (the event itself stays); the rest close up. */
export async function removeSectionEvent(user: SessionUser, input: { sectionId: string; eventId: string }) {
  requirePermission(user, 'event:read');
  requirePermission(user, 'section:update');
  return db.$transaction(async (tx) => {
    const section = await lockEventListSection(tx, input.sectionId);
    const link = await tx.sectionEvent.findUnique({
      where: { sectionId_eventId: input },
      select: { position: true, event: { select: { slug: true, title: true } } },
    });
    if (!link) throw new AppError('not_found', 'That event is no longer in this section.');
    await tx.sectionEvent.delete({ where: { sectionId_eventId: input }, select: { position: true } });
    const rest = await tx.sectionEvent.findMany({ where: { sectionId: input.sectionId }, orderBy: { position: 'asc' }, select: { eventId: true } });
    await renumber(tx, input.sectionId, rest.map((r) => r.eventId));
    await audit(tx, {
      actorId: user.id,
      action: 'section.event.remove',
      entityType: 'Section',
      entityId: input.sectionId,
      details: { eventId: input.eventId, position: link.position, issueId: section.issueId },
    });
    return { title: link.event.title, issueId: section.issueId, change: sectionChange(section, link.event.slug) };
  });
}

/**
 * Swaps an event with its neighbour in the section. As with sections, the event
 * first parks above the highest position, because (sectionId, position) is unique.
 */
export async function moveSectionEvent(user: SessionUser, input: { sectionId: string; eventId: string; direction: 'up' | 'down' }) {
  requirePermission(user, 'event:read');
  requirePermission(user, 'section:update');
  return db.$transaction(async (tx) => {
    const section = await lockEventListSection(tx, input.sectionId);
    const me = await tx.sectionEvent.findUnique({
      where: { sectionId_eventId: { sectionId: input.sectionId, eventId: input.eventId } },
      select: { position: true, event: { select: { slug: true, title: true } } },
    });
    if (!me) throw new AppError('not_found', 'That event is no longer in this section.');
    const neighbour = await tx.sectionEvent.findFirst({
      where: { sectionId: input.sectionId, position: input.direction === 'up' ? { lt: me.position } : { gt: me.position } },
      orderBy: { position: input.direction === 'up' ? 'desc' : 'asc' },
      select: { eventId: true, position: true },
    });
    if (!neighbour) return { moved: false, title: me.event.title, issueId: section.issueId, change: null };
    const max = await tx.sectionEvent.aggregate({ where: { sectionId: input.sectionId }, _max: { position: true } });
    const key = (eventId: string) => ({ sectionId_eventId: { sectionId: input.sectionId, eventId } });
    await tx.sectionEvent.update({ where: key(input.eventId), data: { position: (max._max.position ?? 0) + 1 }, select: { position: true } });
    await tx.sectionEvent.update({ where: key(neighbour.eventId), data: { position: me.position }, select: { position: true } });
    await tx.sectionEvent.update({ where: key(input.eventId), data: { position: neighbour.position }, select: { position: true } });
    await audit(tx, {
      actorId: user.id,
      action: 'section.event.reorder',
      entityType: 'Section',
      entityId: input.sectionId,
      details: { eventId: input.eventId, from: me.position, to: neighbour.position, issueId: section.issueId },
    });
    return { moved: true, title: me.event.title, issueId: section.issueId, change: sectionChange(section, me.event.slug) };
  });
}
