import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createPersonSchema, mergePeopleSchema, updatePersonSchema } from '@/lib/validation/people';
import { createOrganisationSchema, mergeOrganisationsSchema } from '@/lib/validation/organisations';
import { DEMO_USERS, seed } from '@/prisma/seed/index';
import { createTestDatabase, type TestDatabase } from '../support/db';

// People and organisations admin: the data layer (lib/data/people.ts,
// lib/data/organisations.ts) against a real, seeded database, for each role.

let testDb: TestDatabase;
let people: typeof import('@/lib/data/people');
let organisations: typeof import('@/lib/data/organisations');
const as: Record<'admin' | 'editor' | 'sponsor' | 'contributor', SessionUser> = {} as never;

const globalForDb = globalThis as unknown as { __db?: { $disconnect(): Promise<void> } };

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seed(testDb.prisma, { now: new Date('2025-10-24T12:00:00Z') });
  // lib/db.ts creates its client from DATABASE_URL on first use.
  delete globalForDb.__db;
  process.env.DATABASE_URL = testDb.url;
  people = await import('@/lib/data/people');
  organisations = await import('@/lib/data/organisations');
  for (const key of ['admin', 'editor', 'sponsor', 'contributor'] as const) {
    const u = await testDb.prisma.user.findUniqueOrThrow({
      where: { email: DEMO_USERS[key].email },
      select: { id: true, email: true, name: true, role: true },
    });
    as[key] = { ...u, active: true, organisationId: null, personId: null };
  }
});

afterAll(async () => {
  await globalForDb.__db?.$disconnect();
  delete globalForDb.__db;
  await testDb?.drop();
});

async function auditRows(action: string, entityId: string) {
  return testDb.prisma.auditLog.findMany({ where: { action, entityId }, select: { actorId: true, details: true } });
}

describe('people: permissions', () => {
  it('lets every role list people, and searches by name', async () => {
    for (const user of Object.values(as)) {
      const { people: list, total } = await people.listPeople(user, { q: 'abdul' });
      expect(total).toBe(1);
      expect(list[0]!.name).toBe('Abdul Kahar');
    }
  });

  it('paginates 50 a page', async () => {
    for (let i = 0; i < 55; i++) {
      await testDb.prisma.person.create({
        data: { slug: `paged-${i}`, name: `Paged Person ${String(i).padStart(2, '0')}` },
      });
    }
    const first = await people.listPeople(as.editor, { q: 'Paged Person' });
    const second = await people.listPeople(as.editor, { q: 'paged person', page: 2 });
    expect(first.total).toBe(55);
    expect(first.pageCount).toBe(2);
    expect(first.people).toHaveLength(50);
    expect(second.people.map((p) => p.name)).toEqual([
      'Paged Person 50',
      'Paged Person 51',
      'Paged Person 52',
      'Paged Person 53',
      'Paged Person 54',
    ]);
  });

  it('refuses create to contributors and sponsors, and edit/merge/delete too', async () => {
    const input = createPersonSchema.parse({ name: 'Not Allowed' });
    for (const user of [as.contributor, as.sponsor]) {
      await expect(people.createPerson(user, input)).rejects.toMatchObject({ code: 'forbidden' });
      const someone = await testDb.prisma.person.findFirstOrThrow({ select: { id: true } });
      await expect(
        people.updatePerson(user, { id: someone.id, name: 'X', jobTitle: null, organisationId: null }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(people.deletePerson(user, someone.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(people.mergePeople(user, { sourceId: someone.id, targetId: someone.id })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect(await testDb.prisma.person.count({ where: { name: 'Not Allowed' } })).toBe(0);
  });

  it('refuses a deactivated editor', async () => {
    await expect(
      people.createPerson({ ...as.editor, active: false }, createPersonSchema.parse({ name: 'Nope' })),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('people: create, edit, delete', () => {
  it('an editor creates a person with a unique slug and an audit row', async () => {
    const org = await testDb.prisma.organisation.findUniqueOrThrow({
      where: { slug: 'coventry-city-council' },
      select: { id: true },
    });
    const a = await people.createPerson(
      as.editor,
      createPersonSchema.parse({ name: 'Abdul Kahar', jobTitle: ' Social Worker ', organisationId: org.id }),
    );
    expect(a.slug).toBe('abdul-kahar-2');
    const row = await testDb.prisma.person.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ name: 'Abdul Kahar', jobTitle: 'Social Worker', organisationId: org.id });
    expect(await auditRows('person.create', a.id)).toEqual([
      { actorId: as.editor.id, details: { name: 'Abdul Kahar' } },
    ]);
  });

  it('an editor edits a person; a missing person is a 404', async () => {
    const p = await people.createPerson(as.editor, createPersonSchema.parse({ name: 'Jo Bloggs' }));
    await people.updatePerson(
      as.editor,
      updatePersonSchema.parse({ id: p.id, name: 'Jo Bloggs-Smith', jobTitle: 'Team Manager', organisationId: '' }),
    );
    expect(
      await testDb.prisma.person.findUniqueOrThrow({ where: { id: p.id }, select: { name: true, jobTitle: true } }),
    ).toEqual({ name: 'Jo Bloggs-Smith', jobTitle: 'Team Manager' });
    expect(await auditRows('person.update', p.id)).toHaveLength(1);
    await expect(
      people.updatePerson(as.editor, {
        id: '00000000-0000-4000-8000-000000000000',
        name: 'X',
        jobTitle: null,
        organisationId: null,
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('deletes an unreferenced person, but not one named in a byline', async () => {
    const p = await people.createPerson(as.editor, createPersonSchema.parse({ name: 'Delete Me' }));
    await people.deletePerson(as.editor, p.id);
    expect(await testDb.prisma.person.findUnique({ where: { id: p.id } })).toBeNull();
    expect(await auditRows('person.delete', p.id)).toHaveLength(1);

    const abdul = await testDb.prisma.person.findUniqueOrThrow({
      where: { slug: 'abdul-kahar' },
      select: { id: true },
    });
    await expect(people.deletePerson(as.editor, abdul.id)).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/cannot be deleted.*byline/),
    });
    expect(await testDb.prisma.person.findUnique({ where: { id: abdul.id } })).not.toBeNull();
  });
});

describe('people: merge duplicates', () => {
  it('moves bylines, presenter entries, signatures and the linked user, then deletes the duplicate', async () => {
    const keep = await testDb.prisma.person.findUniqueOrThrow({ where: { slug: 'abdul-kahar' }, select: { id: true } });
    const [keptByline] = await testDb.prisma.sectionByline.findMany({
      where: { personId: keep.id },
      select: { sectionId: true },
    });
    const otherSection = await testDb.prisma.section.findFirstOrThrow({
      where: { bylines: { none: { personId: keep.id } } },
      select: { id: true },
    });
    const event = await testDb.prisma.event.findFirstOrThrow({
      where: { presenters: { none: { personId: keep.id } } },
      select: { id: true },
    });
    const intro = await testDb.prisma.section.findFirstOrThrow({
      where: { kind: 'INTRO' },
      select: { id: true, signatoryId: true },
    });

    const dup = await testDb.prisma.person.create({
      data: { slug: 'a-kahar-dup', name: 'A. Kahar', jobTitle: 'Participation Lead' },
      select: { id: true },
    });
    await testDb.prisma.sectionByline.createMany({
      data: [
        { sectionId: keptByline!.sectionId, personId: dup.id, position: 90 }, // the target is already on this one
        { sectionId: otherSection.id, personId: dup.id, position: 91 },
      ],
    });
    await testDb.prisma.eventPresenter.create({ data: { eventId: event.id, personId: dup.id, position: 90 } });
    await testDb.prisma.section.update({ where: { id: intro.id }, data: { signatoryId: dup.id } });
    const dupUser = await testDb.prisma.user.create({
      data: { email: 'dup-user@example.org', name: 'A. Kahar', role: 'CONTRIBUTOR', personId: dup.id },
      select: { id: true },
    });

    expect(mergePeopleSchema.safeParse({ sourceId: dup.id, targetId: dup.id }).success).toBe(false);
    await expect(people.mergePeople(as.editor, { sourceId: dup.id, targetId: dup.id })).rejects.toMatchObject({
      status: 400,
    });

    const result = await people.mergePeople(as.editor, { sourceId: dup.id, targetId: keep.id });
    expect(result).toEqual({ id: keep.id, name: 'Abdul Kahar', mergedName: 'A. Kahar' });

    expect(await testDb.prisma.person.findUnique({ where: { id: dup.id } })).toBeNull();
    // No dangling references to the duplicate anywhere.
    expect(await testDb.prisma.sectionByline.count({ where: { personId: dup.id } })).toBe(0);
    expect(await testDb.prisma.eventPresenter.count({ where: { personId: dup.id } })).toBe(0);
    expect(await testDb.prisma.section.count({ where: { signatoryId: dup.id } })).toBe(0);
    // All moved to the person kept.
    expect(
      await testDb.prisma.sectionByline.count({
        where: { personId: keep.id, sectionId: { in: [keptByline!.sectionId, otherSection.id] } },
      }),
    ).toBe(2);
    expect(await testDb.prisma.eventPresenter.count({ where: { personId: keep.id, eventId: event.id } })).toBe(1);
    expect((await testDb.prisma.section.findUniqueOrThrow({ where: { id: intro.id } })).signatoryId).toBe(keep.id);
    expect((await testDb.prisma.user.findUniqueOrThrow({ where: { id: dupUser.id } })).personId).toBe(keep.id);

    const [row] = await auditRows('person.merge', keep.id);
    expect(row).toMatchObject({
      actorId: as.editor.id,
      details: {
        mergedId: dup.id,
        mergedName: 'A. Kahar',
        bylinesMoved: 1,
        bylinesDropped: 1,
        presentersMoved: 1,
        signaturesMoved: 1,
        userMoved: dupUser.id,
      },
    });
  });

  it('leaves the target’s own user linked and unlinks the duplicate’s', async () => {
    const keep = await testDb.prisma.person.findUniqueOrThrow({
      where: { slug: 'emma-taylor' },
      select: { id: true, user: { select: { id: true } } },
    });
    expect(keep.user).not.toBeNull();
    const dup = await testDb.prisma.person.create({
      data: { slug: 'emma-taylor-dup', name: 'Emma Taylor' },
      select: { id: true },
    });
    const dupUser = await testDb.prisma.user.create({
      data: { email: 'emma-dup@example.org', name: 'Emma T', role: 'SPONSOR', personId: dup.id },
      select: { id: true },
    });
    await people.mergePeople(as.editor, { sourceId: dup.id, targetId: keep.id });
    expect((await testDb.prisma.user.findUniqueOrThrow({ where: { id: keep.user!.id } })).personId).toBe(keep.id);
    expect((await testDb.prisma.user.findUniqueOrThrow({ where: { id: dupUser.id } })).personId).toBeNull();
  });

  it('is a 404 when the duplicate is already gone', async () => {
    const keep = await testDb.prisma.person.findUniqueOrThrow({ where: { slug: 'abdul-kahar' }, select: { id: true } });
    await expect(
      people.mergePeople(as.editor, { sourceId: '00000000-0000-4000-8000-000000000000', targetId: keep.id }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('people: schemas', () => {
  it('reject unknown fields and missing names', () => {
    expect(createPersonSchema.safeParse({ name: 'A', slug: 'x' }).success).toBe(false);
    expect(createPersonSchema.safeParse({ name: '  ' }).error?.issues[0]?.message).toBe('Enter a name');
    expect(createPersonSchema.safeParse({ name: 'A', organisationId: 'not-a-uuid' }).success).toBe(false);
    expect(createPersonSchema.parse({ name: ' A ', jobTitle: '', organisationId: '' })).toEqual({
      name: 'A',
      jobTitle: null,
      organisationId: null,
    });
  });
});

describe('organisations', () => {
  it('only admins create and edit; editors, sponsors and contributors read', async () => {
    const input = createOrganisationSchema.parse({
      name: 'Test Partnership',
      kind: 'PARTNER',
      website: 'https://example.org',
    });
    for (const user of [as.editor, as.sponsor, as.contributor]) {
      await expect(organisations.createOrganisation(user, input)).rejects.toMatchObject({ code: 'forbidden' });
      expect((await organisations.listOrganisations(user, { q: 'coventry' })).total).toBe(1);
    }
    const created = await organisations.createOrganisation(as.admin, input);
    expect(created.slug).toBe('test-partnership');
    expect(await auditRows('organisation.create', created.id)).toHaveLength(1);
  });

  it('accepts https websites only', () => {
    const base = { name: 'X', kind: 'COUNCIL' };
    expect(createOrganisationSchema.safeParse({ ...base, website: 'http://example.org' }).success).toBe(false);
    expect(createOrganisationSchema.safeParse({ ...base, website: 'javascript:alert(1)' }).success).toBe(false);
    expect(createOrganisationSchema.safeParse({ ...base, website: 'https://example.org/page' }).success).toBe(true);
    expect(createOrganisationSchema.safeParse({ ...base, website: '' }).data?.website).toBeNull();
    expect(createOrganisationSchema.safeParse({ ...base, kind: 'CHARITY' }).success).toBe(false);
    expect(createOrganisationSchema.safeParse({ ...base, slug: 'x' }).success).toBe(false);
  });

  it('merges a duplicate: people, users, organised events and byline organisations move', async () => {
    const keep = await testDb.prisma.organisation.findUniqueOrThrow({
      where: { slug: 'coventry-city-council' },
      select: { id: true },
    });
    const dup = await testDb.prisma.organisation.create({
      data: { slug: 'coventry-cc-dup', name: 'Coventry CC', shortName: 'CCC', kind: 'COUNCIL' },
      select: { id: true },
    });
    const person = await testDb.prisma.person.create({
      data: { slug: 'coventry-person', name: 'Cov Person', organisationId: dup.id },
      select: { id: true },
    });
    const user = await testDb.prisma.user.create({
      data: { email: 'cov@example.org', name: 'Cov', role: 'CONTRIBUTOR', organisationId: dup.id },
      select: { id: true },
    });
    const event = await testDb.prisma.event.findFirstOrThrow({ select: { id: true } });
    await testDb.prisma.event.update({ where: { id: event.id }, data: { organiserId: dup.id } });
    const section = await testDb.prisma.section.findFirstOrThrow({ select: { id: true } });
    await testDb.prisma.section.update({ where: { id: section.id }, data: { bylineOrganisationId: dup.id } });
    const contribution = await testDb.prisma.contribution.create({
      data: { kind: 'ARTICLE', title: 'News', body: { type: 'doc', content: [] }, organisationId: dup.id, submittedById: user.id },
      select: { id: true },
    });

    await expect(
      organisations.mergeOrganisations(as.editor, { sourceId: dup.id, targetId: keep.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(mergeOrganisationsSchema.safeParse({ sourceId: keep.id, targetId: keep.id }).success).toBe(false);
    await organisations.mergeOrganisations(as.admin, { sourceId: dup.id, targetId: keep.id });

    expect(await testDb.prisma.organisation.findUnique({ where: { id: dup.id } })).toBeNull();
    expect((await testDb.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).organisationId).toBe(keep.id);
    expect((await testDb.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).organisationId).toBe(keep.id);
    expect((await testDb.prisma.event.findUniqueOrThrow({ where: { id: event.id } })).organiserId).toBe(keep.id);
    expect((await testDb.prisma.section.findUniqueOrThrow({ where: { id: section.id } })).bylineOrganisationId).toBe(
      keep.id,
    );
    expect((await testDb.prisma.contribution.findUniqueOrThrow({ where: { id: contribution.id } })).organisationId).toBe(keep.id);
    expect((await testDb.prisma.organisation.findUniqueOrThrow({ where: { id: keep.id } })).shortName).toBe('CCC');
    expect(await auditRows('organisation.merge', keep.id)).toHaveLength(1);
  });
});

describe('people: what each role sees', () => {
  it('shows the linked user’s email address only to those who may read users', async () => {
    const emma = await testDb.prisma.person.findUniqueOrThrow({ where: { slug: 'emma-taylor' }, select: { id: true } });
    expect((await people.getPerson(as.admin, emma.id))?.user?.email).toBe(DEMO_USERS.sponsor.email);
    for (const user of [as.editor, as.sponsor, as.contributor]) {
      const seen = await people.getPerson(user, emma.id);
      expect(seen?.user).toEqual({ id: expect.any(String), email: null });
    }
  });
});
