import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { parseBulletinText } from '@/lib/import/parse-text';
import { readBulletin } from '../support/bulletins';
import { createTestDatabase, type TestDatabase } from '../support/db';

// A parsed bulletin becomes one DRAFT issue with its sections, events and sessions,
// in one transaction with its audit row; names match existing people, never new ones.

let testDb: TestDatabase;
let importer: typeof import('@/lib/data/import');
let importBatch: (typeof import('@/lib/data/import'))['importBatch'];
let editor: SessionUser;
let sponsor: SessionUser;

const october = () => parseBulletinText(readBulletin('2025-10-regional-update.txt'));

async function makeUser(role: SessionUser['role'], email: string): Promise<SessionUser> {
  const u = await testDb.prisma.user.create({ data: { email, name: `Test ${role}`, role }, select: { id: true } });
  return { id: u.id, email, name: `Test ${role}`, role, active: true, organisationId: null, personId: null };
}

const counts = async () => ({
  issues: await testDb.prisma.issue.count(),
  events: await testDb.prisma.event.count(),
  imports: await testDb.prisma.auditLog.count({ where: { action: 'issue.import' } }),
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  importer = await import('@/lib/data/import');
  importBatch = importer.importBatch;
  editor = await makeUser('EDITOR', 'editor-import@example.org');
  sponsor = await makeUser('SPONSOR', 'sponsor-import@example.org');
  await testDb.prisma.person.createMany({
    data: [
      { slug: 'emma-taylor-import', name: 'Emma Taylor' },
      { slug: 'delroy-madden-import', name: 'Delroy Madden' },
      { slug: 'abdul-kahar-import', name: 'Abdul Kahar' },
      // Two people share this name, so the importer must not pick one.
      { slug: 'rachel-hiller-a', name: 'Professor Rachel Hiller' },
      { slug: 'rachel-hiller-b', name: 'Professor Rachel Hiller' },
    ],
  });
});

afterAll(async () => {
  await testDb?.drop();
});

describe('creating a draft issue from an imported bulletin', () => {
  it('creates the October 2025 issue as a DRAFT with its sections, events and audit row', async () => {
    const peopleBefore = await testDb.prisma.person.count();
    const created = await importer.createIssueFromImport(editor, october(), { slug: 'imported-october-2025' });
    const issue = await testDb.prisma.issue.findUniqueOrThrow({
      where: { id: created.id },
      select: {
        status: true,
        month: true,
        title: true,
        sections: {
          orderBy: { position: 'asc' },
          select: {
            kind: true,
            title: true,
            signOff: true,
            signatory: { select: { name: true } },
            body: true,
            events: {
              orderBy: { position: 'asc' },
              select: {
                event: {
                  select: {
                    title: true,
                    registrationDeadline: true,
                    presenters: { select: { person: { select: { name: true } } } },
                    sessions: { orderBy: { startsAt: 'asc' }, select: { startsAt: true, label: true } },
                  },
                },
              },
            },
          },
        },
      },
    });
    expect(issue.status).toBe('DRAFT');
    expect(issue.month.toISOString().slice(0, 10)).toBe('2025-10-01');
    expect(issue.sections.map((s) => s.kind)).toEqual([
      'INTRO',
      'ARTICLE',
      'ARTICLE',
      'ARTICLE',
      'ARTICLE',
      'ARTICLE',
      'ARTICLE',
      'EVENT_LIST',
      'EVENT_LIST',
    ]);
    expect(issue.sections[0]).toMatchObject({ signOff: 'Kind regards', signatory: { name: 'Emma Taylor' } });
    const events = issue.sections.flatMap((s) => s.events.map((e) => e.event));
    expect(events).toHaveLength(9);
    const whosGotYou = events.find((e) => e.title.startsWith('Who’s Got You? – For Social Workers'))!;
    expect(whosGotYou.sessions.map((s) => [s.startsAt.toISOString(), s.label])).toEqual([
      ['2025-11-04T09:30:00.000Z', null],
      ['2025-11-11T09:30:00.000Z', null],
      ['2025-11-18T09:30:00.000Z', null],
      ['2025-11-25T09:30:00.000Z', 'Practice Educators only'],
    ]);
    expect(whosGotYou.registrationDeadline?.toISOString().slice(0, 10)).toBe('2025-10-13');
    expect(events.find((e) => e.title.startsWith('Naming the Silence'))!.presenters.map((p) => p.person.name)).toEqual([
      'Delroy Madden',
    ]);
    expect(events.find((e) => e.title.startsWith('Learning from Research'))!.presenters).toEqual([]);
    expect(await testDb.prisma.person.count()).toBe(peopleBefore);

    const log = await testDb.prisma.auditLog.findMany({
      where: { action: 'issue.import', entityId: created.id },
      select: { actorId: true, details: true },
    });
    expect(log).toHaveLength(1);
    expect(log[0]!.actorId).toBe(editor.id);
    expect(log[0]!.details).toMatchObject({ sections: 9, events: 9, unmatchedNames: ['Professor Rachel Hiller'] });
    expect(await testDb.prisma.auditLog.count({ where: { action: 'event.create', actorId: editor.id } })).toBe(9);
  });

  it('links the June 2024 master classes to their organisers by full or short name, and creates no organisation', async () => {
    await testDb.prisma.organisation.createMany({
      data: [
        { slug: 'warwickshire-import', name: 'Warwickshire County Council', kind: 'COUNCIL' },
        {
          slug: 'dudley-import',
          name: 'Dudley Metropolitan Borough Council',
          shortName: 'Dudley MBC',
          kind: 'COUNCIL',
        },
      ],
    });
    const before = await testDb.prisma.organisation.count();
    const june = parseBulletinText(readBulletin('2024-06-regional-update.txt'));
    const created = await importer.createIssueFromImport(editor, june);
    expect(created.slug).toBe('regional-update-june-2024');
    expect(created.unmatchedOrganisations).toEqual([]);
    expect(created.unmatchedNames).toEqual(['Michelle Warren', 'Daniel Atkins', 'Nigel Jones', 'Nicola Hale']);
    const events = await testDb.prisma.event.findMany({
      where: { sections: { some: { section: { issueId: created.id } } } },
      orderBy: { title: 'asc' },
      select: { title: true, mode: true, organiser: { select: { name: true } } },
    });
    expect(events).toEqual([
      {
        title: 'Regional Master Class: Dudley MBC',
        mode: 'ONLINE',
        organiser: { name: 'Dudley Metropolitan Borough Council' },
      },
      {
        title: 'Regional Master Class: Warwickshire County Council',
        mode: 'ONLINE',
        organiser: { name: 'Warwickshire County Council' },
      },
    ]);
    expect(await testDb.prisma.organisation.count()).toBe(before);
    const focus = await testDb.prisma.section.findFirstOrThrow({
      where: { issueId: created.id, title: 'A Focus on Participation' },
      select: { bylines: { select: { person: { select: { name: true } } } } },
    });
    expect(focus.bylines.map((b) => b.person.name)).toEqual(['Abdul Kahar']);
  });

  it('refuses a slug already taken and creates nothing', async () => {
    const before = await counts();
    await expect(
      importer.createIssueFromImport(editor, october(), { slug: 'imported-october-2025' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await counts()).toEqual(before);
  });

  it('rolls everything back when one event cannot be written', async () => {
    const before = await counts();
    const draft = october();
    const last = draft.sections.at(-1)!.events.at(-1)!;
    // The database refuses a session that ends when it starts (EventSession_ends_after_starts).
    last.sessions[0]!.endsAt = last.sessions[0]!.startsAt;
    await expect(
      importer.createIssueFromImport(editor, draft, { slug: 'imported-october-2025-broken' }),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it('refuses a sponsor, who may not create issues, and a draft with no month', async () => {
    await expect(importer.createIssueFromImport(sponsor, october(), { slug: 'sponsor-import' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const noMonth = parseBulletinText('Our news\n\nSome text.');
    await expect(importer.createIssueFromImport(editor, noMonth)).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('a batch of files', () => {
  it('makes one draft per readable file and reports each, a bad file not stopping the rest', async () => {
    const page = '<h1>Regional Update – January 2026</h1><h2>News From Walsall:</h2><p>A new hub opened.</p>';
    const text = 'Regional Update – February 2026\n\nNews From Coventry:\nA new school opened.';
    const report = await importBatch(editor, [
      { name: 'jan.html', bytes: new TextEncoder().encode(page) },
      { name: 'notes.pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
      { name: 'feb.txt', bytes: new TextEncoder().encode(text) },
      { name: 'feb-again.txt', bytes: new TextEncoder().encode(text) },
    ]);
    expect(report.map((r) => [r.file, r.ok, r.issue?.slug ?? null])).toEqual([
      ['jan.html', true, 'regional-update-january-2026'],
      ['notes.pdf', false, null],
      ['feb.txt', true, 'regional-update-february-2026'],
      ['feb-again.txt', false, null],
    ]);
    expect(report[1]!.messages[0]).toMatch(/not a file the importer reads/);
    expect(report[3]!.messages).toEqual(['An issue already uses this slug. Choose a different one.']);
    const made = await testDb.prisma.issue.findMany({
      where: { slug: { in: ['regional-update-january-2026', 'regional-update-february-2026'] } },
      select: { status: true, sections: { select: { title: true } } },
    });
    expect(made.map((i) => [i.status, i.sections.map((s) => s.title)])).toEqual(
      expect.arrayContaining([
        ['DRAFT', ['News From Walsall']],
        ['DRAFT', ['News From Coventry']],
      ]),
    );
  });

  it('refuses a sponsor before reading any file', async () => {
    await expect(importBatch(sponsor, [{ name: 'a.txt', bytes: new Uint8Array() }])).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
