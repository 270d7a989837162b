import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Odd rich text through the real server actions and data functions (issue 9): an
// object href, a non-canonical image path and an image with no media row each come
// back as a field error, and nothing is saved (no row, no revision, no audit entry).

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Result = { status: string; code?: number; message?: string; fieldErrors?: Record<string, string[] | undefined> };
type ActionFn = (prev: undefined, input: Record<string, unknown> | FormData) => Promise<Result>;

let testDb: TestDatabase;
const act = {} as Record<'save' | 'submit' | 'update' | 'accept' | 'createEvent', ActionFn>;
let revisions: typeof import('@/lib/data/revisions');
let editor: SessionUser;
let contributor: SessionUser;
let articleId: string;
let eventListId: string;
let issueId: string;
let mediaSrc: string;

type Json = Prisma.InputJsonValue;
const doc = (...content: Json[]): Json => ({ type: 'doc', content });
const p = (...content: Json[]): Json => ({ type: 'paragraph', content });
const text = (t: string, marks?: Json[]): Json => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const objectHref = doc(p(text('x', [{ type: 'link', attrs: { href: { toString: 'x' } } }])));
const image = (src: string) => doc(p(text('Chart:')), { type: 'image', attrs: { src, alt: 'A chart' } });
const unknownSrc = () => `/media/${randomBytes(32).toString('hex')}.png`;

async function call(name: keyof typeof act, user: SessionUser, input: Record<string, unknown>): Promise<Result> {
  session.user = user;
  try {
    return await act[name](undefined, input);
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { status: 'success' };
    throw error;
  } finally {
    session.user = null;
  }
}

/** Everything a save could have written. */
async function footprint() {
  const p = testDb.prisma;
  const [section, revisionCount, auditCount, contributionCount, eventCount] = await Promise.all([
    p.section.findUniqueOrThrow({ where: { id: articleId }, select: { title: true, body: true, version: true } }),
    p.revision.count(),
    p.auditLog.count(),
    p.contribution.count(),
    p.event.count(),
  ]);
  return { section, revisionCount, auditCount, contributionCount, eventCount };
}

async function makeUser(role: SessionUser['role'], name: string, organisationId: string | null): Promise<SessionUser> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}@example.org`;
  const row = await testDb.prisma.user.create({ data: { email, name, role, organisationId }, select: { id: true } });
  return { id: row.id, email, name, role, active: true, organisationId, personId: null };
}

function eventForm(description: unknown) {
  return {
    title: 'Hardening event',
    description: typeof description === 'string' ? description : JSON.stringify(description),
    isFree: 'true',
    mode: 'ONLINE',
    platform: 'Microsoft Teams',
    'sessions.0.day': '12',
    'sessions.0.month': '3',
    'sessions.0.year': '2031',
    'sessions.0.startTime': '10:00',
    'sessions.0.endTime': '11:00',
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  act.save = (await import('@/lib/actions/sections/save-section')).saveSectionAction as ActionFn;
  act.submit = (await import('@/lib/actions/contributions/submit-contribution')).submitContributionAction as ActionFn;
  act.update = (await import('@/lib/actions/contributions/update-contribution')).updateContributionAction as ActionFn;
  act.accept = (await import('@/lib/actions/contributions/accept-contribution')).acceptContributionAction as ActionFn;
  act.createEvent = (await import('@/lib/actions/events/create-event')).createEventAction as ActionFn;
  revisions = await import('@/lib/data/revisions');
  const org = await testDb.prisma.organisation.create({ data: { slug: 'hardening', name: 'Hardening Council', kind: 'COUNCIL' }, select: { id: true } });
  editor = await makeUser('EDITOR', 'Hardening Editor', null);
  contributor = await makeUser('CONTRIBUTOR', 'Hardening Contributor', org.id);
  const issue = await testDb.prisma.issue.create({
    data: {
      slug: 'hardening', title: 'Hardening', month: new Date('2031-03-01T00:00:00Z'),
      sections: {
        create: [
          { position: 0, kind: 'ARTICLE', title: 'Article', body: doc(p(text('Original'))) },
          { position: 1, kind: 'EVENT_LIST', title: 'Events', body: doc() },
        ],
      },
    },
    select: { id: true, sections: { orderBy: { position: 'asc' }, select: { id: true } } },
  });
  issueId = issue.id;
  articleId = issue.sections[0]!.id;
  eventListId = issue.sections[1]!.id;
  const fileName = `${randomBytes(32).toString('hex')}.png`;
  await testDb.prisma.media.create({ data: { fileName, mimeType: 'image/png', width: 10, height: 10, bytes: 100, alt: 'A chart' } });
  mediaSrc = `/media/${fileName}`;
});

afterAll(async () => {
  await testDb?.drop();
});

describe('save-section action', () => {
  it.each([
    ['an object href', () => objectHref, /link has no web address/],
    ['an object href sent as JSON text', () => JSON.stringify(objectHref), /link has no web address/],
    ['an image path that leaves the media folder', () => image('/media/../api/auth/signout'), /media library/],
    ['an upper-case media path', () => image(mediaSrc.replace('/media/', '/MEDIA/')), /media library/],
    ['a canonical path with no media row', () => image(unknownSrc()), /not in the media library/],
  ])('refuses %s with a field error and saves nothing', async (_name, body, message) => {
    const before = await footprint();
    const result = await call('save', editor, { id: articleId, version: before.section.version, title: 'Changed', body: body() });
    expect(result).toMatchObject({ status: 'error', code: 400 });
    expect(result.fieldErrors?.body?.[0]).toMatch(message);
    expect(await footprint()).toEqual(before);
  });

  it('saves an image of the media library', async () => {
    const { section } = await footprint();
    const result = await call('save', editor, { id: articleId, version: section.version, title: 'With image', body: image(mediaSrc) });
    expect(result).toMatchObject({ status: 'success' });
    expect((await footprint()).section.body).toEqual(image(mediaSrc));
  });
});

describe('contribution actions', () => {
  it.each([
    ['an object href', objectHref, /link/],
    ['an image path that leaves the media folder', image('/media/../api/auth/signout'), /media library/],
    ['a canonical path with no media row', image(unknownSrc()), /not in the media library/],
  ])('submit refuses an article with %s as a field error, saving nothing', async (_name, body, message) => {
    const before = await footprint();
    for (const b of [body, JSON.stringify(body)]) {
      const result = await call('submit', contributor, { kind: 'ARTICLE', title: 'Odd', body: b });
      expect(result).toMatchObject({ status: 'error', code: 400 });
      expect(result.fieldErrors?.body?.[0]).toMatch(message);
    }
    expect(await footprint()).toEqual(before);
  });

  it('submit refuses an event whose description has an image with no media row, on the description field', async () => {
    const before = await footprint();
    const result = await call('submit', contributor, { kind: 'EVENT', ...eventForm(image(unknownSrc())) });
    expect(result).toMatchObject({ status: 'error', code: 400 });
    expect(result.fieldErrors?.description?.[0]).toMatch(/not in the media library/);
    expect(await footprint()).toEqual(before);
  });

  it('update refuses an image with no media row; accept refuses one deleted since submission', async () => {
    expect(await call('submit', contributor, { kind: 'ARTICLE', title: 'With image', body: JSON.stringify(image(mediaSrc)) })).toMatchObject({ status: 'success' });
    const row = await testDb.prisma.contribution.findFirstOrThrow({ where: { title: 'With image' }, select: { id: true, version: true } });
    const update = await call('update', contributor, { id: row.id, version: row.version, kind: 'ARTICLE', title: 'With image', body: JSON.stringify(image(unknownSrc())) });
    expect(update.fieldErrors?.body?.[0]).toMatch(/not in the media library/);

    // The image is deleted while the submission waits (media deletion does not look at submissions).
    const extra = `${randomBytes(32).toString('hex')}.png`;
    await testDb.prisma.media.create({ data: { fileName: extra, mimeType: 'image/png', width: 1, height: 1, bytes: 1, alt: 'x' } });
    expect(await call('submit', contributor, { kind: 'ARTICLE', title: 'Loses image', body: JSON.stringify(image(`/media/${extra}`)) })).toMatchObject({ status: 'success' });
    const waiting = await testDb.prisma.contribution.findFirstOrThrow({ where: { title: 'Loses image' }, select: { id: true, version: true } });
    await testDb.prisma.media.delete({ where: { fileName: extra } });
    const before = await footprint();
    const accepted = await call('accept', editor, { id: waiting.id, version: waiting.version, issueId, sectionId: articleId });
    expect(accepted).toMatchObject({ status: 'error', code: 400, message: expect.stringMatching(/no longer in the media library/) });
    expect(await footprint()).toEqual(before);
    expect((await testDb.prisma.contribution.findUniqueOrThrow({ where: { id: waiting.id }, select: { status: true } })).status).toBe('SUBMITTED');
  });
});

describe('events and revisions', () => {
  it('create-event refuses a description image with no media row, on the description field', async () => {
    const before = await footprint();
    const result = await call('createEvent', editor, { ...eventForm(image(unknownSrc())), sectionId: eventListId });
    expect(result).toMatchObject({ status: 'error', code: 400 });
    expect(result.fieldErrors?.description?.[0]).toMatch(/not in the media library/);
    expect(await footprint()).toEqual(before);
  });

  it('restoring a revision whose image has since been deleted is refused', async () => {
    const gone = `${randomBytes(32).toString('hex')}.png`;
    const revision = await testDb.prisma.revision.create({
      data: { entityType: 'Section', entityId: articleId, version: 1, data: { title: 'Old', body: image(`/media/${gone}`) } },
      select: { id: true },
    });
    const before = await footprint();
    await expect(revisions.restoreRevision(editor, revision.id)).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/deleted from the media library/) });
    expect(await footprint()).toEqual(before);
  });
});
