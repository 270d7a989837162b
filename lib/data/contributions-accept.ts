import 'server-only';
import { audit } from '@/lib/audit';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { validateRichText } from '@/lib/rich-text/validate';
import { storedEventInput, type AcceptContributionInput } from '@/lib/validation/contributions';
import { eventInputSchema } from '@/lib/validation/events';
import { explainMiss, json, OPEN_ISSUE_STATUSES } from './contributions';
import { createEventInTx, retryOnSlugRace } from './event-create';
import { missingImages } from './media-references';
import { recordRevision } from './revisions';

// Accepting a submission: an article becomes a section of the chosen issue, an
// event becomes an Event (created through createEventInTx, like every event) in
// the chosen event-list section.

type Tx = Prisma.TransactionClient;

/** Serialises structural changes to one issue's sections (the same lock the section editor takes). */
async function lockIssue(tx: Tx, issueId: string) {
  const rows = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, status::text AS status FROM "Issue" WHERE id = ${issueId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * Moves every section of an issue above the highest position in use, so the new
 * positions can then be written one by one without the unique (issueId, position)
 * index ever seeing two rows on one position (and positions stay >= 0).
 */
async function parkSections(tx: Tx, issueId: string) {
  const stats = await tx.section.aggregate({ where: { issueId }, _max: { position: true }, _count: true });
  const park = (stats._max.position ?? 0) + stats._count + 2;
  await tx.section.updateMany({ where: { issueId }, data: { position: { increment: park } } });
}

const GONE_IMAGE_ON_ACCEPT =
  'An image in this submission is no longer in the media library. Decline it with that reason so the contributor can submit it again.';

/**
 * The Event for an accepted EVENT submission, validated again with the shared event
 * schema and created like any other event. An organiser, presenter or topic deleted
 * since submission is left out rather than blocking the editor.
 */
async function createEventFromContribution(
  tx: Tx,
  user: SessionUser,
  contribution: { id: string; title: string; body: unknown; eventData: unknown },
): Promise<string> {
  const parsed = eventInputSchema.safeParse(storedEventInput(contribution.title, contribution.body, contribution.eventData));
  if (!parsed.success) {
    throw new AppError('invalid', `The event’s details cannot be used: ${parsed.error.issues[0]?.message ?? 'they are not valid'}. Decline it with that reason so the contributor can submit it again.`);
  }
  if ((await missingImages(tx, [parsed.data.description])).length) throw new AppError('invalid', GONE_IMAGE_ON_ACCEPT);
  const input = parsed.data;
  const organiser = input.organiserId
    ? await tx.organisation.findUnique({ where: { id: input.organiserId }, select: { id: true } })
    : null;
  const people = new Set((await tx.person.findMany({ where: { id: { in: input.presenterIds } }, select: { id: true } })).map((p) => p.id));
  const topics = new Set((await tx.topic.findMany({ where: { id: { in: input.topicIds } }, select: { id: true } })).map((t) => t.id));
  const event = await createEventInTx(
    tx,
    {
      ...input,
      organiserId: organiser?.id ?? null,
      presenterIds: input.presenterIds.filter((id) => people.has(id)),
      topicIds: input.topicIds.filter((id) => topics.has(id)),
    },
    user,
    { fromContribution: contribution.id },
  );
  return event.id;
}

/**
 * Accepts a submission into an issue that is not published. An ARTICLE becomes a
 * new ARTICLE section right after the chosen section, bylined to the submitter's
 * organisation; an EVENT becomes an Event at the end of the chosen EVENT_LIST
 * section. The status change is conditional (`status = SUBMITTED` and the version
 * the editor reviewed), so of two editors accepting at once exactly one wins.
 */
export async function acceptContribution(user: SessionUser, input: AcceptContributionInput) {
  requirePermission(user, 'contribution:review');
  // A new event's slug can race with another event of the same title: try again with the next free one.
  return retryOnSlugRace(() => acceptOnce(user, input));
}

async function acceptOnce(user: SessionUser, input: AcceptContributionInput) {
  return db.$transaction(async (tx) => {
    const reviewedAt = new Date();
    // Claim the row first: a concurrent accept or decline waits here, then matches nothing.
    const claimed = await tx.contribution.updateMany({
      where: { id: input.id, status: 'SUBMITTED', version: input.version },
      data: { status: 'ACCEPTED', reviewedById: user.id, reviewedAt, version: { increment: 1 } },
    });
    if (claimed.count === 0) return explainMiss(tx, user, input.id, input.version, 'accepted');
    const contribution = await tx.contribution.findUniqueOrThrow({
      where: { id: input.id },
      select: { id: true, kind: true, title: true, body: true, eventData: true, organisationId: true },
    });

    const issue = await lockIssue(tx, input.issueId);
    if (!issue) throw new AppError('invalid', 'That issue no longer exists.', { fieldErrors: { issueId: ['Choose an issue from the list'] } });
    if (!(OPEN_ISSUE_STATUSES as readonly string[]).includes(issue.status)) {
      throw new AppError('invalid', 'That issue has been published. Choose an issue that is not published yet.', { fieldErrors: {
        issueId: ['Choose an issue that is not published'],
      } });
    }
    const sections = await tx.section.findMany({
      where: { issueId: input.issueId },
      orderBy: { position: 'asc' },
      select: { id: true, kind: true, title: true },
    });
    const chosen = sections.find((s) => s.id === input.sectionId);
    if (!chosen) {
      throw new AppError('invalid', 'Choose a section of the chosen issue.', { fieldErrors: { sectionId: ['Choose a section of the chosen issue'] } });
    }

    let placed: { sectionId: string | null; eventId: string | null };
    if (contribution.kind === 'ARTICLE') {
      const checked = validateRichText(contribution.body);
      if (!checked.ok) throw new AppError('invalid', `The article’s text cannot be used: ${checked.error}`);
      if ((await missingImages(tx, [checked.doc])).length) throw new AppError('invalid', GONE_IMAGE_ON_ACCEPT);
      // Positions become 0..n contiguous, with the new section right after the chosen one.
      const index = sections.indexOf(chosen) + 1;
      await parkSections(tx, input.issueId);
      const section = await tx.section.create({
        data: {
          issueId: input.issueId,
          position: index,
          kind: 'ARTICLE',
          title: contribution.title,
          body: json(checked.doc),
          bylineOrganisationId: contribution.organisationId,
        },
        select: { id: true, version: true },
      });
      for (const [i, s] of sections.entries()) {
        await tx.section.update({ where: { id: s.id }, data: { position: i < index ? i : i + 1 }, select: { id: true } });
      }
      await recordRevision(
        tx,
        { entityType: 'Section', entityId: section.id, version: section.version, authorId: user.id, data: { title: contribution.title, body: checked.doc, fromContribution: contribution.id } },
        { action: 'section.create', details: { issueId: input.issueId, kind: 'ARTICLE', title: contribution.title, fromContribution: contribution.id } },
      );
      placed = { sectionId: section.id, eventId: null };
    } else {
      if (chosen.kind !== 'EVENT_LIST') {
        throw new AppError('invalid', 'Events go into an event-list section.', { fieldErrors: {
          sectionId: ['Choose an event-list section, like Upcoming Conferences and Events'],
        } });
      }
      const eventId = await createEventFromContribution(tx, user, contribution);
      const last = await tx.sectionEvent.aggregate({ where: { sectionId: chosen.id }, _max: { position: true } });
      await tx.sectionEvent.create({
        data: { sectionId: chosen.id, eventId, position: (last._max.position ?? -1) + 1 },
        select: { eventId: true },
      });
      placed = { sectionId: chosen.id, eventId };
    }

    await tx.contribution.update({
      where: { id: input.id },
      data: { acceptedIssueId: input.issueId, acceptedSectionId: placed.sectionId ?? input.sectionId, acceptedEventId: placed.eventId },
      select: { id: true },
    });
    await audit(tx, {
      actorId: user.id,
      action: 'contribution.accept',
      entityType: 'Contribution',
      entityId: input.id,
      details: { issueId: input.issueId, sectionId: placed.sectionId ?? input.sectionId, eventId: placed.eventId },
    });
    return { id: input.id, issueId: input.issueId, sectionId: placed.sectionId ?? input.sectionId, eventId: placed.eventId };
  });
}
