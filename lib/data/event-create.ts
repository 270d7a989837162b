import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import { londonDate } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { slugify } from '@/lib/slug';
import { toEventWriteData, type EventInput } from '@/lib/validation/events';
import { MISSING_IMAGE_MESSAGE, missingImages } from './media-references';
import { recordRevision } from './revisions';

// The one way an event is created: the admin event form (optionally inside an
// event-list section) and accepting a contributor's event both come here, so
// they share the slug rule, the reference checks, the revision and the audit row.
// Callers authorise (they need different permissions) and own the transaction.

type Tx = Prisma.TransactionClient;

/** Refuses an event whose image, organiser, topics or presenters no longer exist. */
export async function assertReferencesExist(tx: Tx, input: EventInput) {
  if ((await missingImages(tx, [input.description])).length) {
    throw new AppError('invalid', MISSING_IMAGE_MESSAGE, { fieldErrors: { description: [MISSING_IMAGE_MESSAGE] } });
  }
  if (input.organiserId) {
    const found = await tx.organisation.findUnique({ where: { id: input.organiserId }, select: { id: true } });
    if (!found) {
      throw new AppError('invalid', 'That organiser no longer exists.', { fieldErrors: { organiserId: ['Choose an organiser from the list'] } });
    }
  }
  if (input.topicIds.length && (await tx.topic.count({ where: { id: { in: input.topicIds } } })) !== input.topicIds.length) {
    throw new AppError('invalid', 'A topic you chose no longer exists.', { fieldErrors: { topicIds: ['Choose topics from the list'] } });
  }
  if (input.presenterIds.length) {
    const found = await tx.person.count({ where: { id: { in: input.presenterIds } } });
    if (found !== input.presenterIds.length) {
      throw new AppError('invalid', 'A presenter you chose no longer exists.', { fieldErrors: {
        presenterIds: ['A presenter you chose no longer exists. They may have been merged; choose again.'],
      } });
    }
  }
}

/**
 * A slug not used by another event, from the title and the year of the first
 * session (as the seeded events have): "regional-masterclass-2026", then "-2", "-3", …
 */
export async function uniqueEventSlug(tx: Tx, input: EventInput): Promise<string> {
  const first = input.sessions.reduce<Date | null>((min, s) => (!min || s.startsAt < min ? s.startsAt : min), null);
  const year = first ? String(londonDate(first).year) : '';
  const title = slugify(input.title, 72) || 'event';
  const base = year && !title.endsWith(year) ? `${title}-${year}` : title;
  const taken = new Set(
    (await tx.event.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((e) => e.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}


/**
 * Creates an event with its sessions, presenters and topics, its first Revision
 * and the `event.create` audit row, inside the caller's transaction. `source`
 * only goes into the audit row (where the event came from).
 */
export async function createEventInTx(
  tx: Tx,
  input: EventInput,
  actor: SessionUser,
  source: { sectionId?: string | null; fromContribution?: string } = {},
) {
  await assertReferencesExist(tx, input);
  const { fields, sessions, presenters, topics } = toEventWriteData(input);
  const event = await tx.event.create({
    data: {
      ...fields,
      slug: await uniqueEventSlug(tx, input),
      createdById: actor.id,
      sessions: { create: sessions.map(({ id: _id, ...s }) => s) },
      presenters: { create: presenters },
      topics: { create: topics },
    },
    select: { id: true, slug: true, title: true, version: true },
  });
  await recordRevision(
    tx,
    { entityType: 'Event', entityId: event.id, version: event.version, authorId: actor.id, data: { ...fields, sessions, presenters } },
    {
      action: 'event.create',
      details: {
        title: event.title,
        slug: event.slug,
        sessions: sessions.length,
        sectionId: source.sectionId ?? null,
        ...(source.fromContribution ? { fromContribution: source.fromContribution } : {}),
      },
    },
  );
  return event;
}

/**
 * Runs a transaction that creates an event again (up to 3 times) when another
 * event with the same title took the slug in the meantime (a unique violation).
 */
export async function retryOnSlugRace<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue;
      throw error;
    }
  }
}
