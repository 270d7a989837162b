import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Server actions replayed with bodies a real form never sends: every one gets the
// form's error (a 400 state), nothing is saved, and none is "Something went wrong".
// The actions run for real against PostgreSQL; only the session lookup is replaced.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { formDataToObject } = await import('@/lib/actions/action');
const { addSectionAction } = await import('@/lib/actions/sections/add-section');
const { saveSectionAction } = await import('@/lib/actions/sections/save-section');
const { updateIssueAction } = await import('@/lib/actions/issues/update-issue');
const { requestIntroChangesAction } = await import('@/lib/actions/workflow/request-intro-changes');

let testDb: TestDatabase;
let issueId: string;
let articleId: string;

const form = (fields: [string, string | Blob][]) => {
  const fd = new FormData();
  for (const [k, v] of fields) fd.append(k, v);
  return fd;
};
const sectionCount = async () => testDb.prisma.section.count({ where: { issueId } });

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const u = await testDb.prisma.user.create({ data: { email: 'editor@action-hardening.test', name: 'Editor', role: 'EDITOR' }, select: { id: true } });
  session.user = { id: u.id, email: 'editor@action-hardening.test', name: 'Editor', role: 'EDITOR', active: true, organisationId: null, personId: null };
  const issue = await testDb.prisma.issue.create({
    data: {
      slug: 'hardening-test',
      title: 'Hardening test',
      month: new Date('2026-11-01T00:00:00Z'),
      sections: { create: [{ position: 0, kind: 'ARTICLE', title: 'Article', body: { type: 'doc', content: [] } }] },
    },
    select: { id: true, sections: { select: { id: true } } },
  });
  issueId = issue.id;
  articleId = issue.sections[0]!.id;
});

afterAll(async () => {
  await testDb?.drop();
});

describe('formDataToObject', () => {
  it('keeps keys like __proto__ and toString as the form’s own fields, never on Object.prototype', () => {
    const out = formDataToObject(form([['__proto__', 'x'], ['toString', 'y'], ['constructor', 'z'], ['a', '1'], ['a', '2'], ['$ACTION_KEY', 'k']]));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'toString', 'constructor', 'a']);
    expect(out.toString).toBe('y');
    expect(out.constructor).toBe('z');
    expect(out.a).toEqual(['1', '2']);
  });
});

describe('replayed issue-page actions with bodies no form sends', () => {
  it('a NUL in a text field is a field error, with the text kept and nothing saved', async () => {
    const before = await sectionCount();
    const result = await addSectionAction(undefined, form([['issueId', issueId], ['kind', 'ARTICLE'], ['title', 'News\u0000']]));
    expect(result).toMatchObject({ status: 'error', code: 400, values: { title: 'News\u0000' } });
    expect(result.status === 'error' && result.fieldErrors?.title?.[0]).toMatch(/cannot be saved/);
    expect(await sectionCount()).toBe(before);
  });

  it('a NUL inside JSON-encoded rich text (as a \\u0000 escape) is a field error', async () => {
    const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a\u0000b' }] }] });
    const result = await saveSectionAction(undefined, form([['id', articleId], ['version', '1'], ['title', 'Article'], ['body', body]]));
    expect(result).toMatchObject({ status: 'error', code: 400 });
    expect(result.status === 'error' && result.fieldErrors?.body?.[0]).toMatch(/cannot be saved/);
    expect((await testDb.prisma.section.findUniqueOrThrow({ where: { id: articleId } })).version).toBe(1);
  });

  it('a lone surrogate (not valid in PostgreSQL JSON) is a field error', async () => {
    const result = await saveSectionAction(undefined, { id: articleId, version: 1, title: 'Article', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '\ud800' }] }] } });
    expect(result).toMatchObject({ status: 'error', code: 400, fieldErrors: { body: [expect.stringMatching(/cannot be saved/)] } });
  });

  it('a number the database cannot hold is the form’s error, not “Something went wrong”', async () => {
    const result = await saveSectionAction(undefined, form([['id', articleId], ['version', String(2 ** 40)], ['title', 'Article'], ['body', '{"type":"doc","content":[]}']]));
    expect(result).toMatchObject({ status: 'error', code: 400 });
    expect(result.status === 'error' && result.message).not.toMatch(/Something went wrong/);
  });

  it('unknown and prototype-named fields are refused by name', async () => {
    const result = await addSectionAction(undefined, form([['__proto__', 'x'], ['issueId', issueId], ['kind', 'ARTICLE'], ['title', 'T']]));
    expect(result).toMatchObject({ status: 'error', code: 400, message: 'These fields are not allowed: __proto__.' });
    expect(await sectionCount()).toBe(1);
  });

  it('wrong types, arrays, missing fields and non-objects get the form’s error', async () => {
    const bodies: unknown[] = [
      form([['issueId', issueId], ['kind', 'ARTICLE'], ['title', 'a'], ['title', 'b']]),
      form([['issueId', issueId], ['kind', 'ARTICLE'], ['title', new Blob(['x'])]]),
      form([['issueId', issueId]]),
      { issueId, kind: { a: 1 }, title: ['x'] },
      { issueId: 5, kind: 'ARTICLE', title: 'x'.repeat(1_000_000) },
      'a string',
      null,
      undefined,
      42,
      [issueId],
      new Date(),
    ];
    for (const body of bodies) {
      const result = await addSectionAction(undefined, body as FormData);
      expect(result, String(body)).toMatchObject({ status: 'error', code: 400 });
    }
    expect(await sectionCount()).toBe(1);
  });

  it('an issue-details save with a huge version, NaN month or bad slug is the form’s error', async () => {
    const base: [string, string][] = [['id', issueId], ['title', 'T'], ['slug', 'hardening-test'], ['year', '2026'], ['month', '11']];
    for (const extra of [[['version', '1e400']], [['version', '9'.repeat(30)]], [['version', '1'], ['month', 'NaN']], [['version', '1'], ['year', '1e5']]] as [string, string][][]) {
      const result = await updateIssueAction(undefined, form([...base.filter(([k]) => !extra.some(([e]) => e === k)), ...extra]));
      expect(result, JSON.stringify(extra)).toMatchObject({ status: 'error', code: 400 });
    }
  });

  it('a NUL in a workflow comment is refused before anything else', async () => {
    const result = await requestIntroChangesAction(undefined, form([['issueId', issueId], ['comment', 'Change \u0000 this']]));
    expect(result).toMatchObject({ status: 'error', code: 400, fieldErrors: { comment: [expect.stringMatching(/cannot be saved/)] } });
  });
});
