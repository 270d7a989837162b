import 'server-only';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { audit } from '@/lib/audit';
import { parseIsoDate } from '@/lib/dates';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseBulletinFile } from '@/lib/import/file';
import { blocksToDoc, paragraphsToDoc } from '@/lib/import/rich-text';
import type { BulletinDraft, DraftEvent } from '@/lib/import/types';
import { monthDate } from '@/lib/issues/template';
import { slugify } from '@/lib/slug';
import type { EventInput } from '@/lib/validation/events';
import { createEventInTx } from './event-create';

// A reviewed import (lib/import) becomes one DRAFT issue, its sections and their
// events, in one transaction with an `issue.import` audit row. Names are matched to
// existing people (and presenters' organisations to organisers) only when exactly one
// has that name; no person or organisation is ever created here, and the names left
// unmatched go in the audit row.
// Nothing is public until the issue is published, so no public page is revalidated.

type Tx = Prisma.TransactionClient;

const SLUG_TAKEN = 'An issue already uses this slug. Choose a different one.';

async function personIds(tx: Tx, names: string[]) {
  const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  const found = wanted.length
    ? await tx.person.findMany({
        where: { OR: wanted.map((name) => ({ name: { equals: name, mode: 'insensitive' as const } })) },
        select: { id: true, name: true },
      })
    : [];
  const ids = new Map<string, string>();
  const unmatched: string[] = [];
  for (const name of wanted) {
    const same = found.filter((p) => p.name.toLowerCase() === name.toLowerCase());
    if (same.length === 1) ids.set(name, same[0]!.id);
    else unmatched.push(name);
  }
  return { ids, unmatched };
}

/** Organisations by full or short name ("Dudley MBC"), again only when exactly one matches. */
async function organisationIds(tx: Tx, names: string[]) {
  const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  const found = wanted.length
    ? await tx.organisation.findMany({
        where: {
          OR: wanted.flatMap((n) => [
            { name: { equals: n, mode: 'insensitive' as const } },
            { shortName: { equals: n, mode: 'insensitive' as const } },
          ]),
        },
        select: { id: true, name: true, shortName: true },
      })
    : [];
  const ids = new Map<string, string>();
  const unmatched: string[] = [];
  for (const name of wanted) {
    const same = found.filter((o) => [o.name, o.shortName].some((x) => x?.toLowerCase() === name.toLowerCase()));
    if (same.length === 1) ids.set(name, same[0]!.id);
    else unmatched.push(name);
  }
  return { ids, unmatched };
}

function eventInput(e: DraftEvent, presenterIds: string[], organiserId: string | null): EventInput {
  const deadline = e.registrationDeadline ? parseIsoDate(e.registrationDeadline) : null;
  return {
    title: e.title,
    description: paragraphsToDoc(e.description),
    organiserId,
    audience: e.audience,
    isFree: e.isFree,
    cost: e.isFree ? null : e.cost,
    mode: e.mode,
    platform: e.mode === 'IN_PERSON' ? null : e.platform,
    venueName: e.mode === 'ONLINE' ? null : e.venueName,
    venueAddress: e.mode === 'ONLINE' ? null : e.venueAddress,
    registrationUrl: null,
    registrationContact: e.registrationContact,
    registrationOpens: null,
    registrationDeadline: deadline,
    saveTheDate: e.saveTheDate,
    presenterIds,
    topicIds: [],
    sessions: e.sessions.map((s) => ({
      id: null,
      date: parseIsoDate(s.date)!,
      allDay: s.allDay,
      startTime: s.start,
      endTime: s.end,
      label: s.label,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
    })),
  };
}

/** Creates the DRAFT issue an import describes; returns its id and slug. */
export async function createIssueFromImport(user: SessionUser, draft: BulletinDraft, input: { slug?: string } = {}) {
  requirePermission(user, 'issue:create');
  requirePermission(user, 'section:create');
  if (draft.sections.some((s) => s.events.length)) requirePermission(user, 'event:create');
  const month = draft.month ? parseIsoDate(draft.month) : null;
  if (!month)
    throw new AppError('invalid', 'Enter the month of the issue', {
      fieldErrors: { month: ['Enter the month of the issue'] },
    });
  const title = draft.title.trim();
  if (!title) throw new AppError('invalid', 'Enter a title', { fieldErrors: { title: ['Enter a title'] } });
  const slug = input.slug?.trim() || slugify(title);

  return db.$transaction(async (tx) => {
    if (await tx.issue.findUnique({ where: { slug }, select: { id: true } })) {
      throw new AppError('conflict', SLUG_TAKEN, { fieldErrors: { slug: [SLUG_TAKEN] } });
    }
    const names = draft.sections.flatMap((s) => [
      ...(s.signatory ? [s.signatory] : []),
      ...s.bylines,
      ...s.events.flatMap((e) => e.presenters),
    ]);
    const people = await personIds(tx, names);
    const organisations = await organisationIds(
      tx,
      draft.sections.flatMap((s) =>
        s.events.flatMap((e) => (e.presenterOrganisation ? [e.presenterOrganisation] : [])),
      ),
    );
    const issue = await tx.issue.create({
      data: {
        slug,
        title,
        month: monthDate(month.year, month.month),
        status: 'DRAFT',
        createdById: user.id,
        sections: {
          create: draft.sections.map((s, position) => ({
            position,
            kind: s.kind,
            title: s.title,
            body: blocksToDoc(s.blocks) as unknown as Prisma.InputJsonValue,
            signOff: s.signOff,
            signatoryId: s.signatory ? (people.ids.get(s.signatory) ?? null) : null,
            bylines: {
              create: s.bylines
                .flatMap((n) => people.ids.get(n) ?? [])
                .map((personId, position) => ({ personId, position })),
            },
          })),
        },
      },
      select: { id: true, slug: true, sections: { orderBy: { position: 'asc' }, select: { id: true } } },
    });
    let events = 0;
    for (const [i, s] of draft.sections.entries()) {
      const sectionId = issue.sections[i]!.id;
      for (const [position, e] of s.events.entries()) {
        const presenterIds = e.presenters.flatMap((n) => people.ids.get(n) ?? []);
        const organiserId = e.presenterOrganisation ? (organisations.ids.get(e.presenterOrganisation) ?? null) : null;
        const event = await createEventInTx(tx, eventInput(e, presenterIds, organiserId), user, { sectionId });
        await tx.sectionEvent.create({ data: { sectionId, eventId: event.id, position } });
        events++;
      }
    }
    const flags =
      draft.flags.length +
      draft.sections.reduce((n, s) => n + s.flags.length + s.events.reduce((m, e) => m + e.flags.length, 0), 0);
    await audit(tx, {
      actorId: user.id,
      action: 'issue.import',
      entityType: 'Issue',
      entityId: issue.id,
      details: {
        slug: issue.slug,
        sections: draft.sections.length,
        events,
        flags,
        unmatchedNames: people.unmatched,
        unmatchedOrganisations: organisations.unmatched,
      },
    });
    return {
      id: issue.id,
      slug: issue.slug,
      unmatchedNames: people.unmatched,
      unmatchedOrganisations: organisations.unmatched,
    };
  });
}

export type BatchReport = {
  file: string;
  ok: boolean;
  issue: { id: string; slug: string } | null;
  /** Why the file made no issue, or what the editor should check in the one it made. */
  messages: string[];
  flags: number;
};

/**
 * Several files, each to its own DRAFT issue in its own transaction, so one bad file
 * does not stop the rest; the report says what became of each.
 */
export async function importBatch(
  user: SessionUser,
  files: { name: string; bytes: Uint8Array }[],
): Promise<BatchReport[]> {
  requirePermission(user, 'issue:create');
  const report: BatchReport[] = [];
  for (const f of files) {
    const { draft } = await parseBulletinFile(f.name, f.bytes);
    const flags =
      draft.flags.length +
      draft.sections.reduce((n, s) => n + s.flags.length + s.events.reduce((m, e) => m + e.flags.length, 0), 0);
    const unreadable = draft.flags
      .filter((x) => x.field === 'file' && draft.sections.length === 0)
      .map((x) => x.reason);
    if (unreadable.length) {
      report.push({ file: f.name, ok: false, issue: null, messages: unreadable, flags });
      continue;
    }
    try {
      const created = await createIssueFromImport(user, draft);
      const messages = [
        ...created.unmatchedNames.map((n) => `No single person named ${n}`),
        ...created.unmatchedOrganisations.map((n) => `No single organisation named ${n}`),
      ];
      report.push({ file: f.name, ok: true, issue: { id: created.id, slug: created.slug }, messages, flags });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      report.push({ file: f.name, ok: false, issue: null, messages: [error.message], flags });
    }
  }
  return report;
}
