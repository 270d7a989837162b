import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { updateIssueSchema } from '@/lib/validation/issues';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Editing an issue's details (title, slug, month, summary) with optimistic
// concurrency, and the draft preview loader: data layer and server action.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
const revalidated = vi.hoisted(() => ({ tags: [] as string[], paths: [] as string[] }));
vi.mock('next/cache', () => ({
  revalidatePath: (p: string) => revalidated.paths.push(p),
  revalidateTag: (t: string) => revalidated.tags.push(t),
}));

let testDb: TestDatabase;
let issuesAdmin: typeof import('@/lib/data/issues-admin');
let updateIssueAction: typeof import('@/lib/actions/issues/update-issue').updateIssueAction;
const as = {} as Record<'admin' | 'editor' | 'editor2' | 'sponsor' | 'contributor', SessionUser>;
let draftId: string;
let publishedId: string;

async function makeUser(role: SessionUser['role'], email: string): Promise<SessionUser> {
  return testDb.prisma.user.create({
    data: { email, name: `Test ${email}`, role },
    select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true },
  });
}

const base = (id: string, version: number) => ({
  id,
  version,
  title: 'Regional Update – March 2027',
  slug: 'regional-update-march-2027',
  year: 2027,
  month: 3,
  summary: '',
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  issuesAdmin = await import('@/lib/data/issues-admin');
  ({ updateIssueAction } = await import('@/lib/actions/issues/update-issue'));
  as.admin = await makeUser('ADMIN', 'admin@issue-details.test');
  as.editor = await makeUser('EDITOR', 'editor@issue-details.test');
  as.editor2 = await makeUser('EDITOR', 'editor2@issue-details.test');
  as.sponsor = await makeUser('SPONSOR', 'sponsor@issue-details.test');
  as.contributor = await makeUser('CONTRIBUTOR', 'contributor@issue-details.test');
  const person = await testDb.prisma.person.create({
    data: { slug: 'pat-author', name: 'Pat Author', jobTitle: 'Practice Lead', organisation: { create: { slug: 'org-x', name: 'Org X', kind: 'COUNCIL' } } },
    select: { id: true },
  });
  const draft = await testDb.prisma.issue.create({
    data: {
      slug: 'draft-issue',
      title: 'Draft issue',
      month: new Date('2027-02-01T00:00:00Z'),
      sections: {
        create: [
          { position: 0, kind: 'ARTICLE', title: 'Second', body: { type: 'doc', content: [] }, bylines: { create: [{ personId: person.id, position: 0 }] } },
        ],
      },
    },
    select: { id: true },
  });
  draftId = draft.id;
  const published = await testDb.prisma.issue.create({
    data: { slug: 'published-issue', title: 'Published issue', month: new Date('2027-01-01T00:00:00Z'), status: 'PUBLISHED', publishedAt: new Date() },
    select: { id: true },
  });
  publishedId = published.id;
});

afterAll(async () => {
  await testDb?.drop();
});

const issue = (id: string) =>
  testDb.prisma.issue.findUniqueOrThrow({ where: { id }, select: { title: true, slug: true, month: true, summary: true, version: true } });

describe('updateIssue (data layer)', () => {
  it('saves the details, bumps the version and writes an audit row naming what changed', async () => {
    const result = await issuesAdmin.updateIssue(as.editor, { ...base(draftId, 1), summary: 'Spring news.' });
    expect(result).toMatchObject({ version: 2, status: 'DRAFT', slug: 'regional-update-march-2027', previousSlug: 'draft-issue' });
    expect(await issue(draftId)).toEqual({
      title: 'Regional Update – March 2027',
      slug: 'regional-update-march-2027',
      month: new Date('2027-03-01T00:00:00Z'),
      summary: 'Spring news.',
      version: 2,
    });
    const rows = await testDb.prisma.auditLog.findMany({ where: { action: 'issue.update', entityId: draftId }, select: { actorId: true, entityType: true, details: true } });
    expect(rows).toEqual([
      {
        actorId: as.editor.id,
        entityType: 'Issue',
        details: {
          version: 2,
          changed: {
            title: { from: 'Draft issue', to: 'Regional Update – March 2027' },
            slug: { from: 'draft-issue', to: 'regional-update-march-2027' },
            month: { from: '2027-02', to: '2027-03' },
            summary: { from: '', to: 'Spring news.' },
          },
        },
      },
    ]);
  });

  it('lets exactly one of two saves on the same version win; the loser gets the current details', async () => {
    const results = await Promise.allSettled([
      issuesAdmin.updateIssue(as.editor, { ...base(draftId, 2), title: 'From editor one' }),
      issuesAdmin.updateIssue(as.editor2, { ...base(draftId, 2), title: 'From editor two' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const current = await issue(draftId);
    expect(current.version).toBe(3);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      status: 409,
      data: { title: current.title, version: 3, year: 2027, month: 3 },
    });
    expect(await testDb.prisma.auditLog.count({ where: { action: 'issue.update', entityId: draftId } })).toBe(2);
  });

  it('refuses a slug another issue uses, with the error on the slug field', async () => {
    await expect(issuesAdmin.updateIssue(as.editor, { ...base(draftId, 3), slug: 'published-issue' })).rejects.toMatchObject({
      status: 409,
      fieldErrors: { slug: [expect.stringMatching(/already uses this slug/)] },
    });
    expect((await issue(draftId)).version).toBe(3);
  });

  it('refuses sponsors, contributors and deactivated editors', async () => {
    for (const user of [as.sponsor, as.contributor, { ...as.editor, active: false }]) {
      await expect(issuesAdmin.updateIssue(user, { ...base(draftId, 3), title: 'Nope' })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect((await issue(draftId)).title).not.toBe('Nope');
  });

  it('is a 404 for an issue that does not exist', async () => {
    await expect(issuesAdmin.updateIssue(as.editor, base('00000000-0000-4000-8000-000000000000', 1))).rejects.toMatchObject({ status: 404 });
  });
});

describe('updateIssueAction', () => {
  it('saves from FormData and regenerates a published issue’s pages under both slugs', async () => {
    session.user = as.admin;
    revalidated.tags.length = 0;
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...base(publishedId, 1), slug: 'published-renamed', title: 'Published, renamed' })) form.set(k, String(v));
    const ok = await updateIssueAction(undefined as never, form);
    expect(ok).toMatchObject({ status: 'success', message: 'Issue details saved.', data: { version: 2 } });
    expect(revalidated.tags).toEqual(expect.arrayContaining(['issue:published-issue', 'issue:published-renamed']));
  });

  it('returns 409 with the current details for a stale version, 400 for bad input and unknown fields, 403 and 401 otherwise', async () => {
    session.user = as.editor;
    const stale = await updateIssueAction(undefined as never, { ...base(publishedId, 1), slug: 'published-renamed' });
    expect(stale).toMatchObject({ status: 'error', code: 409, data: { title: 'Published, renamed', version: 2 }, values: { title: 'Regional Update – March 2027' } });

    const bad = await updateIssueAction(undefined as never, { ...base(publishedId, 2), title: ' ', slug: 'Not A Slug', month: 13 });
    expect(bad).toMatchObject({ status: 'error', code: 400, fieldErrors: { title: ['Enter a title'], slug: [expect.any(String)], month: ['Choose a month'] } });

    const extra = await updateIssueAction(undefined as never, { ...base(publishedId, 2), status: 'PUBLISHED' } as never);
    expect(extra).toMatchObject({ status: 'error', code: 400, message: 'These fields are not allowed: status.' });

    session.user = as.sponsor;
    expect(await updateIssueAction(undefined as never, base(publishedId, 2))).toMatchObject({ status: 'error', code: 403 });
    session.user = null;
    expect(await updateIssueAction(undefined as never, base(publishedId, 2))).toMatchObject({ status: 'error', code: 401 });
    expect((await issue(publishedId)).version).toBe(2);
  });

  it('the schema trims and collapses the summary and rejects one over 1,000 characters', () => {
    expect(updateIssueSchema.parse({ ...base(draftId, 1), summary: '  A   short\nsummary ' }).summary).toBe('A short summary');
    expect(updateIssueSchema.safeParse({ ...base(draftId, 1), summary: 'x'.repeat(1001) }).success).toBe(false);
  });
});

describe('getIssueForPreview', () => {
  it('loads a draft in the public page’s shape for those who may read drafts, and refuses contributors', async () => {
    const preview = await issuesAdmin.getIssueForPreview(as.sponsor, draftId);
    expect(preview).toMatchObject({
      status: 'DRAFT',
      sections: [{ title: 'Second', bylines: [{ person: { name: 'Pat Author', jobTitle: 'Practice Lead', organisation: { name: 'Org X' } } }], events: [] }],
    });
    await expect(issuesAdmin.getIssueForPreview(as.contributor, draftId)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
