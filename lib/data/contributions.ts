import 'server-only';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/audit';
import { can, requirePermission, scopeOf } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { MISSING_IMAGE_MESSAGE, missingImages } from '@/lib/data/media-references';
import { Prisma } from '@/lib/generated/prisma/client';
import {
  storedEventInput,
  toStoredEventData,
  type DeclineContributionInput,
  type SubmitContributionInput,
  type UpdateContributionInput,
  type WithdrawContributionInput,
} from '@/lib/validation/contributions';
import { eventInputSchema, toEventWriteData, type EventInput } from '@/lib/validation/events';
import type { EventCard } from '@/lib/data/event-select';

// Contributions: partner staff submit articles and events; editors accept them
// into an issue or decline them with a reason. Authorisation is part of every
// query: with an `own` scope a user only ever reaches rows they submitted, and
// anything else is "not found" (so ids of others' submissions reveal nothing).

type Tx = Prisma.TransactionClient;
export const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Issues still open for new content. */
export const OPEN_ISSUE_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED'] as const;

const LIST_SELECT = {
  id: true,
  kind: true,
  status: true,
  title: true,
  declineReason: true,
  createdAt: true,
  updatedAt: true,
  reviewedAt: true,
  organisation: { select: { name: true } },
  submittedBy: { select: { name: true } },
} as const satisfies Prisma.ContributionSelect;

/** The `where` that limits a user to what they may read (null: nothing). */
function readable(user: SessionUser): Prisma.ContributionWhereInput | null {
  const scope = scopeOf(user, 'contribution:read');
  if (scope === 'any') return {};
  if (scope === 'own') return { submittedById: user.id };
  return null;
}

/**
 * For a contributor: their own submissions, newest first. For reviewers: the
 * queue (oldest first, so nobody waits longest) and the most recent decisions.
 */
export async function listContributions(user: SessionUser, opts: { recent?: number } = {}) {
  requirePermission(user, 'contribution:read', { ownerId: user.id });
  const where = readable(user)!;
  if (!can(user, 'contribution:review')) {
    const mine = await db.contribution.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: LIST_SELECT });
    return { mine, queue: null, decided: null };
  }
  const [queue, decided, mine] = await Promise.all([
    db.contribution.findMany({ where: { status: 'SUBMITTED' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: LIST_SELECT }),
    db.contribution.findMany({
      where: { status: { in: ['ACCEPTED', 'DECLINED'] } },
      orderBy: [{ reviewedAt: 'desc' }, { id: 'asc' }],
      take: opts.recent ?? 20,
      select: { ...LIST_SELECT, reviewedBy: { select: { name: true } } },
    }),
    can(user, 'contribution:create')
      ? db.contribution.findMany({ where: { submittedById: user.id }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: LIST_SELECT })
      : Promise.resolve([]),
  ]);
  return { mine, queue, decided };
}

/** One contribution the user may read, or null (also when it is someone else's). */
export async function getContribution(user: SessionUser, id: string) {
  requirePermission(user, 'contribution:read', { ownerId: user.id });
  const row = await db.contribution.findFirst({
    where: { id, ...readable(user) },
    select: {
      ...LIST_SELECT,
      body: true,
      eventData: true,
      version: true,
      submittedById: true,
      organisationId: true,
      reviewedBy: { select: { name: true } },
      acceptedIssue: { select: { id: true, title: true, slug: true, status: true } },
      acceptedSection: { select: { id: true, title: true } },
      acceptedEvent: { select: { id: true, title: true, slug: true } },
    },
  });
  if (!row) return null;
  const event = row.kind === 'EVENT' ? await eventPreview(row) : null;
  // Where it went is editorial detail about a possibly unpublished issue: reviewers only.
  if (!can(user, 'contribution:review')) return { ...row, event, acceptedIssue: null, acceptedSection: null, acceptedEvent: null };
  return { ...row, event };
}

/**
 * An EVENT submission in the shape the public event card renders, through the
 * shared event schema; null when its stored details no longer pass (the review
 * screen then says so).
 */
async function eventPreview(row: { id: string; title: string; body: unknown; eventData: unknown; updatedAt: Date }): Promise<EventCard | null> {
  const parsed = eventInputSchema.safeParse(storedEventInput(row.title, row.body, row.eventData));
  if (!parsed.success) return null;
  const v = parsed.data;
  const { fields, sessions } = toEventWriteData(v);
  const [organiser, people] = await Promise.all([
    v.organiserId ? db.organisation.findUnique({ where: { id: v.organiserId }, select: { name: true, slug: true } }) : null,
    db.person.findMany({
      where: { id: { in: v.presenterIds } },
      select: { id: true, name: true, jobTitle: true, organisation: { select: { name: true } } },
    }),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    id: row.id,
    slug: '',
    title: v.title,
    description: v.description as unknown as EventCard['description'],
    isFree: fields.isFree,
    cost: fields.cost,
    mode: fields.mode,
    platform: fields.platform,
    venueName: fields.venueName,
    venueAddress: fields.venueAddress,
    audience: fields.audience,
    registrationUrl: fields.registrationUrl,
    registrationContact: fields.registrationContact,
    registrationOpensAt: fields.registrationOpensAt,
    registrationDeadline: fields.registrationDeadline,
    saveTheDate: fields.saveTheDate,
    updatedAt: row.updatedAt,
    organiser,
    presenters: v.presenterIds.flatMap((id) => {
      const p = byId.get(id);
      return p ? [{ person: { name: p.name, jobTitle: p.jobTitle, organisation: p.organisation } }] : [];
    }),
    topics: [],
    sessions: sessions.map((s, i) => ({ id: `${row.id}-${i}`, startsAt: s.startsAt, endsAt: s.endsAt, allDay: s.allDay, label: s.label })),
  };
}

/** The submitter's byline organisation (their own organisation), or null when they have none. */
export async function bylineOrganisation(user: SessionUser) {
  requirePermission(user, 'contribution:create');
  if (!user.organisationId) return null;
  return db.organisation.findUnique({ where: { id: user.organisationId }, select: { id: true, name: true } });
}

/** Choices for the event submission form: organisations for the organiser, and the user's own. */
export async function eventFormOptions(user: SessionUser) {
  requirePermission(user, 'contribution:create');
  const [organisations, own, topics] = await Promise.all([
    db.organisation.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true } }),
    user.organisationId ? db.organisation.findUnique({ where: { id: user.organisationId }, select: { name: true } }) : null,
    // Topics are public (the events filter lists them).
    db.topic.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true } }),
  ]);
  return {
    topics: topics.map((t) => ({ value: t.id, label: t.name })),
    organisations: organisations.filter((o) => o.id !== user.organisationId).map((o) => ({ value: o.id, label: o.name })),
    ownOrganisation: own?.name ?? 'none',
  };
}

/** Issues an editor may accept into (soonest month first), with their sections in order. */
export async function acceptTargets(user: SessionUser) {
  requirePermission(user, 'contribution:review');
  return db.issue.findMany({
    where: { status: { in: [...OPEN_ISSUE_STATUSES] } },
    orderBy: [{ month: 'asc' }, { title: 'asc' }],
    select: {
      id: true,
      title: true,
      status: true,
      month: true,
      sections: { orderBy: { position: 'asc' }, select: { id: true, title: true, kind: true } },
    },
  });
}

/** For the dashboard: how many submissions wait for review. */
export async function countWaiting(user: SessionUser) {
  requirePermission(user, 'contribution:review');
  return db.contribution.count({ where: { status: 'SUBMITTED' } });
}

/** For the dashboard: the user's own latest submissions. */
export async function mySubmissions(user: SessionUser, take = 10) {
  requirePermission(user, 'contribution:create');
  return db.contribution.findMany({
    where: { submittedById: user.id, status: { not: 'WITHDRAWN' } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take,
    select: { id: true, title: true, status: true },
  });
}

const NO_ORGANISATION =
  'Your account is not linked to an organisation, so your submission would have no byline. Ask an administrator to add your organisation.';

type Content = { title: string; body: Prisma.InputJsonValue; eventData: Prisma.InputJsonValue | typeof Prisma.DbNull };

/**
 * Title, body and (for events) the stored event data of a parsed submission. An
 * event's organiser defaults to the submitter's organisation; the organiser and
 * presenters must exist.
 */
async function contentOf(tx: Tx, input: SubmitContributionInput | UpdateContributionInput, organisationId: string): Promise<Content> {
  const field = input.kind === 'ARTICLE' ? 'body' : 'description';
  if ((await missingImages(tx, [input.kind === 'ARTICLE' ? input.body : input.description])).length) {
    throw new AppError('invalid', MISSING_IMAGE_MESSAGE, { fieldErrors: { [field]: [MISSING_IMAGE_MESSAGE] } });
  }
  if (input.kind === 'ARTICLE') return { title: input.title, body: json(input.body), eventData: Prisma.DbNull };
  const { title, description, kind: _kind, ...rest } = input as EventInput & { kind: 'EVENT'; id?: string; version?: number };
  const { id: _id, version: _version, ...event } = rest as typeof rest & { id?: string; version?: number };
  const organiserId = event.organiserId ?? organisationId;
  const organiser = await tx.organisation.findUnique({ where: { id: organiserId }, select: { id: true } });
  if (!organiser) {
    throw new AppError('invalid', 'That organisation no longer exists.', { fieldErrors: { organiserId: ['Choose an organiser from the list'] } });
  }
  if (event.presenterIds.length) {
    const found = await tx.person.count({ where: { id: { in: event.presenterIds } } });
    if (found !== event.presenterIds.length) {
      throw new AppError('invalid', 'A presenter you chose no longer exists.', { fieldErrors: { presenterIds: ['Choose presenters from the list'] } });
    }
  }
  return { title, body: json(description), eventData: json(toStoredEventData({ ...event, organiserId })) };
}

export async function submitContribution(user: SessionUser, input: SubmitContributionInput) {
  requirePermission(user, 'contribution:create');
  if (!user.organisationId) throw new AppError('invalid', NO_ORGANISATION);
  const organisationId = user.organisationId;
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } });
    if (!organisation) throw new AppError('invalid', NO_ORGANISATION);
    const content = await contentOf(tx, input, organisationId);
    const row = await tx.contribution.create({
      data: { kind: input.kind, ...content, organisationId, submittedById: user.id },
      select: { id: true, title: true, kind: true },
    });
    await audit(tx, {
      actorId: user.id,
      action: 'contribution.submit',
      entityType: 'Contribution',
      entityId: row.id,
      details: { kind: row.kind, title: row.title, organisationId },
    });
    return row;
  });
}

/**
 * Finds the row behind a conditional update that matched nothing, and says why:
 * not found (or not theirs), already decided, or changed since it was loaded.
 */
export async function explainMiss(tx: Tx, user: SessionUser, id: string, version: number, verb: string): Promise<never> {
  const where = readable(user) ?? { id: '00000000-0000-0000-0000-000000000000' };
  const row = await tx.contribution.findFirst({
    where: { id, ...where },
    select: { status: true, version: true, reviewedBy: { select: { name: true } } },
  });
  if (!row) throw new AppError('not_found', 'That submission no longer exists.');
  if (row.status !== 'SUBMITTED') {
    const by = row.reviewedBy?.name && row.status !== 'WITHDRAWN' ? ` by ${row.reviewedBy.name}` : '';
    throw new AppError('conflict', `This submission has already been ${row.status.toLowerCase()}${by}, so it cannot be ${verb}.`, { data: {
      status: row.status,
    } });
  }
  if (row.version !== version) {
    throw new AppError('conflict', 'This submission was changed after you opened it. Reload the page to see the latest version, then try again.', { data: { version: row.version } });
  }
  throw new AppError('not_found', 'That submission no longer exists.');
}

/** The own-or-any condition for changing a submission (contribution:update). */
function updatable(user: SessionUser): Prisma.ContributionWhereInput {
  const scope = scopeOf(user, 'contribution:update');
  if (scope === 'any') return {};
  return { submittedById: user.id };
}

export async function updateContribution(user: SessionUser, input: UpdateContributionInput) {
  requirePermission(user, 'contribution:update', { ownerId: user.id });
  return db.$transaction(async (tx) => {
    const current = await tx.contribution.findFirst({
      where: { id: input.id, ...updatable(user) },
      select: { kind: true, organisationId: true },
    });
    if (!current) throw new AppError('not_found', 'That submission no longer exists.');
    if (current.kind !== input.kind) throw new AppError('invalid', 'This form is for a different kind of submission. Reload the page.');
    const content = await contentOf(tx, input, current.organisationId);
    const updated = await tx.contribution.updateMany({
      where: { id: input.id, ...updatable(user), status: 'SUBMITTED', version: input.version },
      data: { ...content, version: { increment: 1 } },
    });
    if (updated.count === 0) return explainMiss(tx, user, input.id, input.version, 'changed');
    await audit(tx, {
      actorId: user.id,
      action: 'contribution.update',
      entityType: 'Contribution',
      entityId: input.id,
      details: { version: input.version + 1, title: input.title },
    });
    return { id: input.id, version: input.version + 1 };
  });
}

export async function withdrawContribution(user: SessionUser, input: WithdrawContributionInput) {
  requirePermission(user, 'contribution:update', { ownerId: user.id });
  return db.$transaction(async (tx) => {
    const updated = await tx.contribution.updateMany({
      where: { id: input.id, ...updatable(user), status: 'SUBMITTED', version: input.version },
      data: { status: 'WITHDRAWN', version: { increment: 1 } },
    });
    if (updated.count === 0) return explainMiss(tx, user, input.id, input.version, 'withdrawn');
    await audit(tx, { actorId: user.id, action: 'contribution.withdraw', entityType: 'Contribution', entityId: input.id });
    return { id: input.id };
  });
}

export async function declineContribution(user: SessionUser, input: DeclineContributionInput) {
  requirePermission(user, 'contribution:review');
  return db.$transaction(async (tx) => {
    const updated = await tx.contribution.updateMany({
      where: { id: input.id, status: 'SUBMITTED', version: input.version },
      data: {
        status: 'DECLINED',
        declineReason: input.reason,
        reviewedById: user.id,
        reviewedAt: new Date(),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) return explainMiss(tx, user, input.id, input.version, 'declined');
    await audit(tx, {
      actorId: user.id,
      action: 'contribution.decline',
      entityType: 'Contribution',
      entityId: input.id,
      details: { reason: input.reason },
    });
    return { id: input.id };
  });
}
