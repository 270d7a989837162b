// Seeds the two real bulletins (June 2024, October 2025), the organisations,
// people and topics they reference, a demo draft issue and demo users.
//
// Idempotent, create-if-missing: rows are keyed by their natural keys (slugs,
// emails) and never updated once they exist, so editors' changes survive a
// re-seed and a second run changes nothing.
import type { Prisma } from '../../lib/generated/prisma/client';
import type { Db } from '../../lib/prisma-client';
import { hashPassword } from '../../lib/auth/password';
import { writePublicationSnapshot } from '../../lib/workflow/publication-snapshot';
import { buildDemoIssue, DEMO_SLUG_PREFIX } from './demo-issue';
import { DEMO_USERS, type DemoUser } from './demo-users';
import { JUNE_2024 } from './issues/june-2024';
import { OCTOBER_2025 } from './issues/october-2025';
import { ORGANISATIONS } from './organisations';
import { PEOPLE } from './people';
import { calendarDate } from './time';
import { TOPICS } from './topics';
import type { EventSeed, IssueSeed, SectionSeed } from './types';

export type { Db };
export { DEMO_USERS } from './demo-users';

export type SeedOptions = {
  /** "Today" for the demo content (default: the current time). */
  now?: Date;
  /** Production: demo users with published default passwords are not created. */
  production?: boolean;
};

export type Counts = { created: number; existing: number };

export type SeedSummary = {
  organisations: Counts;
  people: Counts;
  topics: Counts;
  events: Counts;
  issues: { created: string[]; existing: string[] };
  demoIssue: { created: string | null; existing: string | null };
  users: { created: string[]; existing: string[]; skipped: string[]; note: string | null };
};

/** The real bulletins, oldest first. */
export const BULLETINS: readonly IssueSeed[] = [JUNE_2024, OCTOBER_2025];

type Tx = Prisma.TransactionClient;
type Refs = {
  organisations: Map<string, string>;
  people: Map<string, string>;
  topics: Map<string, string>;
};

// Serialises concurrent seeds (e.g. two app instances starting at once).
const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('regional-update-seed'))`;
const TX_OPTIONS = { maxWait: 30_000, timeout: 120_000 } as const;

function ref(map: Map<string, string>, slug: string, what: string): string {
  const id = map.get(slug);
  if (!id) throw new Error(`Seed data refers to unknown ${what} "${slug}"`);
  return id;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

async function seedReferenceData(prisma: Db, summary: SeedSummary): Promise<Refs> {
  const orgs = await prisma.organisation.createMany({ data: [...ORGANISATIONS], skipDuplicates: true });
  summary.organisations = { created: orgs.count, existing: ORGANISATIONS.length - orgs.count };
  const orgRows = await prisma.organisation.findMany({
    where: { slug: { in: ORGANISATIONS.map((o) => o.slug) } },
    select: { id: true, slug: true },
  });
  const organisations = new Map(orgRows.map((o) => [o.slug, o.id]));

  const people = await prisma.person.createMany({
    data: PEOPLE.map(({ organisation, ...person }) => ({
      ...person,
      organisationId: organisation ? ref(organisations, organisation, 'organisation') : null,
    })),
    skipDuplicates: true,
  });
  summary.people = { created: people.count, existing: PEOPLE.length - people.count };
  const personRows = await prisma.person.findMany({
    where: { slug: { in: PEOPLE.map((p) => p.slug) } },
    select: { id: true, slug: true },
  });

  const topics = await prisma.topic.createMany({ data: [...TOPICS], skipDuplicates: true });
  summary.topics = { created: topics.count, existing: TOPICS.length - topics.count };
  const topicRows = await prisma.topic.findMany({
    where: { slug: { in: TOPICS.map((t) => t.slug) } },
    select: { id: true, slug: true },
  });

  return {
    organisations,
    people: new Map(personRows.map((p) => [p.slug, p.id])),
    topics: new Map(topicRows.map((t) => [t.slug, t.id])),
  };
}

async function seedUsers(prisma: Db, refs: Refs, production: boolean, summary: SeedSummary): Promise<void> {
  const users: DemoUser[] = Object.values(DEMO_USERS);
  const emails = users.map((u) => u.email);
  if (production) {
    summary.users.skipped = emails;
    summary.users.note =
      'Production mode: demo users with default passwords were not created. Create real accounts instead.';
    return;
  }
  const existing = new Set(
    (await prisma.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((u) => u.email),
  );
  const missing = users.filter((u) => !existing.has(u.email));
  const personOrganisation = new Map(PEOPLE.map((p) => [p.slug as string, p.organisation]));
  const data: Prisma.UserCreateManyInput[] = await Promise.all(
    missing.map(async (u) => {
      const orgSlug = u.organisation ?? (u.person ? personOrganisation.get(u.person) : null) ?? null;
      return {
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash: await hashPassword(u.password),
        personId: u.person ? ref(refs.people, u.person, 'person') : null,
        organisationId: orgSlug ? ref(refs.organisations, orgSlug, 'organisation') : null,
      };
    }),
  );
  // skipDuplicates: a user created concurrently (or a person already linked to another account) is left alone.
  const created =
    data.length > 0
      ? await prisma.user.createManyAndReturn({ data, skipDuplicates: true, select: { email: true } })
      : [];
  const createdEmails = new Set(created.map((u) => u.email));
  const present = new Set(
    (await prisma.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((u) => u.email),
  );
  summary.users.created = emails.filter((e) => createdEmails.has(e));
  summary.users.existing = emails.filter((e) => present.has(e) && !createdEmails.has(e));
  summary.users.skipped = emails.filter((e) => !present.has(e));
  if (summary.users.skipped.length > 0) {
    summary.users.note = `Not created (their person is already linked to another account): ${summary.users.skipped.join(', ')}`;
  }
}

/** The event's id, creating it (with sessions, presenters and topics) if its slug is new. */
async function ensureEvent(
  tx: Tx,
  event: EventSeed,
  refs: Refs,
  createdById: string | null,
  summary: SeedSummary,
): Promise<string> {
  const existing = await tx.event.findUnique({ where: { slug: event.slug }, select: { id: true } });
  if (existing) {
    summary.events.existing += 1;
    return existing.id;
  }
  const created = await tx.event.create({
    data: {
      slug: event.slug,
      title: event.title,
      description: json(event.description),
      organiserId: event.organiser ? ref(refs.organisations, event.organiser, 'organisation') : null,
      audience: event.audience,
      isFree: event.price.isFree,
      cost: event.price.isFree ? null : event.price.cost,
      mode: event.mode,
      platform: event.platform ?? null,
      venueName: event.venueName ?? null,
      venueAddress: event.venueAddress ?? null,
      registrationContact: event.registrationContact ?? null,
      registrationDeadline: event.registrationDeadline ? calendarDate(event.registrationDeadline) : null,
      saveTheDate: event.saveTheDate ?? false,
      createdById,
      sessions: { create: event.sessions.map((s) => ({ ...s })) },
      presenters: {
        create: (event.presenters ?? []).map((slug, position) => ({
          personId: ref(refs.people, slug, 'person'),
          position,
        })),
      },
      topics: { create: (event.topics ?? []).map((slug) => ({ topicId: ref(refs.topics, slug, 'topic') })) },
    },
    select: { id: true },
  });
  summary.events.created += 1;
  return created.id;
}

async function createSection(
  tx: Tx,
  issueId: string,
  position: number,
  section: SectionSeed,
  refs: Refs,
  createdById: string | null,
  summary: SeedSummary,
): Promise<void> {
  const created = await tx.section.create({
    data: {
      issueId,
      position,
      kind: section.kind,
      title: section.title,
      body: json(section.body),
      signOff: section.kind === 'INTRO' ? section.signOff : null,
      signatoryId: section.kind === 'INTRO' ? ref(refs.people, section.signatory, 'person') : null,
      bylineOrganisationId: section.bylineOrganisation
        ? ref(refs.organisations, section.bylineOrganisation, 'organisation')
        : null,
      bylines: {
        create: (section.bylines ?? []).map((slug, i) => ({ personId: ref(refs.people, slug, 'person'), position: i })),
      },
      topics: { create: (section.topics ?? []).map((slug) => ({ topicId: ref(refs.topics, slug, 'topic') })) },
    },
    select: { id: true },
  });
  if (section.kind !== 'EVENT_LIST') return;
  for (const [i, event] of section.events.entries()) {
    const eventId = await ensureEvent(tx, event, refs, createdById, summary);
    await tx.sectionEvent.create({ data: { sectionId: created.id, eventId, position: i } });
  }
}

/** Creates the issue with its sections and events; false if an issue with its slug already exists. */
async function createIssue(
  tx: Tx,
  issue: IssueSeed,
  refs: Refs,
  createdById: string | null,
  summary: SeedSummary,
): Promise<boolean> {
  if (await tx.issue.findUnique({ where: { slug: issue.slug }, select: { id: true } })) return false;
  const { id } = await tx.issue.create({
    data: {
      slug: issue.slug,
      title: issue.title,
      month: calendarDate(issue.month),
      status: issue.status,
      summary: issue.summary,
      publishedAt: issue.publishedAt,
      createdById,
    },
    select: { id: true },
  });
  for (const [position, section] of issue.sections.entries()) {
    await createSection(tx, id, position, section, refs, createdById, summary);
  }
  // Readers see only the snapshot (decision 017), so a seeded live issue gets its first one.
  if (issue.status === 'PUBLISHED' || issue.status === 'ARCHIVED') {
    await writePublicationSnapshot(tx, id, null, issue.publishedAt ?? new Date());
  }
  return true;
}

export async function seed(prisma: Db, opts: SeedOptions = {}): Promise<SeedSummary> {
  const now = opts.now ?? new Date();
  const summary: SeedSummary = {
    organisations: { created: 0, existing: 0 },
    people: { created: 0, existing: 0 },
    topics: { created: 0, existing: 0 },
    events: { created: 0, existing: 0 },
    issues: { created: [], existing: [] },
    demoIssue: { created: null, existing: null },
    users: { created: [], existing: [], skipped: [], note: null },
  };

  const refs = await seedReferenceData(prisma, summary);
  await seedUsers(prisma, refs, opts.production ?? false, summary);

  for (const issue of BULLETINS) {
    const created = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(LOCK_SQL);
      return createIssue(tx, issue, refs, null, summary);
    }, TX_OPTIONS);
    (created ? summary.issues.created : summary.issues.existing).push(issue.slug);
  }

  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(LOCK_SQL);
    const existingDemo = await tx.issue.findFirst({
      where: { slug: { startsWith: DEMO_SLUG_PREFIX } },
      orderBy: { createdAt: 'asc' },
      select: { slug: true },
    });
    if (existingDemo) {
      summary.demoIssue.existing = existingDemo.slug;
      return;
    }
    const demo = buildDemoIssue(now);
    const editor = await tx.user.findUnique({ where: { email: DEMO_USERS.editor.email }, select: { id: true } });
    if (await createIssue(tx, demo, refs, editor?.id ?? null, summary)) summary.demoIssue.created = demo.slug;
  }, TX_OPTIONS);

  return summary;
}

/** A few lines for the CLI. */
export function formatSummary(s: SeedSummary): string {
  const counts = (c: Counts) => `${c.created} created, ${c.existing} already present`;
  const list = (items: string[]) => (items.length > 0 ? items.join(', ') : 'none');
  const lines = [
    `Organisations: ${counts(s.organisations)}`,
    `People:        ${counts(s.people)}`,
    `Topics:        ${counts(s.topics)}`,
    `Issues:        created ${list(s.issues.created)}; already present ${list(s.issues.existing)}`,
    `Events:        ${s.events.created} created, ${s.events.existing} reused (for the issues created above)`,
    `Demo issue:    ${
      s.demoIssue.created ? `created ${s.demoIssue.created}` : `not created (${s.demoIssue.existing} already present)`
    }`,
    `Demo users:    created ${list(s.users.created)}; already present ${list(s.users.existing)}; skipped ${list(s.users.skipped)}`,
  ];
  if (s.users.note) lines.push(`Note: ${s.users.note}`);
  return lines.join('\n');
}
