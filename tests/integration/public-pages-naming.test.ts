import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { TestDatabase } from '../support/db';
import { makeIssue, setUpWorkflowDatabase, tearDownWorkflowDatabase, text, type Who } from '../support/workflow';

// People and organisations are shown on published pages (bylines, sign-offs,
// organisers, presenters, and the organisation beside a person's name), so editing,
// merging or deleting them re-stores those pages (decision 025). The actions are called
// as the browser calls them; the server's regeneration hook (scripts/server.mjs) is a
// spy that records the pages handed to it.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Regenerate = (paths: string[], opts: { changed: string[] }) => Promise<unknown>;
const g = globalThis as { __regionalUpdateRegeneratePages?: Regenerate };
const calls: { paths: string[]; changed: string[] }[] = [];

let testDb: TestDatabase;
let as: Record<Who, SessionUser>;
let pages: typeof import('@/lib/data/public-pages');
const f = {} as {
  issueSlug: string;
  eventIssueSlug: string;
  eventSlug: string;
  author: string;
  authorOrg: string;
  organiser: string;
  presenter: string;
  draftOnly: string;
  signatory: string;
  spareOrg: string;
};
let n = 0;
const person = async (organisationId: string | null = null) =>
  (await testDb.prisma.person.create({ data: { slug: `named-${++n}-${Date.now()}`, name: `Named Person ${n}`, organisationId }, select: { id: true } })).id;
const organisation = async () =>
  (await testDb.prisma.organisation.create({ data: { slug: `named-org-${++n}-${Date.now()}`, name: `Named Org ${n}`, kind: 'COUNCIL' }, select: { id: true } })).id;

beforeAll(async () => {
  ({ testDb, as } = await setUpWorkflowDatabase());
  g.__regionalUpdateRegeneratePages = async (paths, opts) => calls.push({ paths, changed: opts.changed });
  pages = await import('@/lib/data/public-pages');
  const p = testDb.prisma;
  const live = { current: true, issue: { status: 'PUBLISHED' as const } };
  const article = await p.publishedSection.findFirstOrThrow({ where: { kind: 'ARTICLE', publication: live }, select: { id: true, publication: { select: { issue: { select: { slug: true } } } } } });
  const eventList = await p.publishedSection.findFirstOrThrow({ where: { kind: 'EVENT_LIST', publication: live }, select: { id: true, publication: { select: { issue: { select: { slug: true } } } } } });
  f.issueSlug = article.publication.issue.slug;
  f.eventIssueSlug = eventList.publication.issue.slug;
  f.authorOrg = await organisation();
  f.author = await person(f.authorOrg);
  await p.publishedSectionByline.create({ data: { publishedSectionId: article.id, personId: f.author, position: 99 } });
  f.organiser = await organisation();
  f.presenter = await person();
  const event = await p.event.create({
    data: {
      slug: `named-event-${Date.now()}`,
      title: 'Named event',
      description: text('An event.'),
      mode: 'ONLINE',
      organiserId: f.organiser,
      presenters: { create: [{ personId: f.presenter, position: 0 }] },
      sessions: { create: [{ startsAt: new Date('2031-01-10T10:00:00Z'), endsAt: new Date('2031-01-10T12:00:00Z') }] },
    },
    select: { id: true, slug: true },
  });
  f.eventSlug = event.slug;
  await p.publishedSectionEvent.create({ data: { publishedSectionId: eventList.id, eventId: event.id, position: 99 } });
  // A byline on a draft issue only: nothing public names this person.
  f.draftOnly = await person();
  const draft = await makeIssue(testDb, { createdById: as.editor.id });
  await p.sectionByline.create({ data: { sectionId: draft.articleId, personId: f.draftOnly, position: 0 } });
  // Signs a published intro and nothing else, so they can be deleted (the sign-off then goes).
  f.signatory = await person();
  const intro = await p.publishedSection.findFirstOrThrow({ where: { kind: 'INTRO', publication: { ...live, issue: { status: 'PUBLISHED', slug: f.issueSlug } } }, select: { id: true } });
  await p.publishedSection.update({ where: { id: intro.id }, data: { signatoryId: f.signatory } });
  f.spareOrg = await organisation();
});

afterAll(async () => {
  delete g.__regionalUpdateRegeneratePages;
  await tearDownWorkflowDatabase(testDb);
});

beforeEach(() => {
  calls.length = 0;
  session.user = as.editor;
});

type Act = (prev: undefined, input: Record<string, unknown>) => Promise<{ status: string; message?: string }>;
async function act(file: string, name: string, input: Record<string, unknown>) {
  const mod = (await import(`@/lib/actions/${file}`)) as Record<string, Act>;
  try {
    const state = await mod[name]!(undefined, input);
    expect(state.status, state.message).toBe('success');
  } catch (error) {
    // Merges and deletes redirect after success.
    if (!String((error as { digest?: unknown }).digest ?? '').startsWith('NEXT_REDIRECT')) throw error;
  }
}

/** The actions hand the pages over without waiting for them: the pages the hook got once it is called. */
async function changedPages() {
  await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0), { timeout: 5_000 });
  return calls.flatMap((c) => c.changed);
}

describe('pages that name people and organisations', () => {
  it('are the live issues and public events that show them, directly or through the organisation', async () => {
    expect(await pages.publicContentNaming({ personIds: [f.author] })).toEqual({ issueSlugs: [f.issueSlug], eventSlugs: [] });
    expect(await pages.publicContentNaming({ organisationIds: [f.authorOrg] })).toEqual({ issueSlugs: [f.issueSlug], eventSlugs: [] });
    expect(await pages.publicContentNaming({ organisationIds: [f.organiser] })).toEqual({ issueSlugs: [], eventSlugs: [f.eventSlug] });
    expect(await pages.publicContentNaming({ personIds: [f.presenter] })).toEqual({ issueSlugs: [], eventSlugs: [f.eventSlug] });
    expect(await pages.publicContentNaming({ personIds: [f.draftOnly] })).toEqual({ issueSlugs: [], eventSlugs: [] });
  });

  it('renaming a byline author re-stores the issue page, home and listings', async () => {
    await act('people/update-person', 'updatePerson', { id: f.author, name: 'Renamed Author', jobTitle: '', organisationId: f.authorOrg });
    expect(await changedPages()).toEqual([`/issues/${f.issueSlug}`]);
    expect(calls[0]!.paths).toEqual(expect.arrayContaining([`/issues/${f.issueSlug}`, '/', '/issues', '/events', '/events/past']));
  });

  it('renaming someone named only in drafts re-stores nothing', async () => {
    await act('people/update-person', 'updatePerson', { id: f.draftOnly, name: 'Renamed Draft Author', jobTitle: '', organisationId: '' });
    // Long enough for the pages of the test before to have been handed over.
    await new Promise((r) => setTimeout(r, 500));
    expect(calls).toEqual([]);
  });

  it('renaming an organiser re-stores the event page and the issues featuring it', async () => {
    session.user = as.admin;
    await act('organisations/update-organisation', 'updateOrganisation', { id: f.organiser, name: 'Renamed Organiser', shortName: '', kind: 'COUNCIL', website: '' });
    expect(await changedPages()).toEqual([`/events/${f.eventSlug}`]);
    expect(calls[0]!.paths).toEqual(expect.arrayContaining([`/events/${f.eventSlug}`, `/issues/${f.eventIssueSlug}`]));
  });

  it('merging a presenter into someone else re-stores the event the duplicate presented', async () => {
    await act('people/merge-people', 'mergePeople', { sourceId: f.presenter, targetId: f.draftOnly });
    expect(await changedPages()).toEqual([`/events/${f.eventSlug}`]);
  });

  it("merging an author's organisation re-stores the issue that shows it beside their name", async () => {
    session.user = as.admin;
    await act('organisations/merge-organisations', 'mergeOrganisations', { sourceId: f.authorOrg, targetId: f.spareOrg });
    expect(await changedPages()).toEqual([`/issues/${f.issueSlug}`]);
  });

  it("deleting a published intro's signatory re-stores that issue", async () => {
    await act('people/delete-person', 'deletePerson', { id: f.signatory });
    expect(await testDb.prisma.person.findUnique({ where: { id: f.signatory } })).toBeNull();
    expect(await changedPages()).toEqual([`/issues/${f.issueSlug}`]);
  });
});
