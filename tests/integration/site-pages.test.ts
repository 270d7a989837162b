import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { Role } from '@/lib/auth/permissions';
import { richTextToPlain } from '@/lib/rich-text/plain-text';
import { validateRichText } from '@/lib/rich-text/validate';
import { createTestDatabase, type TestDatabase } from '../support/db';

// The accessibility statement and the privacy notice: the default text the migration
// writes, and the edit action through the wrapper (permission, validation, the audit
// row in the same transaction, a stale save refused, the public page revalidated).

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
}));
const cache = vi.hoisted(() => ({ tags: [] as string[], paths: [] as string[] }));
vi.mock('next/cache', () => ({
  revalidatePath: (p: string) => cache.paths.push(p),
  revalidateTag: (t: string) => cache.tags.push(t),
}));

type Result = { status: string; code?: number; message?: string; fieldErrors?: Record<string, string[] | undefined>; data?: unknown };

let testDb: TestDatabase;
let update: (prev: undefined, input: Record<string, unknown>) => Promise<Result>;
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  update = (await import('@/lib/actions/site-pages/update')).updateSitePageAction as never;
});

afterAll(async () => {
  await testDb?.drop();
});

async function makeUser(role: Role): Promise<SessionUser> {
  return testDb.prisma.user.create({
    data: { email: `site-pages-${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.org`, name: `Site pages ${role}`, role },
    select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true },
  });
}

const page = (slug: string) =>
  testDb.prisma.sitePage.findUniqueOrThrow({ where: { slug }, select: { title: true, body: true, version: true, updatedById: true, updatedAt: true } });

async function as(user: SessionUser, input: Record<string, unknown>) {
  session.user = user;
  try {
    return await update(undefined, input);
  } finally {
    session.user = null;
  }
}

describe('default text', () => {
  it.each([
    ['accessibility', 'Accessibility statement', ['Enforcement procedure', 'Compliance status', 'Preparation of this accessibility statement', 'Feedback and contact information']],
    ['privacy', 'Privacy notice', ['Who we are', 'Our lawful basis', 'How long we keep it', 'Your rights', 'How to complain']],
  ])('%s is written by the migration, valid for the editor and the renderer, with headings in order', async (slug, title, headings) => {
    const row = await page(slug);
    expect(row.title).toBe(title);
    expect(validateRichText(row.body)).toMatchObject({ ok: true });
    const blocks = (row.body as { content: { type: string; attrs?: { level: number }; content?: { text: string }[] }[] }).content;
    const found = blocks.filter((b) => b.type === 'heading').map((b) => ({ level: b.attrs!.level, text: b.content!.map((t) => t.text).join('') }));
    for (const h of headings) expect(found.map((f) => f.text)).toContain(h);
    // Under the page's h1: starts at h2 and never skips a level.
    expect(found[0]!.level).toBe(2);
    found.forEach((h, i) => i > 0 && expect(h.level - found[i - 1]!.level).toBeLessThanOrEqual(1));
  });

  it('the privacy notice names the controller and the ICO; the statement names the regulations and the EHRC', async () => {
    const privacy = richTextToPlain((await page('privacy')).body);
    expect(privacy).toMatch(/data controller/);
    expect(privacy).toMatch(/Information Commissioner’s Office/);
    const statement = richTextToPlain((await page('accessibility')).body);
    expect(statement).toMatch(/Accessibility Regulations 2018/);
    expect(statement).toMatch(/Equality and Human Rights Commission/);
  });

  it('only the fixed set of pages can exist (check constraint)', async () => {
    await expect(testDb.prisma.sitePage.create({ data: { slug: 'cookies', title: 'Cookies', body: doc('x') } })).rejects.toThrow();
  });
});

describe('updateSitePageAction', () => {
  it('an editor and an admin save: the text, version and editor change, one audit row, the public page revalidated', async () => {
    for (const role of ['EDITOR', 'ADMIN'] as const) {
      const user = await makeUser(role);
      const before = await page('privacy');
      cache.tags.length = 0;
      cache.paths.length = 0;
      const text = `Updated by the ${role.toLowerCase()} ${randomUUID()}`;
      const result = await as(user, { slug: 'privacy', version: String(before.version), title: `Privacy notice (${role})`, body: JSON.stringify(doc(text)) });
      expect(result, JSON.stringify(result)).toMatchObject({ status: 'success', data: { version: before.version + 1 } });
      const after = await page('privacy');
      expect(after).toMatchObject({ title: `Privacy notice (${role})`, version: before.version + 1, updatedById: user.id });
      expect(richTextToPlain(after.body)).toBe(text);
      expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
      const rows = await testDb.prisma.auditLog.findMany({ where: { actorId: user.id }, select: { action: true, entityType: true, entityId: true, details: true } });
      expect(rows).toEqual([{ action: 'site-page.update', entityType: 'SitePage', entityId: 'privacy', details: { version: before.version + 1, title: `Privacy notice (${role})` } }]);
      expect(cache.tags).toContain('site-page:privacy');
      expect(cache.paths).toContain('/privacy');
    }
  });

  it('a contributor and a sponsor are refused with 403 and nothing changes', async () => {
    for (const role of ['CONTRIBUTOR', 'SPONSOR'] as const) {
      const user = await makeUser(role);
      const before = await page('accessibility');
      const result = await as(user, { slug: 'accessibility', version: String(before.version), title: 'Taken over', body: JSON.stringify(doc('Not allowed')) });
      expect(result).toMatchObject({ status: 'error', code: 403 });
      expect(await page('accessibility')).toEqual(before);
      expect(await testDb.prisma.auditLog.count({ where: { actorId: user.id } })).toBe(0);
    }
  });

  it('invalid input comes back as field errors and changes nothing', async () => {
    const editor = await makeUser('EDITOR');
    const before = await page('accessibility');
    const base = { slug: 'accessibility', version: String(before.version), title: 'Accessibility statement', body: JSON.stringify(doc('Text')) };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...base, title: '   ' }, 'title', /Enter a title/],
      [{ ...base, title: 'x'.repeat(121) }, 'title', /120 characters/],
      [{ ...base, slug: 'cookies' }, 'slug', /Choose one of the site’s pages/],
      [{ ...base, body: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] }) }, 'body', /Enter the text of the page/],
      [{ ...base, body: JSON.stringify({ type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] }) }, 'body', /./],
      [{ ...base, body: '{not json' }, 'body', /not valid editor content/],
    ];
    for (const [input, field, message] of cases) {
      const result = await as(editor, input);
      expect(result, JSON.stringify(input).slice(0, 120)).toMatchObject({ status: 'error', code: 400 });
      expect(result.fieldErrors?.[field]?.[0], `${field} for ${JSON.stringify(input).slice(0, 120)}`).toMatch(message);
    }
    const extra = await as(editor, { ...base, updatedById: editor.id });
    expect(extra).toMatchObject({ status: 'error', code: 400, message: expect.stringMatching(/not allowed: updatedById/) });
    expect(await page('accessibility')).toEqual(before);
    expect(await testDb.prisma.auditLog.count({ where: { actorId: editor.id } })).toBe(0);
  });

  it('a save from a stale version is refused as a conflict and keeps the other save', async () => {
    const [first, second] = [await makeUser('EDITOR'), await makeUser('ADMIN')];
    const { version } = await page('accessibility');
    const body = (t: string) => JSON.stringify(doc(t));
    expect(await as(first, { slug: 'accessibility', version: String(version), title: 'Accessibility statement', body: body('First save') })).toMatchObject({ status: 'success' });
    const stale = await as(second, { slug: 'accessibility', version: String(version), title: 'Accessibility statement', body: body('Second save') });
    expect(stale).toMatchObject({ status: 'error', code: 409, message: expect.stringContaining('Site pages EDITOR') });
    expect(richTextToPlain((await page('accessibility')).body)).toBe('First save');
    expect(await testDb.prisma.auditLog.count({ where: { actorId: second.id } })).toBe(0);
  });
});
