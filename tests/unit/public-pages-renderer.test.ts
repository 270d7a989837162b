import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOT_FOUND_PROBE, createRegenerator } from '../../scripts/lib/public-pages/renderer.mjs';
import { openStore } from '../../scripts/lib/public-pages/store.mjs';

const doc = (title: string) =>
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css"/><script src="/c.js" async=""></script><title>${title}</title></head>` +
  `<body><main>${title}</main><script>self.__next_f.push([1,"x"])</script></body></html>`;

let root = '';
let origin: http.Server | null = null;
afterEach(async () => {
  origin?.close();
  origin = null;
  if (root) await rm(root, { recursive: true, force: true });
});

/** A stand-in for Next: answers by path, and records the revalidation header it was sent. */
async function fakeNext(pages: Record<string, [number, string]>, seen: (string | undefined)[]) {
  origin = http.createServer((req, res) => {
    seen.push(req.headers['x-prerender-revalidate'] as string | undefined);
    const [status, body] = pages[req.url ?? ''] ?? [404, 'not found'];
    res.writeHead(status, { 'content-type': 'text/html' }).end(body);
  });
  await new Promise<void>((r) => origin!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(origin!.address() as AddressInfo).port}`;
}

describe('the renderer: pages re-rendered by Next, stripped, committed as one generation', () => {
  it('stores 200s without scripts, removes 404s, keeps the stored page on a 500 or a page that fails the checks', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    await store.commit({ put: new Map([['/issues/gone', Buffer.from('old')], ['/issues/broken', Buffer.from('kept')], ['/events', Buffer.from('kept too')]]), remove: [], buildId: 'b1' });
    const seen: (string | undefined)[] = [];
    const url = await fakeNext(
      {
        '/': [200, doc('Home')],
        '/issues/broken': [500, 'error'],
        '/events': [200, doc('Events').replace('<main>', '<main><template id="B:0"></template>')],
      },
      seen,
    );
    const swaps: string[] = [];
    // No retries here: this case is about what one run keeps (the next case is about retrying).
    const regen = createRegenerator({ origin: url, previewModeId: 'preview-id', buildId: 'b1', store, onSwap: (d) => swaps.push(d), retryDelaysMs: [] });
    await regen.request(['/', '/issues/gone', '/issues/broken', '/events', '/admin/issues']);

    const current = store.current()!;
    expect(swaps).toEqual([current.dir]);
    expect(Object.keys(current.manifest.pages).sort()).toEqual(['/', '/events', '/issues/broken']);
    const home = await readFile(path.join(current.dir, 'index.html'), 'utf8');
    expect(home).toContain('<title>Home</title>');
    expect(home).not.toContain('<script');
    expect(await readFile(path.join(current.dir, 'issues/broken.html'), 'utf8')).toBe('kept');
    expect(await readFile(path.join(current.dir, 'events.html'), 'utf8')).toBe('kept too');
    expect(seen).toHaveLength(4); // /admin/issues is never requested
    expect(new Set(seen)).toEqual(new Set(['preview-id']));
  });

  it('coalesces requests made during a run into the next commit', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    const url = await fakeNext({ '/': [200, doc('Home')], '/issues': [200, doc('Archive')], '/events': [200, doc('Events')] }, []);
    const swaps: string[] = [];
    const regen = createRegenerator({ origin: url, previewModeId: 'p', buildId: 'b1', store, onSwap: (d) => swaps.push(d) });
    const first = regen.request(['/']);
    const second = regen.request(['/issues', '/events']);
    expect(second).toBe(first); // one run, which picks up what was queued meanwhile
    await first;
    expect(Object.keys(store.current()!.manifest.pages).sort()).toEqual(['/', '/events', '/issues']);
    expect(swaps).toHaveLength(2); // '/' alone (already rendering), then the two queued behind it
  });

  it('full() renders every page the sitemap lists (plus the fixed pages and the not-found document) and drops stored pages it no longer lists', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    await store.commit({ put: new Map([['/issues/unpublished-while-down', Buffer.from('old')]]), remove: [], buildId: 'b1' });
    const sitemap = '<urlset><url><loc>http://example.test/issues/a</loc></url><url><loc>http://example.test/search</loc></url></urlset>';
    const pages: Record<string, [number, string]> = { '/sitemap.xml': [200, sitemap], '/issues/a': [200, doc('A')] };
    for (const p of ['/', '/issues', '/events', '/events/past']) pages[p] = [200, doc(p)];
    // Next answers a path no route matches with its not-found page, as a 404.
    pages[NOT_FOUND_PROBE] = [404, doc('Page not found')];
    const seen: (string | undefined)[] = [];
    const url = await fakeNext(pages, seen);
    const regen = createRegenerator({ origin: url, previewModeId: 'p', buildId: 'b1', store, onSwap: () => {} });
    await regen.full();
    expect(Object.keys(store.current()!.manifest.pages).sort()).toEqual(['/', '/404', '/events', '/events/past', '/issues', '/issues/a']);
    expect(seen).toHaveLength(7); // the sitemap, 5 pages and the not-found document; /search is not a stored page
    const notFound = await readFile(path.join(store.current()!.dir, '404.html'), 'utf8');
    expect(notFound).toContain('Page not found');
    expect(notFound).not.toContain('<script');
  });

  it('re-renders the stored pages that link to a requested page, so a link to an unpublished issue goes', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    const withLink = '<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css"/><title>E</title></head><body><a href="/issues/x">X</a></body></html>';
    await store.commit({ put: new Map([['/events/e', Buffer.from(withLink)], ['/issues/x', Buffer.from('x')]]), remove: [], buildId: 'b1' });
    const url = await fakeNext({ '/events/e': [200, doc('E, no longer featured')] }, []);
    const regen = createRegenerator({ origin: url, previewModeId: 'p', buildId: 'b1', store, onSwap: () => {} });
    await regen.request(['/issues/x']);
    const current = store.current()!;
    expect(Object.keys(current.manifest.pages)).toEqual(['/events/e']);
    expect(await readFile(path.join(current.dir, 'events/e.html'), 'utf8')).toContain('E, no longer featured');
  });

  it('commits the changed page and the fixed pages first, then the pages around it; links only to unchanged pages cost nothing', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    const linksTo = (href: string) => Buffer.from(`<!DOCTYPE html><html><head><title>t</title></head><body><a href="${href}">x</a></body></html>`);
    await store.commit({ put: new Map([['/events/linked-to-neighbour', linksTo('/issues/neighbour')]]), remove: [], buildId: 'b1' });
    const seen: string[] = [];
    const url = await fakeNext({ '/issues/x': [200, doc('X')], '/': [200, doc('Home')], '/issues/neighbour': [200, doc('N')], '/events/e': [200, doc('E')] }, []);
    const swaps: string[] = [];
    const regen = createRegenerator({
      origin: url, previewModeId: 'p', buildId: 'b1', store,
      onSwap: (d) => swaps.push(d),
      fetch: (input, init) => (seen.push(new URL(String(input)).pathname), fetch(input, init)),
    });
    await regen.request(['/', '/issues/neighbour', '/events/e', '/issues/x'], { changed: ['/issues/x'] });
    expect(swaps).toHaveLength(2);
    const firstPages = Object.keys(JSON.parse(await readFile(path.join(swaps[0]!, 'manifest.json'), 'utf8')).pages).sort();
    expect(firstPages).toEqual(['/', '/events/linked-to-neighbour', '/issues/x']);
    expect(Object.keys(store.current()!.manifest.pages).sort()).toEqual(['/', '/events/e', '/events/linked-to-neighbour', '/issues/neighbour', '/issues/x']);
    expect(seen).not.toContain('/events/linked-to-neighbour');
  });

  it('tries a page Next could not answer again, with back-off, until it is stored; a page that fails the checks is not retried', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    const tries: Record<string, number> = {};
    // As under load at startup: the issue page times out (here: 503) twice, then renders.
    origin = http.createServer((req, res) => {
      const p = req.url ?? '';
      tries[p] = (tries[p] ?? 0) + 1;
      if (p === '/issues/slow' && tries[p] <= 2) return void res.writeHead(503).end('busy');
      if (p === '/issues/scripted') return void res.writeHead(200, { 'content-type': 'text/html' }).end(doc('S').replace('<main>', '<main><template id="B:0"></template>'));
      res.writeHead(200, { 'content-type': 'text/html' }).end(doc(p));
    });
    await new Promise<void>((r) => origin!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(origin!.address() as AddressInfo).port}`;
    const regen = createRegenerator({ origin: url, previewModeId: 'p', buildId: 'b1', store, onSwap: () => {}, retryDelaysMs: [20, 40] });
    await regen.request(['/', '/issues/slow', '/issues/scripted']);
    expect(Object.keys(store.current()!.manifest.pages)).toEqual(['/']);

    const deadline = Date.now() + 5_000;
    while (!store.current()!.manifest.pages['/issues/slow'] && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(Object.keys(store.current()!.manifest.pages).sort()).toEqual(['/', '/issues/slow']);
    expect(await readFile(path.join(store.current()!.dir, 'issues/slow.html'), 'utf8')).toContain('/issues/slow');
    // Stored: no more tries. Well past both delays, each page was asked for as often as expected.
    await new Promise((r) => setTimeout(r, 200));
    expect(tries).toEqual({ '/': 1, '/issues/slow': 3, '/issues/scripted': 1 });
  });

  it('a retry whose commit fails is logged, not left as an unhandled rejection', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const real = await openStore(root);
    let commits = 0;
    const store = { ...real, commit: (c: Parameters<typeof real.commit>[0]) => (++commits > 1 ? Promise.reject(new Error('disk full')) : real.commit(c)) };
    let tries = 0;
    origin = http.createServer((_req, res) => void (++tries === 1 ? res.writeHead(503).end('busy') : res.writeHead(200, { 'content-type': 'text/html' }).end(doc('X'))));
    await new Promise<void>((r) => origin!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(origin!.address() as AddressInfo).port}`;
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    try {
      const regen = createRegenerator({ origin: url, previewModeId: 'p', buildId: 'b1', store, onSwap: () => {}, retryDelaysMs: [20] });
      await regen.request(['/issues/x']);
      const deadline = Date.now() + 5_000;
      while (!logged.some((a) => String(a[0]).includes('a retry could not be committed')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(logged.find((a) => String(a[0]).includes('a retry could not be committed'))?.[1]).toEqual(new Error('disk full'));
      expect(tries).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });
});
