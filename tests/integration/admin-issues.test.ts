import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createIssueSchema } from '@/lib/validation/issues';
import { addSectionSchema, deleteSectionSchema, reorderSectionSchema } from '@/lib/validation/sections';
import { createTestDatabase, type TestDatabase } from '../support/db';

// The issue admin's data layer: new issues from the template, slug clashes,
// duplicating, reordering under the unique (issueId, position) constraint, deleting.

let testDb: TestDatabase;
let issues: typeof import('@/lib/data/issues-admin');
let sections: typeof import('@/lib/data/sections');
let editor: SessionUser;
let sponsor: SessionUser;

async function makeUser(role: SessionUser['role'], email: string): Promise<SessionUser> {
  const u = await testDb.prisma.user.create({ data: { email, name: `Test ${role}`, role }, select: { id: true } });
  return { id: u.id, email, name: `Test ${role}`, role, active: true, organisationId: null, personId: null };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  issues = await import('@/lib/data/issues-admin');
  sections = await import('@/lib/data/sections');
  editor = await makeUser('EDITOR', 'editor-issues@example.org');
  sponsor = await makeUser('SPONSOR', 'sponsor-issues@example.org');
});

afterAll(async () => {
  await testDb?.drop();
});

const positions = async (issueId: string) =>
  testDb.prisma.section.findMany({ where: { issueId }, orderBy: { position: 'asc' }, select: { id: true, title: true, position: true } });

describe('new issues', () => {
  it('creates a DRAFT from the template with four sections in order', async () => {
    const created = await issues.createIssue(editor, { title: 'Regional Update – December 2026', slug: 'regional-update-december-2026', year: 2026, month: 12 });
    const issue = await testDb.prisma.issue.findUniqueOrThrow({
      where: { id: created.id },
      select: { status: true, month: true, createdById: true, sections: { orderBy: { position: 'asc' }, select: { kind: true, title: true, position: true, body: true } } },
    });
    expect(issue.status).toBe('DRAFT');
    expect(issue.month.toISOString().slice(0, 10)).toBe('2026-12-01');
    expect(issue.createdById).toBe(editor.id);
    expect(issue.sections.map((s) => [s.position, s.kind, s.title])).toEqual([
      [0, 'INTRO', 'From our sponsor'],
      [1, 'EVENT_LIST', 'Upcoming Conferences and Events'],
      [2, 'EVENT_LIST', 'CPD Opportunities'],
      [3, 'EVENT_LIST', 'Key Events'],
    ]);
    expect(issue.sections[0]!.body).toEqual({ type: 'doc', content: [] });
    const logged = await testDb.prisma.auditLog.count({ where: { action: 'issue.create', entityId: created.id } });
    expect(logged).toBe(1);
  });

  it('refuses a slug that is already used, as a field error', async () => {
    await expect(
      issues.createIssue(editor, { title: 'Another', slug: 'regional-update-december-2026', year: 2027, month: 1 }),
    ).rejects.toMatchObject({ status: 409, fieldErrors: { slug: [expect.stringMatching(/already uses this slug/)] } });
  });

  it('does not let a sponsor create issues', async () => {
    await expect(issues.createIssue(sponsor, { title: 'X', slug: 'x-sponsor', year: 2027, month: 1 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('duplicates an issue with its sections, bylines and event links, as a new DRAFT', async () => {
    const p = testDb.prisma;
    const person = await p.person.create({ data: { slug: 'dup-person', name: 'Dup Person' }, select: { id: true } });
    const event = await p.event.create({ data: { slug: 'dup-event', title: 'Dup event', description: { type: 'doc', content: [] }, mode: 'ONLINE' }, select: { id: true } });
    const source = await p.issue.create({
      data: {
        slug: 'dup-source', title: 'Source', month: new Date('2026-10-01T00:00:00Z'), status: 'PUBLISHED', summary: 'Sum',
        sections: {
          create: [
            { position: 0, kind: 'INTRO', title: 'Intro', body: { type: 'doc', content: [] }, signOff: 'Kind regards', bylines: { create: { personId: person.id, position: 0 } } },
            { position: 1, kind: 'EVENT_LIST', title: 'Events', body: { type: 'doc', content: [] }, events: { create: { eventId: event.id, position: 0 } } },
          ],
        },
      },
      select: { id: true },
    });
    const copy = await issues.duplicateIssue(editor, { sourceIssueId: source.id, title: 'Copy', slug: 'dup-copy', year: 2026, month: 11 });
    const got = await p.issue.findUniqueOrThrow({
      where: { id: copy.id },
      select: {
        status: true, month: true, summary: true,
        sections: { orderBy: { position: 'asc' }, select: { title: true, signOff: true, bylines: { select: { personId: true } }, events: { select: { eventId: true } } } },
      },
    });
    expect(got.status).toBe('DRAFT');
    expect(got.month.toISOString().slice(0, 10)).toBe('2026-11-01');
    expect(got.summary).toBe('Sum');
    expect(got.sections.map((s) => s.title)).toEqual(['Intro', 'Events']);
    expect(got.sections[0]!.signOff).toBe('Kind regards');
    expect(got.sections[0]!.bylines).toEqual([{ personId: person.id }]);
    expect(got.sections[1]!.events).toEqual([{ eventId: event.id }]);
    await expect(
      issues.duplicateIssue(editor, { sourceIssueId: source.id, title: 'Copy 2', slug: 'dup-copy', year: 2026, month: 11 }),
    ).rejects.toMatchObject({ status: 409, fieldErrors: { slug: expect.any(Array) } });
  });
});

describe('sections of an issue', () => {
  it('adds a section at the end, and swaps neighbours keeping positions unique', async () => {
    const created = await issues.createIssue(editor, { title: 'Reorder', slug: 'reorder-test', year: 2027, month: 2 });
    const added = await sections.addSection(editor, { issueId: created.id, kind: 'ARTICLE', title: 'New article' });
    expect(added.position).toBe(4);
    const before = await positions(created.id);
    const cpd = before.find((s) => s.title === 'CPD Opportunities')!;

    const up = await sections.moveSection(editor, { sectionId: cpd.id, direction: 'up' });
    expect(up.moved).toBe(true);
    const after = await positions(created.id);
    expect(after.map((s) => s.title)).toEqual(['From our sponsor', 'CPD Opportunities', 'Upcoming Conferences and Events', 'Key Events', 'New article']);
    expect(after.map((s) => s.position)).toEqual([0, 1, 2, 3, 4]);

    // Moving the first section up, or the last down, changes nothing.
    expect((await sections.moveSection(editor, { sectionId: after[0]!.id, direction: 'up' })).moved).toBe(false);
    expect((await sections.moveSection(editor, { sectionId: after[4]!.id, direction: 'down' })).moved).toBe(false);

    // Concurrent moves are serialised and never break the constraint.
    await Promise.all([
      sections.moveSection(editor, { sectionId: after[1]!.id, direction: 'down' }),
      sections.moveSection(editor, { sectionId: after[3]!.id, direction: 'up' }),
      sections.moveSection(editor, { sectionId: after[4]!.id, direction: 'up' }),
    ]);
    const final = await positions(created.id);
    expect(new Set(final.map((s) => s.position)).size).toBe(5);
    expect(final.map((s) => s.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('adds a section at the start or straight after a chosen section, and refuses a section of another issue', async () => {
    const created = await issues.createIssue(editor, { title: 'Placed', slug: 'placed-test', year: 2027, month: 4 });
    const [intro] = await positions(created.id);
    await sections.addSection(editor, { issueId: created.id, kind: 'ARTICLE', title: 'After the intro', after: intro!.id });
    await sections.addSection(editor, { issueId: created.id, kind: 'ARTICLE', title: 'At the start', after: 'start' });
    const placed = await positions(created.id);
    expect(placed.map((s) => s.title)).toEqual([
      'At the start', 'From our sponsor', 'After the intro', 'Upcoming Conferences and Events', 'CPD Opportunities', 'Key Events',
    ]);
    expect(placed.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);

    const other = await issues.createIssue(editor, { title: 'Other', slug: 'placed-other', year: 2027, month: 5 });
    const [foreign] = await positions(other.id);
    await expect(
      sections.addSection(editor, { issueId: created.id, kind: 'ARTICLE', title: 'Nowhere', after: foreign!.id }),
    ).rejects.toMatchObject({ code: 'invalid', status: 400, fieldErrors: { after: expect.any(Array) } });
    expect(await positions(created.id)).toHaveLength(6);
  });

  it('does not let a sponsor reorder or delete', async () => {
    const [first] = await testDb.prisma.section.findMany({ take: 1, select: { id: true } });
    await expect(sections.moveSection(sponsor, { sectionId: first!.id, direction: 'down' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(sections.deleteSection(sponsor, first!.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('deletes a section, keeping its last text as a revision', async () => {
    const created = await issues.createIssue(editor, { title: 'Delete', slug: 'delete-test', year: 2027, month: 3 });
    const [, second] = await positions(created.id);
    const result = await sections.deleteSection(editor, second!.id);
    expect(result.issueId).toBe(created.id);
    expect((await positions(created.id)).map((s) => s.title)).toEqual(['From our sponsor', 'CPD Opportunities', 'Key Events']);
    expect(await testDb.prisma.revision.count({ where: { entityId: second!.id } })).toBe(1);
    expect(await testDb.prisma.auditLog.count({ where: { action: 'section.delete', entityId: second!.id } })).toBe(1);
    await expect(sections.deleteSection(editor, second!.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('issue and section schemas', () => {
  const valid = { title: 'Regional Update – December 2026', slug: 'regional-update-december-2026', year: '2026', month: '12', sourceIssueId: '' };
  it('accept the new-issue form as submitted', () => {
    expect(createIssueSchema.parse(valid)).toMatchObject({ year: 2026, month: 12, sourceIssueId: '' });
  });
  it('reject fields the user may not set', () => {
    for (const extra of [{ status: 'PUBLISHED' }, { version: 5 }, { role: 'ADMIN' }, { createdById: '00000000-0000-4000-8000-000000000000' }]) {
      const r = createIssueSchema.safeParse({ ...valid, ...extra });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.code).toBe('unrecognized_keys');
    }
    expect(addSectionSchema.safeParse({ issueId: '00000000-0000-4000-8000-000000000000', kind: 'ARTICLE', title: 'T', position: 0 }).success).toBe(false);
    expect(reorderSectionSchema.safeParse({ sectionId: '00000000-0000-4000-8000-000000000000', direction: 'sideways' }).success).toBe(false);
  });
  it('reject a bad slug or month, and a delete without confirmation', () => {
    expect(createIssueSchema.safeParse({ ...valid, slug: 'Not A Slug' }).success).toBe(false);
    expect(createIssueSchema.safeParse({ ...valid, month: '13' }).success).toBe(false);
    expect(deleteSectionSchema.safeParse({ sectionId: '00000000-0000-4000-8000-000000000000' }).success).toBe(false);
    expect(deleteSectionSchema.safeParse({ sectionId: '00000000-0000-4000-8000-000000000000', confirm: 'yes' }).success).toBe(true);
  });
});
