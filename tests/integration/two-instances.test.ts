import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { TestDatabase } from '../support/db';
import { startNginx, type Nginx } from '../support/nginx';
import { startProductionApp, type ProductionApp } from '../support/production-app';
import { makeIssue, setUpWorkflowDatabase, tearDownWorkflowDatabase, type Who } from '../support/workflow';

// Issue 15's reference deployment: two instances of the app on one PostgreSQL behind
// Debian's nginx as the load balancer (scripts/nginx-config.mjs with two upstreams). A
// publish through instance A reaches B's stored pages (LISTEN/NOTIFY, decision 030), and
// a reader through the proxy never notices an instance dying.

// As in public-pages.test.ts: the workflow's revalidation goes to instance A's internal
// route (INTERNAL_URL), as the job worker's does.
vi.mock('@/lib/revalidate', () => ({
  revalidatePublicContent: () => {
    throw new Error('Invariant: static generation store missing in revalidateTag issues');
  },
}));

// Without the change bus B would keep its stored pages for their hour (revalidate =
// 3600), so any bound well below that proves the bus; a loaded machine must not fail it.
// How fast a change reaches the other instance (the 2 s target) is a figure that
// `npm run bench` measures, not something a test times.
const GIVE_UP_AFTER_MS = 20_000;

let testDb: TestDatabase;
let as: Record<Who, SessionUser>;
let a: ProductionApp;
let b: ProductionApp;
let proxy: Nginx;
let wf: typeof import('@/lib/data/workflow');
let hash: typeof import('@/lib/workflow/intro-hash');

async function storedOn(app: ProductionApp) {
  const deadline = Date.now() + 120_000;
  while (!(await fetch(`${app.url}/issues`)).headers.get('x-public-page')) {
    if (Date.now() > deadline) throw new Error(`The public pages were not stored.\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  ({ testDb, as } = await setUpWorkflowDatabase());
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  // One deployment: the same database and the same session secret on both.
  a = await startProductionApp(testDb.url);
  b = await startProductionApp(testDb.url, { secret: a.secret });
  process.env.INTERNAL_URL = a.url;
  process.env.NEXTAUTH_SECRET = a.secret;
  wf = await import('@/lib/data/workflow');
  hash = await import('@/lib/workflow/intro-hash');
  await Promise.all([storedOn(a), storedOn(b)]);
  proxy = await startNginx({ upstream: [a.url, b.url].map((u) => new URL(u).host).join(',') });
}, 600_000);

afterAll(async () => {
  delete process.env.INTERNAL_URL;
  await proxy?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  await tearDownWorkflowDatabase(testDb);
});

/** Polls `base + path` until `ok` holds. */
async function within(base: string, path: string, ok: (res: Response, body: string) => boolean, since: number) {
  for (;;) {
    const res = await fetch(base + path, { redirect: 'manual' });
    const body = await res.text();
    if (ok(res, body)) return Date.now() - since;
    if (Date.now() - since > GIVE_UP_AFTER_MS) throw new Error(`${base}${path} did not change within ${GIVE_UP_AFTER_MS} ms (status ${res.status}).`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const stored = (res: Response) => res.status === 200 && !!res.headers.get('x-public-page');

describe('two instances behind nginx', () => {
  it('a publish and an unpublish through instance A reach the stored pages of A and B, and the proxy', async () => {
    const issue = await makeIssue(testDb, { createdById: as.editor.id });
    await wf.submitIntroForApproval(as.editor, { issueId: issue.id });
    const intro = await testDb.prisma.section.findUniqueOrThrow({ where: { id: issue.introId }, select: { title: true, body: true, signOff: true, signatoryId: true } });
    await wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash: hash.introContentHash(intro) });

    let since = Date.now();
    await wf.publishIssue(as.editor, { issueId: issue.id });
    const shows = (res: Response, body: string) => stored(res) && body.includes(issue.title);
    await within(b.url, `/issues/${issue.slug}`, shows, since);
    await within(a.url, `/issues/${issue.slug}`, shows, since);
    await within(b.url, '/', shows, since);
    await within(proxy.url, `/issues/${issue.slug}`, (res, body) => res.status === 200 && body.includes(issue.title), since);

    since = Date.now();
    await wf.unpublishIssue(as.editor, { issueId: issue.id });
    const gone = (res: Response) => res.status === 404 && !res.headers.get('x-public-page');
    await within(b.url, `/issues/${issue.slug}`, gone, since);
    await within(a.url, `/issues/${issue.slug}`, gone, since);
    await within(b.url, '/', (res, body) => stored(res) && !body.includes(issue.title), since);
  }, 60_000);

  it('a session made on one instance is valid on the other', async () => {
    const cookie = await a.sessionCookie({ id: as.editor.id, email: as.editor.email, name: as.editor.name ?? 'Editor' });
    for (const app of [a, b]) {
      const res = await fetch(`${app.url}/admin`, { headers: { cookie }, redirect: 'manual' });
      expect(res.status, app.url).toBe(200);
      await res.arrayBuffer();
    }
  });

  // Last: it ends instance B.
  it('readers through the proxy get every page while an instance dies under load', async () => {
    const { slug } = await testDb.prisma.issue.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { slug: true } });
    const paths = ['/', '/issues', `/issues/${slug}`, '/events', '/events/past', '/search?q=safeguarding', '/events.ics'];
    let reading = true;
    let killedAt = Infinity;
    const failures: { path: string; what: string; at: number }[] = [];
    let reads = 0;
    // A read fails if its status is not 200 or its body does not arrive whole (a
    // response B was sending when it died is cut off: nginx had sent its headers).
    const read = async (path: string) => {
      try {
        const res = await fetch(proxy.url + path);
        await res.arrayBuffer();
        return res.status === 200 ? null : String(res.status);
      } catch (error) {
        return error instanceof Error ? `${error.message} (${String((error.cause as Error | undefined)?.message ?? '')})` : String(error);
      }
    };
    const readers = Array.from({ length: 4 }, async (_, i) => {
      for (let n = i; reading; n++) {
        const path = paths[n % paths.length]!;
        const started = Date.now();
        const what = await read(path);
        reads += 1;
        if (what) failures.push({ path, what, at: started - killedAt });
      }
    });
    try {
      await new Promise((r) => setTimeout(r, 500));
      killedAt = Date.now();
      b.kill();
      await new Promise((r) => setTimeout(r, 3_000));
    } finally {
      reading = false;
      await Promise.all(readers);
    }
    expect(reads).toBeGreaterThan(20);
    // Issue 15: no failed read after the first second. Only a read B had in hand when it
    // was killed can fail (it started before, or just as, the kill); none before it.
    expect(failures.filter((f) => f.at > 1_000 || f.at < -1_000 || !Number.isFinite(f.at))).toEqual([]);
  }, 60_000);
});
