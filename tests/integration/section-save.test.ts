import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { saveSectionSchema } from '@/lib/validation/sections';
import { createTestDatabase, type TestDatabase } from '../support/db';

// The server action's session lookup is replaced so the action can be called directly.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));

// Saving a section: optimistic concurrency (exactly one of two stale saves wins,
// both texts survive as revisions), rich-text validation, who may save what, restore.

let testDb: TestDatabase;
let sections: typeof import('@/lib/data/sections');
let revisions: typeof import('@/lib/data/revisions');
let editor: SessionUser;
let editor2: SessionUser;
let sponsor: SessionUser;
let contributor: SessionUser;
let introId: string;
let articleId: string;

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function makeUser(role: SessionUser['role'], email: string): Promise<SessionUser> {
  const u = await testDb.prisma.user.create({ data: { email, name: `Test ${email}`, role }, select: { id: true } });
  return { id: u.id, email, name: `Test ${email}`, role, active: true, organisationId: null, personId: null };
}

const version = async (id: string) => (await testDb.prisma.section.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  sections = await import('@/lib/data/sections');
  revisions = await import('@/lib/data/revisions');
  editor = await makeUser('EDITOR', 'editor-a@example.org');
  editor2 = await makeUser('EDITOR', 'editor-b@example.org');
  sponsor = await makeUser('SPONSOR', 'sponsor@example.org');
  contributor = await makeUser('CONTRIBUTOR', 'contributor@example.org');
  const issue = await testDb.prisma.issue.create({
    data: {
      slug: 'save-test', title: 'Save test', month: new Date('2026-12-01T00:00:00Z'),
      sections: {
        create: [
          { position: 0, kind: 'INTRO', title: 'From our sponsor', body: { type: 'doc', content: [] } },
          { position: 1, kind: 'ARTICLE', title: 'Article', body: { type: 'doc', content: [] } },
        ],
      },
    },
    select: { sections: { orderBy: { position: 'asc' }, select: { id: true } } },
  });
  introId = issue.sections[0]!.id;
  articleId = issue.sections[1]!.id;
});

afterAll(async () => {
  await testDb?.drop();
});

describe('saveSection', () => {
  it('saves, bumps the version and records a revision and an audit row', async () => {
    const result = await sections.saveSection(editor, { id: articleId, version: 1, title: 'Article v2', body: doc('First text') });
    expect(result).toMatchObject({ ok: true, version: 2 });
    const revs = await testDb.prisma.revision.findMany({ where: { entityId: articleId }, select: { version: true, data: true, authorId: true } });
    expect(revs).toEqual([{ version: 2, data: { title: 'Article v2', body: doc('First text') }, authorId: editor.id }]);
    expect(await testDb.prisma.auditLog.count({ where: { action: 'section.update', entityId: articleId } })).toBe(1);
  });

  it('lets exactly one of two saves on the same version win; both texts are kept', async () => {
    const base = await version(articleId);
    const results = await Promise.all([
      sections.saveSection(editor, { id: articleId, version: base, title: 'Mine', body: doc('Text from A') }),
      sections.saveSection(editor2, { id: articleId, version: base, title: 'Theirs', body: doc('Text from B') }),
    ]);
    const wins = results.filter((r) => r.ok);
    const conflicts = results.filter((r) => !r.ok);
    expect(wins).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    expect(await version(articleId)).toBe(base + 1);

    const winner = results.findIndex((r) => r.ok);
    const winnerText = winner === 0 ? 'Text from A' : 'Text from B';
    const conflict = conflicts[0]!;
    if (conflict.ok) throw new Error('unreachable');
    // The conflict carries the server's current copy.
    expect(conflict.conflict.version).toBe(base + 1);
    expect(conflict.conflict.body).toEqual(doc(winnerText));
    expect(conflict.conflict.title).toBe(winner === 0 ? 'Mine' : 'Theirs');

    const texts = (await testDb.prisma.revision.findMany({ where: { entityId: articleId }, select: { data: true } })).map(
      (r) => JSON.stringify(r.data),
    );
    expect(texts.some((t) => t.includes('Text from A'))).toBe(true);
    expect(texts.some((t) => t.includes('Text from B'))).toBe(true);
    expect(await testDb.prisma.auditLog.count({ where: { action: 'section.save-conflict', entityId: articleId } })).toBe(1);
  });

  it('rejects a javascript: link with a message and saves nothing', async () => {
    const before = await version(articleId);
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
    };
    await expect(sections.saveSection(editor, { id: articleId, version: before, title: 'Bad', body })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/link .*javascript:alert\(1\).* is not allowed/),
      fieldErrors: { body: [expect.any(String)] },
    });
    expect(await version(articleId)).toBe(before);
  });

  it('lets a sponsor save the intro but not an article', async () => {
    const saved = await sections.saveSection(sponsor, { id: introId, version: 1, title: 'From our sponsor', body: doc('Hello from the sponsor') });
    expect(saved.ok).toBe(true);
    await expect(
      sections.saveSection(sponsor, { id: articleId, version: await version(articleId), title: 'Nope', body: doc('Nope') }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a contributor', async () => {
    await expect(
      sections.saveSection(contributor, { id: introId, version: await version(introId), title: 'Nope', body: doc('Nope') }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      sections.saveSection(contributor, { id: articleId, version: await version(articleId), title: 'Nope', body: doc('Nope') }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('restoreRevision', () => {
  it('restores an old revision as a new version and a new revision', async () => {
    const old = await testDb.prisma.revision.findFirstOrThrow({ where: { entityId: articleId, version: 2 }, select: { id: true } });
    const before = await version(articleId);
    const countBefore = await testDb.prisma.revision.count({ where: { entityId: articleId } });
    const result = await revisions.restoreRevision(editor, old.id);
    expect(result.version).toBe(before + 1);
    const section = await testDb.prisma.section.findUniqueOrThrow({ where: { id: articleId }, select: { title: true, body: true } });
    expect(section).toEqual({ title: 'Article v2', body: doc('First text') });
    expect(await testDb.prisma.revision.count({ where: { entityId: articleId } })).toBe(countBefore + 1);
    const latest = await testDb.prisma.revision.findFirstOrThrow({ where: { entityId: articleId }, orderBy: { createdAt: 'desc' }, select: { version: true, data: true } });
    expect(latest.version).toBe(before + 1);
    expect(latest.data).toMatchObject({ restoredFrom: old.id });
    expect(await testDb.prisma.auditLog.count({ where: { action: 'section.restore', entityId: articleId } })).toBe(1);
    const listed = await revisions.listSectionRevisions(editor, articleId);
    expect(listed[0]!.version).toBe(before + 1);
  });

  it('does not let a sponsor restore', async () => {
    const any = await testDb.prisma.revision.findFirstOrThrow({ where: { entityId: introId }, select: { id: true } });
    await expect(revisions.restoreRevision(sponsor, any.id)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('saveSectionSchema', () => {
  const valid = { id: '00000000-0000-4000-8000-000000000000', version: 3, title: 'T', body: doc('x') };
  it('accepts a body as an object or a JSON string', () => {
    expect(saveSectionSchema.safeParse(valid).success).toBe(true);
    expect(saveSectionSchema.safeParse({ ...valid, body: JSON.stringify(valid.body), version: '3' }).success).toBe(true);
  });
  it('rejects extra fields', () => {
    for (const extra of [{ position: 0 }, { kind: 'ARTICLE' }, { approvedById: valid.id }, { role: 'ADMIN' }]) {
      const r = saveSectionSchema.safeParse({ ...valid, ...extra });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.code).toBe('unrecognized_keys');
    }
  });
});

describe('saveSectionAction', () => {
  it('returns 409 with the current server copy for a stale version, 400 for bad input', async () => {
    const { saveSectionAction } = await import('@/lib/actions/sections/save-section');
    session.user = editor;
    const current = await version(articleId);
    const ok = await saveSectionAction(undefined, { id: articleId, version: current, title: 'Via action', body: doc('Action text') });
    expect(ok).toMatchObject({ status: 'success', data: { version: current + 1 } });

    const stale = await saveSectionAction(undefined, { id: articleId, version: current, title: 'Stale', body: doc('Stale text') });
    expect(stale).toMatchObject({
      status: 'error',
      code: 409,
      data: { title: 'Via action', body: doc('Action text'), version: current + 1, by: editor.name },
    });

    const form = new FormData();
    for (const [k, v] of Object.entries({ id: articleId, version: String(current + 1), title: 'T', body: JSON.stringify(doc('x')), position: '0' })) form.set(k, v);
    const extra = await saveSectionAction(undefined, form);
    expect(extra).toMatchObject({ status: 'error', code: 400, message: 'These fields are not allowed: position.' });

    const unsafe = await saveSectionAction(undefined, {
      id: articleId, version: current + 1, title: 'T',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
    });
    expect(unsafe).toMatchObject({ status: 'error', code: 400, fieldErrors: { body: [expect.stringMatching(/not allowed/)] } });

    session.user = contributor;
    expect(await saveSectionAction(undefined, { id: introId, version: 1, title: 'T', body: doc('x') })).toMatchObject({ status: 'error', code: 403 });
    session.user = sponsor;
    expect(await saveSectionAction(undefined, { id: articleId, version: current + 1, title: 'T', body: doc('x') })).toMatchObject({ status: 'error', code: 403 });
    session.user = null;
  });
});
