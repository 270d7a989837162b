import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createBylinePersonSchema, setSectionBylinesSchema, setSectionSignatorySchema } from '@/lib/validation/sections';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Bylines (people in order + organisation), the inline "new person" and the
// intro's signatory: data layer and server actions, permissions and audit rows.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
const revalidated = vi.hoisted(() => ({ tags: [] as string[], paths: [] as string[] }));
vi.mock('next/cache', () => ({
  revalidatePath: (p: string) => revalidated.paths.push(p),
  revalidateTag: (t: string) => revalidated.tags.push(t),
}));

let testDb: TestDatabase;
let sections: typeof import('@/lib/data/sections');
let actions: {
  setBylines: typeof import('@/lib/actions/sections/set-section-bylines').setSectionBylinesAction;
  createPerson: typeof import('@/lib/actions/sections/create-byline-person').createBylinePersonAction;
  setSignatory: typeof import('@/lib/actions/sections/set-section-signatory').setSectionSignatoryAction;
};
const as = {} as Record<'editor' | 'sponsor' | 'contributor', SessionUser>;
let issueId: string;
let articleId: string;
let introId: string;
let eventsId: string;
let publishedArticleId: string;
let orgId: string;
const person: Record<'a' | 'b' | 'c', string> = {} as never;

async function makeUser(role: SessionUser['role'], email: string): Promise<SessionUser> {
  return testDb.prisma.user.create({
    data: { email, name: `Test ${role}`, role },
    select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true },
  });
}

const bylineIds = async (sectionId: string) =>
  (await testDb.prisma.sectionByline.findMany({ where: { sectionId }, orderBy: { position: 'asc' }, select: { personId: true } })).map((b) => b.personId);

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  sections = await import('@/lib/data/sections');
  actions = {
    setBylines: (await import('@/lib/actions/sections/set-section-bylines')).setSectionBylinesAction,
    createPerson: (await import('@/lib/actions/sections/create-byline-person')).createBylinePersonAction,
    setSignatory: (await import('@/lib/actions/sections/set-section-signatory')).setSectionSignatoryAction,
  };
  as.editor = await makeUser('EDITOR', 'editor@bylines.test');
  as.sponsor = await makeUser('SPONSOR', 'sponsor@bylines.test');
  as.contributor = await makeUser('CONTRIBUTOR', 'contributor@bylines.test');
  orgId = (await testDb.prisma.organisation.create({ data: { slug: 'walsall', name: 'Walsall Council', kind: 'COUNCIL' }, select: { id: true } })).id;
  for (const [key, name] of [['a', 'Ann Able'], ['b', 'Ben Baker'], ['c', 'Cat Cole']] as const) {
    person[key] = (await testDb.prisma.person.create({ data: { slug: name.toLowerCase().replace(' ', '-'), name, organisationId: orgId }, select: { id: true } })).id;
  }
  const body = { type: 'doc', content: [] };
  const issue = await testDb.prisma.issue.create({
    data: {
      slug: 'bylines-draft',
      title: 'Bylines draft',
      month: new Date('2027-05-01T00:00:00Z'),
      sections: {
        create: [
          { position: 0, kind: 'INTRO', title: 'Intro', body },
          { position: 1, kind: 'ARTICLE', title: 'Article', body },
          { position: 2, kind: 'EVENT_LIST', title: 'Events', body },
        ],
      },
    },
    select: { id: true, sections: { orderBy: { position: 'asc' }, select: { id: true } } },
  });
  issueId = issue.id;
  [introId, articleId, eventsId] = issue.sections.map((s) => s.id) as [string, string, string];
  const published = await testDb.prisma.issue.create({
    data: {
      slug: 'bylines-published',
      title: 'Bylines published',
      month: new Date('2027-04-01T00:00:00Z'),
      status: 'PUBLISHED',
      publishedAt: new Date(),
      sections: { create: [{ position: 0, kind: 'ARTICLE', title: 'Out already', body }] },
    },
    select: { sections: { select: { id: true } } },
  });
  publishedArticleId = published.sections[0]!.id;
});

afterAll(async () => {
  await testDb?.drop();
});

describe('setSectionBylines', () => {
  it('names people in order with an organisation, without touching the text version, and audits the change', async () => {
    const result = await sections.setSectionBylines(as.editor, { sectionId: articleId, personIds: [person.b, person.a], bylineOrganisationId: orgId });
    expect(result.changed).toBe(true);
    expect(result.bylines.map((b) => b.person.name)).toEqual(['Ben Baker', 'Ann Able']);
    expect(result.bylineOrganisation).toEqual({ name: 'Walsall Council' });
    expect(await bylineIds(articleId)).toEqual([person.b, person.a]);
    expect((await testDb.prisma.section.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } })).version).toBe(1);
    const rows = await testDb.prisma.auditLog.findMany({ where: { action: 'section.bylines', entityId: articleId }, select: { actorId: true, entityType: true, details: true } });
    expect(rows).toEqual([
      {
        actorId: as.editor.id,
        entityType: 'Section',
        details: { before: { personIds: [], bylineOrganisationId: null }, after: { personIds: [person.b, person.a], bylineOrganisationId: orgId } },
      },
    ]);
  });

  it('reorders and removes; an unchanged byline writes no audit row', async () => {
    await sections.setSectionBylines(as.editor, { sectionId: articleId, personIds: [person.a, person.b, person.c], bylineOrganisationId: orgId });
    await sections.setSectionBylines(as.editor, { sectionId: articleId, personIds: [person.c, person.a], bylineOrganisationId: null });
    expect(await bylineIds(articleId)).toEqual([person.c, person.a]);
    const count = await testDb.prisma.auditLog.count({ where: { action: 'section.bylines', entityId: articleId } });
    const same = await sections.setSectionBylines(as.editor, { sectionId: articleId, personIds: [person.c, person.a], bylineOrganisationId: null });
    expect(same.changed).toBe(false);
    expect(await testDb.prisma.auditLog.count({ where: { action: 'section.bylines', entityId: articleId } })).toBe(count);
  });

  it('serialises concurrent changes: both succeed, one wins whole, positions stay consistent', async () => {
    await Promise.all([
      sections.setSectionBylines(as.editor, { sectionId: articleId, personIds: [person.a, person.b], bylineOrganisationId: null }),
      sections.setSectionBylines(as.editor, { sectionId: articleId, personIds: [person.c, person.b, person.a], bylineOrganisationId: null }),
    ]);
    const ids = await bylineIds(articleId);
    expect([[person.a, person.b].join(), [person.c, person.b, person.a].join()]).toContain(ids.join());
  });

  it('refuses unknown people and organisations, and sections that are not articles', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    await expect(sections.setSectionBylines(as.editor, { sectionId: articleId, personIds: [ghost], bylineOrganisationId: null })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { personIds: [expect.stringMatching(/no longer exists/)] },
    });
    await expect(sections.setSectionBylines(as.editor, { sectionId: articleId, personIds: [], bylineOrganisationId: ghost })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { bylineOrganisationId: [expect.any(String)] },
    });
    for (const sectionId of [introId, eventsId]) {
      await expect(sections.setSectionBylines(as.editor, { sectionId, personIds: [person.a], bylineOrganisationId: null })).rejects.toMatchObject({ status: 400 });
    }
    await expect(sections.setSectionBylines(as.editor, { sectionId: ghost, personIds: [], bylineOrganisationId: null })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses sponsors (articles are not theirs), contributors and deactivated editors', async () => {
    const before = await bylineIds(articleId);
    for (const user of [as.sponsor, as.contributor, { ...as.editor, active: false }]) {
      await expect(sections.setSectionBylines(user, { sectionId: articleId, personIds: [], bylineOrganisationId: null })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await bylineIds(articleId)).toEqual(before);
  });
});

describe('setSectionSignatory', () => {
  it('lets the sponsor sign the intro, audited; not an article', async () => {
    const result = await sections.setSectionSignatory(as.sponsor, { sectionId: introId, signatoryId: person.c, signOff: 'Kind regards' });
    expect(result).toMatchObject({ changed: true, signOff: 'Kind regards', signatory: { name: 'Cat Cole', organisation: { name: 'Walsall Council' } } });
    expect(await testDb.prisma.auditLog.count({ where: { action: 'section.signatory', entityId: introId, actorId: as.sponsor.id } })).toBe(1);
    await expect(sections.setSectionSignatory(as.editor, { sectionId: articleId, signatoryId: null, signOff: null })).rejects.toMatchObject({ status: 400 });
    await expect(sections.setSectionSignatory(as.contributor, { sectionId: introId, signatoryId: null, signOff: null })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('server actions', () => {
  it('setSectionBylinesAction: success with the new byline; 400 for repeats, unknown fields and too many; 401/403', async () => {
    session.user = as.editor;
    const ok = await actions.setBylines(undefined as never, { sectionId: articleId, personIds: [person.a], bylineOrganisationId: '' });
    expect(ok).toMatchObject({ status: 'success', message: 'Byline saved.', data: { bylines: [{ person: { id: person.a, name: 'Ann Able' } }], bylineOrganisationId: null } });
    expect(revalidated.paths).toContain(`/admin/issues/${issueId}/sections/${articleId}`);

    const form = new FormData();
    form.set('sectionId', articleId);
    form.append('personIds', person.b);
    form.append('personIds', person.a);
    expect(await actions.setBylines(undefined as never, form)).toMatchObject({ status: 'success' });
    expect(await bylineIds(articleId)).toEqual([person.b, person.a]);

    expect(await actions.setBylines(undefined as never, { sectionId: articleId, personIds: [person.a, person.a] })).toMatchObject({
      status: 'error',
      code: 400,
      fieldErrors: { personIds: ['Each person can appear in the byline only once'] },
    });
    expect(await actions.setBylines(undefined as never, { sectionId: articleId, personIds: [], position: 1 } as never)).toMatchObject({
      status: 'error',
      code: 400,
      message: 'These fields are not allowed: position.',
    });
    const many = Array.from({ length: 13 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(setSectionBylinesSchema.safeParse({ sectionId: articleId, personIds: many }).success).toBe(false);

    session.user = as.sponsor;
    expect(await actions.setBylines(undefined as never, { sectionId: articleId, personIds: [] })).toMatchObject({ status: 'error', code: 403 });
    session.user = null;
    expect(await actions.setBylines(undefined as never, { sectionId: articleId, personIds: [] })).toMatchObject({ status: 'error', code: 401 });
    expect(await bylineIds(articleId)).toEqual([person.b, person.a]);
  });

  it('regenerates a published issue’s pages after a byline change', async () => {
    session.user = as.editor;
    revalidated.tags.length = 0;
    expect(await actions.setBylines(undefined as never, { sectionId: publishedArticleId, personIds: [person.c] })).toMatchObject({ status: 'success' });
    expect(revalidated.tags).toContain('issue:bylines-published');
    revalidated.tags.length = 0;
    await actions.setBylines(undefined as never, { sectionId: articleId, personIds: [person.c] });
    expect(revalidated.tags).not.toContain('issue:bylines-draft');
  });

  it('createBylinePersonAction creates the person and adds them to the end of the byline, with two audit rows', async () => {
    session.user = as.editor;
    await actions.setBylines(undefined as never, { sectionId: articleId, personIds: [person.a] });
    const result = await actions.createPerson(undefined as never, { sectionId: articleId, name: '  Dana Doe ', jobTitle: 'Principal Social Worker', organisationId: orgId });
    expect(result).toMatchObject({ status: 'success', data: { person: { name: 'Dana Doe' } } });
    const returned = (result as { data: { bylines: { person: { name: string } }[] } }).data.bylines.map((b) => b.person.name);
    expect(returned).toEqual(['Ann Able', 'Dana Doe']);
    const created = await testDb.prisma.person.findFirstOrThrow({ where: { name: 'Dana Doe' }, select: { id: true, jobTitle: true, organisationId: true } });
    expect(created).toMatchObject({ jobTitle: 'Principal Social Worker', organisationId: orgId });
    expect(await bylineIds(articleId)).toEqual([person.a, created.id]);
    expect(await testDb.prisma.auditLog.count({ where: { action: 'person.create', entityId: created.id, actorId: as.editor.id } })).toBe(1);
    const last = await testDb.prisma.auditLog.findFirstOrThrow({ where: { action: 'section.bylines', entityId: articleId }, orderBy: { id: 'desc' }, select: { details: true } });
    expect(last.details).toMatchObject({ after: { personIds: [person.a, created.id] } });
  });

  it('createBylinePersonAction: a missing name is a field error and creates nothing; contributors and sponsors are refused', async () => {
    session.user = as.editor;
    const before = await testDb.prisma.person.count();
    expect(await actions.createPerson(undefined as never, { sectionId: articleId, name: ' ', jobTitle: 'Job' })).toMatchObject({
      status: 'error',
      code: 400,
      fieldErrors: { name: ['Enter a name'] },
      values: { name: ' ', jobTitle: 'Job' },
    });
    for (const user of [as.contributor, as.sponsor]) {
      session.user = user;
      expect(await actions.createPerson(undefined as never, { sectionId: articleId, name: 'Sneaky' })).toMatchObject({ status: 'error', code: 403 });
    }
    expect(await testDb.prisma.person.count()).toBe(before);
    expect(createBylinePersonSchema.safeParse({ sectionId: articleId, name: 'X', slug: 'x' }).success).toBe(false);
  });

  it('setSectionSignatoryAction: a sponsor saves the intro sign-off; an unknown field is refused', async () => {
    session.user = as.sponsor;
    expect(await actions.setSignatory(undefined as never, { sectionId: introId, signatoryId: person.a, signOff: 'Best wishes' })).toMatchObject({
      status: 'success',
      data: { signatoryId: person.a, signOff: 'Best wishes' },
    });
    expect(setSectionSignatorySchema.safeParse({ sectionId: introId, approvedById: as.sponsor.id }).success).toBe(false);
    session.user = null;
  });
});
