import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Contributions: contributors submit articles and events and see only their own;
// editors accept them into an issue (placed and bylined) or decline them with a
// reason. Actions are called directly, with the session lookup replaced.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Result = { status: string; code?: number; message?: string; fieldErrors?: Record<string, string[] | undefined>; data?: unknown };
type ActionFn = (prev: undefined, input: Record<string, unknown> | FormData) => Promise<Result>;

let testDb: TestDatabase;
let data: typeof import('@/lib/data/contributions');
let dashboard: typeof import('@/lib/data/dashboard');
const act: Record<'submit' | 'update' | 'withdraw' | 'accept' | 'decline', ActionFn> = {} as never;
const u: Record<'alice' | 'bob' | 'noOrg' | 'editor' | 'editor2' | 'sponsor' | 'admin', SessionUser> = {} as never;
let orgA: string;
let orgB: string;
let issueId: string;
let publishedIssueId: string;
/** Sections of the draft issue, by title. */
const sec: Record<string, string> = {};

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** Calls an action as `user`; a redirect after success counts as success, with the redirect target as data. */
async function call(name: keyof typeof act, user: SessionUser | null, input: Record<string, unknown> | FormData): Promise<Result> {
  session.user = user;
  try {
    return await act[name](undefined, input);
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { status: 'success', data: digest.split(';')[2] };
    throw error;
  } finally {
    session.user = null;
  }
}

async function makeUser(role: SessionUser['role'], name: string, organisationId: string | null): Promise<SessionUser> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}@example.org`;
  const row = await testDb.prisma.user.create({ data: { email, name, role, organisationId }, select: { id: true } });
  return { id: row.id, email, name, role, active: true, organisationId, personId: null };
}

/** Submits an article as `user` and returns its id. */
async function submitArticle(user: SessionUser, title: string, text = `Text of ${title}`) {
  const result = await call('submit', user, { kind: 'ARTICLE', title, body: JSON.stringify(doc(text)) });
  expect(result, title).toMatchObject({ status: 'success' });
  const row = await testDb.prisma.contribution.findFirstOrThrow({ where: { title, submittedById: user.id }, select: { id: true } });
  return row.id;
}

const row = (id: string) =>
  testDb.prisma.contribution.findUniqueOrThrow({
    where: { id },
    select: { status: true, version: true, title: true, body: true, declineReason: true, reviewedById: true, organisationId: true, acceptedSectionId: true, acceptedEventId: true, acceptedIssueId: true },
  });

const sectionsOf = (id: string) =>
  testDb.prisma.section.findMany({
    where: { issueId: id },
    orderBy: { position: 'asc' },
    select: { id: true, position: true, title: true, kind: true, bylineOrganisationId: true, body: true },
  });

const auditRows = (action: string, entityId: string) =>
  testDb.prisma.auditLog.findMany({ where: { action, entityId }, select: { actorId: true, details: true } });

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  data = await import('@/lib/data/contributions');
  dashboard = await import('@/lib/data/dashboard');
  act.submit = (await import('@/lib/actions/contributions/submit-contribution')).submitContributionAction as ActionFn;
  act.update = (await import('@/lib/actions/contributions/update-contribution')).updateContributionAction as ActionFn;
  act.withdraw = (await import('@/lib/actions/contributions/withdraw-contribution')).withdrawContributionAction as ActionFn;
  act.accept = (await import('@/lib/actions/contributions/accept-contribution')).acceptContributionAction as ActionFn;
  act.decline = (await import('@/lib/actions/contributions/decline-contribution')).declineContributionAction as ActionFn;

  const p = testDb.prisma;
  orgA = (await p.organisation.create({ data: { slug: 'partner-a', name: 'Partner A Council', kind: 'COUNCIL' }, select: { id: true } })).id;
  orgB = (await p.organisation.create({ data: { slug: 'partner-b', name: 'Partner B Trust', kind: 'TRUST' }, select: { id: true } })).id;
  u.alice = await makeUser('CONTRIBUTOR', 'Alice Contributor', orgA);
  u.bob = await makeUser('CONTRIBUTOR', 'Bob Contributor', orgB);
  u.noOrg = await makeUser('CONTRIBUTOR', 'Nora Noorg', null);
  u.editor = await makeUser('EDITOR', 'Eddie Editor', null);
  u.editor2 = await makeUser('EDITOR', 'Edna Editor', null);
  u.sponsor = await makeUser('SPONSOR', 'Sam Sponsor', null);
  u.admin = await makeUser('ADMIN', 'Ada Admin', null);

  // Positions with a gap (as after a deleted section): accepting must leave them contiguous.
  const issue = await p.issue.create({
    data: {
      slug: 'draft-issue',
      title: 'Regional Update – December 2026',
      month: new Date('2026-12-01T00:00:00Z'),
      sections: {
        create: [
          { position: 0, kind: 'INTRO', title: 'From our sponsor', body: doc('Intro') },
          { position: 1, kind: 'ARTICLE', title: 'First article', body: doc('One') },
          { position: 3, kind: 'EVENT_LIST', title: 'Upcoming Conferences and Events', body: doc('') },
          { position: 7, kind: 'ARTICLE', title: 'Last article', body: doc('Last') },
        ],
      },
    },
    select: { id: true, sections: { select: { id: true, title: true } } },
  });
  issueId = issue.id;
  for (const s of issue.sections) sec[s.title] = s.id;
  const published = await p.issue.create({
    data: {
      slug: 'published-issue',
      title: 'Regional Update – October 2025',
      month: new Date('2025-10-01T00:00:00Z'),
      status: 'PUBLISHED',
      publishedAt: new Date('2025-10-01T09:00:00Z'),
      sections: { create: [{ position: 0, kind: 'ARTICLE', title: 'Published article', body: doc('Old') }] },
    },
    select: { id: true, sections: { select: { id: true } } },
  });
  publishedIssueId = published.id;
  sec['Published article'] = published.sections[0]!.id;
});

afterAll(async () => {
  const g = globalThis as unknown as { __db?: { $disconnect(): Promise<void> } };
  await g.__db?.$disconnect();
  delete g.__db;
  await testDb?.drop();
});

describe('submitting', () => {
  it('a contributor submits an article bylined to their own organisation, with an audit row', async () => {
    const result = await call('submit', u.alice, { kind: 'ARTICLE', title: '  Fostering fortnight  ', body: JSON.stringify(doc('Join us.')) });
    expect(result.status).toBe('success');
    const saved = await testDb.prisma.contribution.findFirstOrThrow({
      where: { submittedById: u.alice.id },
      select: { id: true, kind: true, status: true, title: true, body: true, eventData: true, organisationId: true, version: true },
    });
    expect(saved).toMatchObject({ kind: 'ARTICLE', status: 'SUBMITTED', title: 'Fostering fortnight', body: doc('Join us.'), eventData: null, organisationId: orgA, version: 1 });
    expect(result.data).toBe(`/admin/contributions/${saved.id}?done=submitted`);
    expect(await auditRows('contribution.submit', saved.id)).toEqual([
      { actorId: u.alice.id, details: { kind: 'ARTICLE', title: 'Fostering fortnight', organisationId: orgA } },
    ]);
  });

  it('rejects status, reviewer, organisation and other smuggled fields, naming them, and saves nothing', async () => {
    const before = await testDb.prisma.contribution.count();
    const result = await call('submit', u.alice, {
      kind: 'ARTICLE',
      title: 'Smuggled',
      body: doc('x'),
      status: 'ACCEPTED',
      reviewedById: u.editor.id,
      organisationId: orgB,
      submittedById: u.bob.id,
    });
    expect(result).toMatchObject({ status: 'error', code: 400 });
    expect(result.message).toMatch(/not allowed: .*status.*reviewedById.*organisationId.*submittedById/);
    expect(await testDb.prisma.contribution.count()).toBe(before);
  });

  it('explains missing fields next to them, and refuses unsafe rich text', async () => {
    const empty = await call('submit', u.alice, { kind: 'ARTICLE', title: ' ', body: JSON.stringify({ type: 'doc', content: [] }) });
    expect(empty).toMatchObject({ status: 'error', code: 400 });
    expect(empty.fieldErrors?.title?.[0]).toBe('Enter a title');
    expect(empty.fieldErrors?.body?.[0]).toBe('Enter the text of your article');
    const unsafe = await call('submit', u.alice, {
      kind: 'ARTICLE',
      title: 'Unsafe',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
    });
    expect(unsafe).toMatchObject({ status: 'error', code: 400 });
    expect(unsafe.fieldErrors?.body?.[0]).toMatch(/link .* is not allowed/);
    const noKind = await call('submit', u.alice, { title: 'No kind', body: doc('x') });
    expect(noKind).toMatchObject({ status: 'error', code: 400 });
    expect(noKind.fieldErrors?.kind?.[0]).toMatch(/article or an event/);
  });

  it('needs an organisation for the byline', async () => {
    const result = await call('submit', u.noOrg, { kind: 'ARTICLE', title: 'No byline', body: doc('x') });
    expect(result).toMatchObject({ status: 'error', code: 400 });
    expect(result.message).toMatch(/not linked to an organisation/);
    expect(await testDb.prisma.contribution.count({ where: { submittedById: u.noOrg.id } })).toBe(0);
  });

  it('is for contributors (and admins): editors and sponsors cannot submit, nor can anonymous callers', async () => {
    for (const user of [u.editor, u.sponsor, null]) {
      const result = await call('submit', user, { kind: 'ARTICLE', title: 'Not mine to submit', body: doc('x') });
      expect(result).toMatchObject({ status: 'error', code: user ? 403 : 401 });
    }
    expect(await testDb.prisma.contribution.count({ where: { title: 'Not mine to submit' } })).toBe(0);
  });
});

describe('who sees what', () => {
  it('a contributor sees only their own submissions; reviewers see the queue', async () => {
    const a = await submitArticle(u.alice, 'Alice visible');
    const b = await submitArticle(u.bob, 'Bob private');
    const alices = await data.listContributions(u.alice);
    expect(alices.queue).toBeNull();
    expect(alices.mine.map((c) => c.title)).toContain('Alice visible');
    expect(alices.mine.every((c) => c.title !== 'Bob private')).toBe(true);
    expect(await data.getContribution(u.alice, b)).toBeNull();
    expect((await data.getContribution(u.bob, b))?.title).toBe('Bob private');

    const editors = await data.listContributions(u.editor);
    expect(editors.queue!.map((c) => c.id)).toEqual(expect.arrayContaining([a, b]));
    expect((await data.getContribution(u.editor, a))?.organisation.name).toBe('Partner A Council');
  });

  it('sponsors, deactivated contributors and everyone without the permission see nothing', async () => {
    const a = await submitArticle(u.alice, 'Hidden from sponsors');
    await expect(data.listContributions(u.sponsor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(data.getContribution(u.sponsor, a)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(data.getContribution({ ...u.alice, active: false }, a)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(data.acceptTargets(u.alice)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('the dashboard lists a contributor’s own submissions and no drafts; editors see how many wait', async () => {
    await submitArticle(u.bob, 'Bob on the dashboard');
    const bobs = await dashboard.myTasks(u.bob);
    expect(bobs.length).toBeGreaterThan(0);
    expect(bobs.every((t) => t.label.startsWith('Your submission “Bob'))).toBe(true);
    expect(bobs.some((t) => t.label === 'Your submission “Bob on the dashboard”: Submitted')).toBe(true);
    expect(JSON.stringify(bobs)).not.toMatch(/December 2026|Alice/);
    await expect(dashboard.issuesByStatus(u.bob)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(dashboard.recentActivity(u.bob)).rejects.toMatchObject({ code: 'forbidden' });

    const waiting = await testDb.prisma.contribution.count({ where: { status: 'SUBMITTED' } });
    const editors = await dashboard.myTasks(u.editor);
    expect(editors).toContainEqual({ label: `Review ${waiting} submissions waiting for a decision`, href: '/admin/contributions' });
  });
});

describe('changing and withdrawing', () => {
  it('the contributor edits their own submission with optimistic concurrency', async () => {
    const id = await submitArticle(u.alice, 'Draft title');
    const ok = await call('update', u.alice, { id, version: '1', kind: 'ARTICLE', title: 'Better title', body: JSON.stringify(doc('Better text')) });
    expect(ok).toMatchObject({ status: 'success', data: { version: 2 } });
    expect(await row(id)).toMatchObject({ title: 'Better title', body: doc('Better text'), version: 2 });
    const stale = await call('update', u.alice, { id, version: '1', kind: 'ARTICLE', title: 'Stale', body: doc('Stale') });
    expect(stale).toMatchObject({ status: 'error', code: 409 });
    expect(stale.message).toMatch(/changed after you opened it/);
    expect(await row(id)).toMatchObject({ title: 'Better title', version: 2 });
    expect(await auditRows('contribution.update', id)).toHaveLength(1);
  });

  it('nobody else can change it: another contributor gets 404, an editor 403', async () => {
    const id = await submitArticle(u.alice, 'Alice only');
    const byBob = await call('update', u.bob, { id, version: 1, kind: 'ARTICLE', title: 'Hijacked', body: doc('x') });
    expect(byBob).toMatchObject({ status: 'error', code: 404 });
    const byEditor = await call('update', u.editor, { id, version: 1, kind: 'ARTICLE', title: 'Edited', body: doc('x') });
    expect(byEditor).toMatchObject({ status: 'error', code: 403 });
    const withdrawByBob = await call('withdraw', u.bob, { id, version: 1 });
    expect(withdrawByBob).toMatchObject({ status: 'error', code: 404 });
    expect(await row(id)).toMatchObject({ title: 'Alice only', status: 'SUBMITTED', version: 1 });
  });

  it('rejects status, organisation and reviewer fields on update', async () => {
    const id = await submitArticle(u.alice, 'Mass assignment on update');
    const result = await call('update', u.alice, {
      id, version: 1, kind: 'ARTICLE', title: 'x', body: doc('x'), status: 'ACCEPTED', organisationId: orgB, reviewedById: u.editor.id, declineReason: 'x',
    });
    expect(result).toMatchObject({ status: 'error', code: 400 });
    expect(result.message).toMatch(/not allowed: .*status.*organisationId.*reviewedById.*declineReason/);
    expect(await row(id)).toMatchObject({ status: 'SUBMITTED', organisationId: orgA, reviewedById: null, version: 1 });
  });

  it('a withdrawn submission leaves the queue and cannot be accepted or edited', async () => {
    const id = await submitArticle(u.alice, 'Withdraw me');
    expect(await call('withdraw', u.alice, { id, version: 1 })).toMatchObject({ status: 'success', data: `/admin/contributions/${id}?done=withdrawn` });
    expect(await row(id)).toMatchObject({ status: 'WITHDRAWN' });
    expect((await data.listContributions(u.editor)).queue!.some((c) => c.id === id)).toBe(false);
    const accept = await call('accept', u.editor, { id, version: 2, issueId, sectionId: sec['First article']! });
    expect(accept).toMatchObject({ status: 'error', code: 409 });
    expect(accept.message).toMatch(/already been withdrawn/);
    expect(await call('update', u.alice, { id, version: 2, kind: 'ARTICLE', title: 'x', body: doc('x') })).toMatchObject({ code: 409 });
    expect(await auditRows('contribution.withdraw', id)).toEqual([{ actorId: u.alice.id, details: {} }]);
  });
});

describe('declining', () => {
  it('needs a reason, which the contributor then sees; the submission is then closed for edits', async () => {
    const id = await submitArticle(u.bob, 'Decline me');
    const noReason = await call('decline', u.editor, { id, version: 1, reason: '   ' });
    expect(noReason).toMatchObject({ status: 'error', code: 400 });
    expect(noReason.fieldErrors?.reason?.[0]).toMatch(/Enter the reason/);
    const missing = await call('decline', u.editor, { id, version: 1 });
    expect(missing.fieldErrors?.reason?.[0]).toMatch(/Enter the reason/);
    expect(await row(id)).toMatchObject({ status: 'SUBMITTED' });

    expect(await call('decline', u.bob, { id, version: 1, reason: 'Declining my own' })).toMatchObject({ code: 403 });
    const ok = await call('decline', u.editor, { id, version: 1, reason: ' This month’s issue is full. ' });
    expect(ok).toMatchObject({ status: 'success' });
    expect(await row(id)).toMatchObject({ status: 'DECLINED', declineReason: 'This month’s issue is full.', reviewedById: u.editor.id });
    const seen = await data.getContribution(u.bob, id);
    expect(seen).toMatchObject({ status: 'DECLINED', declineReason: 'This month’s issue is full.' });
    expect(await auditRows('contribution.decline', id)).toEqual([{ actorId: u.editor.id, details: { reason: 'This month’s issue is full.' } }]);

    const edit = await call('update', u.bob, { id, version: 2, kind: 'ARTICLE', title: 'Too late', body: doc('x') });
    expect(edit).toMatchObject({ status: 'error', code: 409 });
    expect(edit.message).toMatch(/already been declined by Eddie Editor/);
    expect(await call('withdraw', u.bob, { id, version: 2 })).toMatchObject({ code: 409 });
  });

  it('the database refuses a declined row without a reason', async () => {
    const id = await submitArticle(u.bob, 'Check constraint');
    await expect(
      testDb.prisma.contribution.update({ where: { id }, data: { status: 'DECLINED', reviewedAt: new Date(), declineReason: ' ' } }),
    ).rejects.toThrow(/Contribution_declined_has_reason/);
  });
});

describe('accepting an article', () => {
  it('becomes an ARTICLE section right after the chosen one, bylined, with contiguous positions', async () => {
    const id = await submitArticle(u.alice, 'Accepted article', 'Our new service starts in January.');
    const result = await call('accept', u.editor, { id, version: 1, issueId, sectionId: sec['First article']! });
    expect(result).toMatchObject({ status: 'success', data: `/admin/contributions/${id}?done=accepted` });

    const sections = await sectionsOf(issueId);
    expect(sections.map((s) => [s.position, s.title])).toEqual([
      [0, 'From our sponsor'],
      [1, 'First article'],
      [2, 'Accepted article'],
      [3, 'Upcoming Conferences and Events'],
      [4, 'Last article'],
    ]);
    const created = sections[2]!;
    expect(created).toMatchObject({ kind: 'ARTICLE', bylineOrganisationId: orgA, body: doc('Our new service starts in January.') });
    expect(await row(id)).toMatchObject({ status: 'ACCEPTED', reviewedById: u.editor.id, acceptedIssueId: issueId, acceptedSectionId: created.id, acceptedEventId: null, version: 2 });
    expect(await auditRows('contribution.accept', id)).toEqual([
      { actorId: u.editor.id, details: { issueId, sectionId: created.id, eventId: null } },
    ]);
    expect(await auditRows('section.create', created.id)).toHaveLength(1);
    expect(await testDb.prisma.revision.count({ where: { entityType: 'Section', entityId: created.id } })).toBe(1);

    // The contributor sees the outcome, but not where in which (unpublished) issue.
    const seen = await data.getContribution(u.alice, id);
    expect(seen).toMatchObject({ status: 'ACCEPTED', acceptedIssue: null, acceptedSection: null });
    const edit = await call('update', u.alice, { id, version: 2, kind: 'ARTICLE', title: 'After acceptance', body: doc('x') });
    expect(edit).toMatchObject({ status: 'error', code: 409 });
  });

  it('after the last section too', async () => {
    const id = await submitArticle(u.bob, 'At the end');
    expect(await call('accept', u.editor, { id, version: 1, issueId, sectionId: sec['Last article']! })).toMatchObject({ status: 'success' });
    const sections = await sectionsOf(issueId);
    expect(sections.map((s) => s.position)).toEqual(sections.map((_, i) => i));
    expect(sections.at(-1)).toMatchObject({ title: 'At the end', bylineOrganisationId: orgB });
  });

  it('refuses a published issue, a section of another issue, and leaves the submission waiting', async () => {
    const id = await submitArticle(u.alice, 'Not into a published issue');
    const published = await call('accept', u.editor, { id, version: 1, issueId: publishedIssueId, sectionId: sec['Published article']! });
    expect(published).toMatchObject({ status: 'error', code: 400 });
    expect(published.fieldErrors?.issueId?.[0]).toMatch(/not published/);
    const mismatch = await call('accept', u.editor, { id, version: 1, issueId, sectionId: sec['Published article']! });
    expect(mismatch).toMatchObject({ status: 'error', code: 400 });
    expect(mismatch.fieldErrors?.sectionId?.[0]).toMatch(/section of the chosen issue/);
    expect(await row(id)).toMatchObject({ status: 'SUBMITTED', version: 1, reviewedById: null });
    expect(await testDb.prisma.section.count({ where: { title: 'Not into a published issue' } })).toBe(0);
    expect(await auditRows('contribution.accept', id)).toEqual([]);
  });

  it('refuses contributors and sponsors', async () => {
    const id = await submitArticle(u.alice, 'Self-accepted');
    for (const user of [u.alice, u.sponsor]) {
      expect(await call('accept', user, { id, version: 1, issueId, sectionId: sec['First article']! })).toMatchObject({ code: 403 });
    }
    expect(await row(id)).toMatchObject({ status: 'SUBMITTED' });
  });

  it('refuses a version the editor has not seen (the contributor changed it since)', async () => {
    const id = await submitArticle(u.alice, 'Changed under the editor');
    await call('update', u.alice, { id, version: 1, kind: 'ARTICLE', title: 'Changed under the editor', body: doc('New text') });
    const result = await call('accept', u.editor, { id, version: 1, issueId, sectionId: sec['First article']! });
    expect(result).toMatchObject({ status: 'error', code: 409 });
    expect(result.message).toMatch(/changed after you opened it/);
    expect(await row(id)).toMatchObject({ status: 'SUBMITTED', version: 2 });
  });

  it('two editors accepting at once: exactly one wins, the other gets 409, one section is created', async () => {
    const id = await submitArticle(u.bob, 'Raced article');
    const [first, second] = await Promise.all([
      (async () => {
        session.user = u.editor;
        return act.accept(undefined, { id, version: 1, issueId, sectionId: sec['First article']! }).catch((e: { digest?: string }) => ({ status: e.digest?.startsWith('NEXT_REDIRECT') ? 'success' : 'threw' }) as Result);
      })(),
      (async () => {
        session.user = u.editor2;
        return act.accept(undefined, { id, version: 1, issueId, sectionId: sec['Last article']! }).catch((e: { digest?: string }) => ({ status: e.digest?.startsWith('NEXT_REDIRECT') ? 'success' : 'threw' }) as Result);
      })(),
    ]);
    session.user = null;
    const outcomes = [first, second].map((r) => (r.status === 'success' ? 'success' : r.code));
    expect(outcomes.sort()).toEqual([409, 'success']);
    expect(await testDb.prisma.section.count({ where: { title: 'Raced article' } })).toBe(1);
    expect(await auditRows('contribution.accept', id)).toHaveLength(1);
    const sections = await sectionsOf(issueId);
    expect(sections.map((s) => s.position)).toEqual(sections.map((_, i) => i));
  });

  it('accept and decline at once: one decision only', async () => {
    const id = await submitArticle(u.bob, 'Accept or decline');
    session.user = u.editor;
    const accepting = act.accept(undefined, { id, version: 1, issueId, sectionId: sec['First article']! }).catch(() => ({ status: 'success' }) as Result);
    session.user = u.editor2;
    const declining = act.decline(undefined, { id, version: 1, reason: 'No room' }).catch(() => ({ status: 'success' }) as Result);
    const results = await Promise.all([accepting, declining]);
    session.user = null;
    expect(results.filter((r) => r.status === 'success')).toHaveLength(1);
    expect(results.filter((r) => r.code === 409)).toHaveLength(1);
    const final = await row(id);
    expect(['ACCEPTED', 'DECLINED']).toContain(final.status);
    expect(await testDb.prisma.section.count({ where: { title: 'Accept or decline' } })).toBe(final.status === 'ACCEPTED' ? 1 : 0);
  });
});

/** An event submission as flat form fields: two sessions in London time, one across the clocks going back. */
function eventForm(extra: Record<string, unknown> = {}) {
  return {
    kind: 'EVENT',
    title: 'Adoption Conference 2026',
    description: JSON.stringify(doc('A day of talks for adoption teams.')),
    isFree: 'false',
    cost: '£25 per delegate',
    mode: 'HYBRID',
    platform: 'Microsoft Teams',
    venueName: 'Coventry Central Library',
    venueAddress: 'Smithford Way, Coventry CV1 1FY',
    audience: 'Adoption social workers',
    registrationUrl: 'https://example.org/book',
    'registrationDeadline.day': '20',
    'registrationDeadline.month': '10',
    'registrationDeadline.year': '2026',
    'sessions.0.day': '22',
    'sessions.0.month': '10',
    'sessions.0.year': '2026',
    'sessions.0.startTime': '09:30',
    'sessions.0.endTime': '12:30',
    'sessions.1.day': '5',
    'sessions.1.month': '11',
    'sessions.1.year': '2026',
    'sessions.1.allDay': 'true',
    'sessions.1.label': 'Practice Educators only',
    ...extra,
  };
}

describe('events', () => {
  it('a contributor submits an event validated with the shared event schema; field errors name the session', async () => {
    const bad = await call('submit', u.alice, eventForm({ 'sessions.0.endTime': '09:00', platform: '', 'sessions.1.day': '31', 'sessions.1.month': '2' }));
    expect(bad).toMatchObject({ status: 'error', code: 400 });
    expect(bad.fieldErrors?.['sessions.0.endTime']?.[0]).toMatch(/Session 1: the end time must be after the start time/);
    expect(bad.fieldErrors?.platform?.[0]).toMatch(/Enter the platform/);
    expect(bad.fieldErrors?.['sessions.1.date']?.[0]).toMatch(/^Session 2:/);
    const smuggled = await call('submit', u.alice, eventForm({ status: 'ACCEPTED', 'sessions.0.eventId': 'x' }));
    expect(smuggled).toMatchObject({ status: 'error', code: 400 });
    expect(smuggled.message).toMatch(/not allowed: .*status/);

    // A session id (used when editing stored events) is never kept: a submission cannot point at an existing session.
    expect(await call('submit', u.alice, eventForm({ 'sessions.0.id': '11111111-1111-4111-8111-111111111111' }))).toMatchObject({ status: 'success' });
    const saved = await testDb.prisma.contribution.findFirstOrThrow({
      where: { submittedById: u.alice.id, kind: 'EVENT' },
      select: { title: true, body: true, eventData: true, organisationId: true },
    });
    expect(saved.title).toBe('Adoption Conference 2026');
    expect(saved.body).toEqual(doc('A day of talks for adoption teams.'));
    // Stored as form-shaped fields (for the edit form), organiser defaulting to the submitter's organisation.
    expect(saved.eventData).toMatchObject({
      organiserId: orgA,
      isFree: false,
      cost: '£25 per delegate',
      mode: 'HYBRID',
      registrationDeadline: { day: '20', month: '10', year: '2026' },
      sessions: [
        { day: '22', month: '10', year: '2026', startTime: '09:30', endTime: '12:30', allDay: false, label: '' },
        { day: '5', month: '11', year: '2026', startTime: '', endTime: '', allDay: true, label: 'Practice Educators only' },
      ],
    });
    expect(JSON.stringify(saved.eventData)).not.toContain('11111111-1111');
  });

  it('the contributor edits the event while it is submitted', async () => {
    await call('submit', u.bob, eventForm({ title: 'Bob’s event' }));
    const { id } = await testDb.prisma.contribution.findFirstOrThrow({ where: { title: 'Bob’s event' }, select: { id: true } });
    const result = await call('update', u.bob, { ...eventForm({ title: 'Bob’s better event', mode: 'ONLINE', 'sessions.1.allDay': '' , 'sessions.1.startTime': '14:00', 'sessions.1.endTime': '15:00' }), id, version: '1' });
    expect(result).toMatchObject({ status: 'success', data: { version: 2 } });
    const saved = await testDb.prisma.contribution.findUniqueOrThrow({ where: { id }, select: { title: true, eventData: true } });
    expect(saved.title).toBe('Bob’s better event');
    // Hidden fields of the other mode are dropped by the shared schema.
    expect(saved.eventData).toMatchObject({ mode: 'ONLINE', sessions: [{}, { startTime: '14:00', endTime: '15:00', allDay: false }] });
    expect(saved.eventData).not.toHaveProperty('venueName');
    const asArticle = await call('update', u.bob, { id, version: '2', kind: 'ARTICLE', title: 'Now an article', body: doc('x') });
    expect(asArticle).toMatchObject({ status: 'error', code: 400 });
  });

  it('an event submission carries its topics into the accepted event, so the public Topic filter finds it', async () => {
    const topics = await Promise.all(
      ['Fostering (contributions test)', 'Adoption (contributions test)'].map((name, i) =>
        testDb.prisma.topic.create({ data: { slug: `contribution-topic-${i}`, name }, select: { id: true } }),
      ),
    );
    const title = 'Topical submission 2026';
    expect(await call('submit', u.alice, eventForm({ title, topicIds: topics.map((t) => t.id) }))).toMatchObject({ status: 'success' });
    const { id, eventData } = await testDb.prisma.contribution.findFirstOrThrow({ where: { title }, select: { id: true, eventData: true } });
    expect((eventData as { topicIds: string[] }).topicIds.sort()).toEqual(topics.map((t) => t.id).sort());
    expect(await call('accept', u.editor, { id, version: 1, issueId, sectionId: sec['Upcoming Conferences and Events']! })).toMatchObject({ status: 'success' });
    const accepted = await row(id);
    const stored = await testDb.prisma.eventTopic.findMany({ where: { eventId: accepted.acceptedEventId! }, select: { topicId: true } });
    expect(stored.map((t) => t.topicId).sort()).toEqual(topics.map((t) => t.id).sort());    // Out of the list again, so the next test finds it as it expects.
    await testDb.prisma.sectionEvent.deleteMany({ where: { eventId: accepted.acceptedEventId! } });
  });

  it('accepting creates the event with its sessions at the end of the chosen event-list section', async () => {
    const list = sec['Upcoming Conferences and Events']!;
    const existing = await testDb.prisma.event.create({
      data: { slug: 'adoption-conference-2026', title: 'Existing event', description: doc('x'), mode: 'ONLINE', sections: { create: { sectionId: list, position: 0 } } },
      select: { id: true },
    });
    await call('submit', u.alice, eventForm({ title: 'Adoption Conference 2026' }));
    const { id } = await testDb.prisma.contribution.findFirstOrThrow({
      where: { title: 'Adoption Conference 2026', status: 'SUBMITTED', submittedById: u.alice.id },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    });

    const wrongSection = await call('accept', u.editor, { id, version: 1, issueId, sectionId: sec['First article']! });
    expect(wrongSection).toMatchObject({ status: 'error', code: 400 });
    expect(wrongSection.fieldErrors?.sectionId?.[0]).toMatch(/event-list section/);
    expect(await row(id)).toMatchObject({ status: 'SUBMITTED' });

    expect(await call('accept', u.editor, { id, version: 1, issueId, sectionId: list })).toMatchObject({ status: 'success' });
    const accepted = await row(id);
    expect(accepted).toMatchObject({ status: 'ACCEPTED', acceptedIssueId: issueId, acceptedSectionId: list });
    const event = await testDb.prisma.event.findUniqueOrThrow({
      where: { id: accepted.acceptedEventId! },
      select: {
        slug: true, title: true, description: true, organiserId: true, isFree: true, cost: true, mode: true, platform: true, venueName: true,
        registrationUrl: true, registrationDeadline: true, createdById: true,
        sessions: { orderBy: { startsAt: 'asc' }, select: { startsAt: true, endsAt: true, allDay: true, label: true } },
        sections: { select: { sectionId: true, position: true } },
      },
    });
    expect(event).toMatchObject({
      slug: 'adoption-conference-2026-2',
      title: 'Adoption Conference 2026',
      description: doc('A day of talks for adoption teams.'),
      organiserId: orgA,
      isFree: false,
      cost: '£25 per delegate',
      mode: 'HYBRID',
      platform: 'Microsoft Teams',
      venueName: 'Coventry Central Library',
      registrationUrl: 'https://example.org/book',
      registrationDeadline: new Date('2026-10-20T00:00:00Z'),
      createdById: u.editor.id,
      sections: [{ sectionId: list, position: 1 }],
    });
    // 22 October is BST (UTC+1); 5 November is GMT. The all-day session runs midnight to midnight, London time.
    expect(event.sessions).toEqual([
      { startsAt: new Date('2026-10-22T08:30:00Z'), endsAt: new Date('2026-10-22T11:30:00Z'), allDay: false, label: null },
      { startsAt: new Date('2026-11-05T00:00:00Z'), endsAt: new Date('2026-11-06T00:00:00Z'), allDay: true, label: 'Practice Educators only' },
    ]);
    const order = await testDb.prisma.sectionEvent.findMany({ where: { sectionId: list }, orderBy: { position: 'asc' }, select: { eventId: true } });
    expect(order.map((o) => o.eventId)).toEqual([existing.id, accepted.acceptedEventId]);
    expect(await auditRows('contribution.accept', id)).toEqual([
      { actorId: u.editor.id, details: { issueId, sectionId: list, eventId: accepted.acceptedEventId } },
    ]);
    expect(await auditRows('event.create', accepted.acceptedEventId!)).toHaveLength(1);
    // The issue is a draft, so the event is not public.
    expect(await testDb.prisma.event.count({ where: { id: accepted.acceptedEventId!, sections: { some: { section: { issue: { status: 'PUBLISHED' } } } } } })).toBe(0);
  });

  it('the event form, the section panel and accepting a submission create events the same way: one slug rule, a revision, an audit row', async () => {
    const events = await import('@/lib/data/events-admin');
    const { createEventSchema } = await import('@/lib/validation/events');
    const list = sec['Upcoming Conferences and Events']!;
    const title = 'Slug rule check';
    const { kind: _kind, ...fields } = eventForm({ title });
    // The event form (no section), then the section panel (created inside the event-list section).
    const fromForm = await events.createEvent(u.editor, createEventSchema.parse(fields));
    const fromPanel = await events.createEvent(u.editor, createEventSchema.parse({ ...fields, sectionId: list }));
    // A contributor's submission of the same event, accepted into the same section.
    expect(await call('submit', u.alice, eventForm({ title }))).toMatchObject({ status: 'success' });
    const { id } = await testDb.prisma.contribution.findFirstOrThrow({ where: { title, status: 'SUBMITTED' }, select: { id: true } });
    expect(await call('accept', u.editor, { id, version: 1, issueId, sectionId: list })).toMatchObject({ status: 'success' });
    const accepted = await row(id);
    const fromContribution = await testDb.prisma.event.findUniqueOrThrow({ where: { id: accepted.acceptedEventId! }, select: { id: true, slug: true } });

    // Title plus the first session's year, then -2, -3 for the same title and year, whichever path.
    expect([fromForm.slug, fromPanel.slug, fromContribution.slug]).toEqual(['slug-rule-check-2026', 'slug-rule-check-2026-2', 'slug-rule-check-2026-3']);
    for (const eventId of [fromForm.id, fromPanel.id, fromContribution.id]) {
      expect(await testDb.prisma.revision.count({ where: { entityType: 'Event', entityId: eventId, version: 1 } })).toBe(1);
      expect(await auditRows('event.create', eventId)).toHaveLength(1);
    }
    expect((await auditRows('event.create', fromContribution.id))[0]!.details).toMatchObject({ fromContribution: id, slug: 'slug-rule-check-2026-3' });
    await testDb.prisma.sectionEvent.deleteMany({ where: { eventId: { in: [fromPanel.id, fromContribution.id] } } });
  });
});
