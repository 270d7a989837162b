import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestDatabase } from '../support/db';
import { setUpWorkflowDatabase, tearDownWorkflowDatabase, text } from '../support/workflow';

// Stored public pages that change with the date alone (decision 025): the
// public-pages-dates job finds the public events whose registration badge or ended state
// changes in a window, judged in Europe/London, and hands their pages to the server's
// regeneration hook (scripts/server.mjs; a spy here). The clock is the window itself.

type Regenerate = (paths: string[], opts: { changed: string[] }) => Promise<unknown>;
const g = globalThis as { __regionalUpdateRegeneratePages?: Regenerate };
const calls: { paths: string[]; changed: string[] }[] = [];

let testDb: TestDatabase;
let dated: typeof import('@/lib/jobs/dated-pages');
let worker: typeof import('@/lib/jobs/worker');
let liveSection: { id: string; issueSlug: string };
let n = 0;

beforeAll(async () => {
  ({ testDb } = await setUpWorkflowDatabase());
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  g.__regionalUpdateRegeneratePages = async (paths, opts) => calls.push({ paths, changed: opts.changed });
  dated = await import('@/lib/jobs/dated-pages');
  worker = await import('@/lib/jobs/worker');
  const section = await testDb.prisma.publishedSection.findFirstOrThrow({
    where: { kind: 'EVENT_LIST', publication: { current: true, issue: { status: 'PUBLISHED' } } },
    select: { id: true, publication: { select: { issue: { select: { slug: true } } } } },
  });
  liveSection = { id: section.id, issueSlug: section.publication.issue.slug };
});

afterAll(async () => {
  delete g.__regionalUpdateRegeneratePages;
  await worker?.stopJobs({ timeout: 2000 });
  await tearDownWorkflowDatabase(testDb);
});

/** An event; public (featured in a live issue's publication) unless `draft`. */
async function event(opts: { sessions: [string, string][]; deadline?: string; opensAt?: string; draft?: boolean }) {
  const e = await testDb.prisma.event.create({
    data: {
      slug: `dated-${++n}-${Date.now()}`,
      title: `Dated event ${n}`,
      description: text('An event.'),
      mode: 'ONLINE',
      registrationUrl: 'https://example.org/book',
      registrationDeadline: opts.deadline ? new Date(`${opts.deadline}T00:00:00Z`) : null,
      registrationOpensAt: opts.opensAt ? new Date(opts.opensAt) : null,
      sessions: { create: opts.sessions.map(([s, e]) => ({ startsAt: new Date(s), endsAt: new Date(e) })) },
    },
    select: { id: true, slug: true },
  });
  if (!opts.draft) await testDb.prisma.publishedSectionEvent.create({ data: { publishedSectionId: liveSection.id, eventId: e.id, position: 100 + n } });
  return e.slug;
}

const changed = (from: string, to: string) => dated.refreshDatedPages(new Date(from), new Date(to));

describe('pages whose date state changes', () => {
  it('the worker runs the job: an event that has just ended has its pages re-stored', async () => {
    const now = Date.now();
    const slug = await event({ sessions: [[new Date(now - 3_600_000).toISOString(), new Date(now - 20_000).toISOString()]] });
    await worker.startJobs({ pollingIntervalSeconds: 0.5, catchUp: false });
    const { getBoss } = await import('@/lib/jobs/boss');
    const boss = await getBoss();
    expect(await boss.getSchedules()).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'public-pages-dates', cron: '* * * * *', timezone: 'Europe/London' })]));
    // The cron sends one a minute; one sent now runs the same handler without the wait.
    await boss.send('public-pages-dates', {});
    const deadline = Date.now() + 20_000;
    while (!calls.some((c) => c.changed.includes(`/events/${slug}`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const call = calls.find((c) => c.changed.includes(`/events/${slug}`));
    expect(call?.paths).toEqual(expect.arrayContaining([`/events/${slug}`, `/issues/${liveSection.issueSlug}`, '/', '/events', '/events/past']));
    await worker.stopJobs({ timeout: 2000 });
  }, 40_000);

  it('"Book by" turns "Closing soon" and then "Booking closed" at London midnight (GMT)', async () => {
    const slug = await event({ deadline: '2031-01-15', sessions: [['2031-02-20T10:00:00Z', '2031-02-20T12:00:00Z']] });
    expect(await changed('2031-01-08T23:59:00Z', '2031-01-09T00:00:30Z')).toEqual([slug]);
    expect(await changed('2031-01-09T00:00:30Z', '2031-01-15T23:59:59Z')).toEqual([]);
    expect(await changed('2031-01-15T23:59:00Z', '2031-01-16T00:00:30Z')).toEqual([slug]);
    expect(await changed('2031-01-16T00:00:30Z', '2031-02-20T09:59:00Z')).toEqual([]);
  });

  it('in summer the deadline ends at London midnight, 23:00 UTC, not at UTC midnight', async () => {
    const slug = await event({ deadline: '2031-07-15', sessions: [['2031-08-20T10:00:00Z', '2031-08-20T12:00:00Z']] });
    expect(await changed('2031-07-15T22:59:00Z', '2031-07-15T23:00:30Z')).toEqual([slug]);
    expect(await changed('2031-07-15T23:30:00Z', '2031-07-16T00:00:30Z')).toEqual([]);
  });

  it('"This event has ended" when the last session finishes; booking closes as the first starts when there is no deadline', async () => {
    const slug = await event({ sessions: [['2031-03-01T10:00:00Z', '2031-03-01T12:00:00Z']] });
    expect(await changed('2031-03-01T09:59:00Z', '2031-03-01T10:00:30Z')).toEqual([slug]);
    expect(await changed('2031-03-01T10:30:00Z', '2031-03-01T11:30:00Z')).toEqual([]);
    expect(await changed('2031-03-01T11:59:00Z', '2031-03-01T12:00:30Z')).toEqual([slug]);
  });

  it('a multi-session event changes on /events when a session ends, and registration opening is a change', async () => {
    const multi = await event({ deadline: '2031-03-25', sessions: [['2031-04-01T09:00:00Z', '2031-04-01T11:00:00Z'], ['2031-04-08T09:00:00Z', '2031-04-08T11:00:00Z']] });
    expect(await changed('2031-04-01T10:59:00Z', '2031-04-01T11:00:30Z')).toEqual([multi]);
    const opens = await event({ opensAt: '2031-05-01T08:00:00Z', deadline: '2031-06-30', sessions: [['2031-07-10T09:00:00Z', '2031-07-10T11:00:00Z']] });
    expect(await changed('2031-05-01T07:59:00Z', '2031-05-01T08:00:30Z')).toEqual([opens]);
  });

  it('an event that is not public is never re-stored', async () => {
    await event({ draft: true, deadline: '2031-09-15', sessions: [['2031-09-30T10:00:00Z', '2031-09-30T12:00:00Z']] });
    expect(await changed('2031-09-15T22:59:00Z', '2031-09-15T23:00:30Z')).toEqual([]);
    expect(await changed('2031-09-30T11:59:00Z', '2031-09-30T12:00:30Z')).toEqual([]);
  });

  it('each run covers the time since the previous one, and hands the event, its issue and the listings to the server', async () => {
    const slug = await event({ deadline: '2031-11-15', sessions: [['2031-12-01T10:00:00Z', '2031-12-01T12:00:00Z']] });
    await dated.handleDatedPages(new Date('2031-11-15T23:59:00Z'));
    calls.length = 0;
    expect(await dated.handleDatedPages(new Date('2031-11-16T00:00:30Z'))).toEqual({ events: [slug] });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.changed).toEqual([`/events/${slug}`]);
    expect(calls[0]!.paths).toEqual(expect.arrayContaining([`/events/${slug}`, `/issues/${liveSection.issueSlug}`, '/', '/events', '/events/past']));
    expect(await dated.handleDatedPages(new Date('2031-11-16T00:01:30Z'))).toEqual({ events: [] });
    // A minute the job missed is covered by the next run's window.
    expect(await dated.handleDatedPages(new Date('2031-12-01T12:05:00Z'))).toEqual({ events: [slug] });
    expect(calls).toHaveLength(2);
  });
});
