import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFastPath, eligible } from '../../scripts/lib/public-pages/fast-path.mjs';
import { fileFor, openStore } from '../../scripts/lib/public-pages/store.mjs';

const page = (title: string) => Buffer.from(`<!DOCTYPE html><html><head><title>${title}</title></head><body>${'x'.repeat(500)}</body></html>`);
let root = '';
let server: http.Server | null = null;
afterEach(async () => {
  server?.close();
  server = null;
  if (root) await rm(root, { recursive: true, force: true });
});

async function serve(fast: ReturnType<typeof createFastPath>) {
  server = http.createServer((req, res) => {
    if (!fast.handle(req, res)) {
      res.statusCode = 599; // "Next.js would answer"
      res.end();
    }
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return (p: string, headers: Record<string, string> = {}) => fetch(base + p, { headers });
}

describe('the public page store: generations switched by one rename', () => {
  it('maps only public page paths to files', () => {
    expect(fileFor('/')).toBe('index.html');
    expect(fileFor('/issues/october-2025')).toBe('issues/october-2025.html');
    expect(fileFor('/events/past')).toBe('events/past.html');
    for (const bad of ['/admin', '/preview/abc', '/issues/../x', '/issues/', '/issues/x?y', '/search']) expect(() => fileFor(bad)).toThrow();
  });

  it('commits a new generation; unchanged pages are the same inode, changed ones new files', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    const first = await store.commit({ put: new Map([['/', page('home')], ['/issues', page('archive')]]), remove: [], buildId: 'b1' });
    const second = await store.commit({ put: new Map([['/', page('home, new issue')], ['/issues', page('archive')]]), remove: [], buildId: 'b1' });
    expect(store.current()?.dir).toBe(second.dir);
    expect(second.written).toEqual(['/']);
    const ino = async (dir: string, f: string) => (await stat(path.join(dir, f))).ino;
    expect(await ino(second.dir, 'issues.html.br')).toBe(await ino(first.dir, 'issues.html.br'));
    expect(await ino(second.dir, 'index.html')).not.toBe(await ino(first.dir, 'index.html'));
  });

  it('drops removed pages and every page of another build', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    await store.commit({ put: new Map([['/', page('home')], ['/issues/x', page('x')]]), remove: [], buildId: 'b1' });
    const removed = await store.commit({ put: new Map(), remove: ['/issues/x'], buildId: 'b1' });
    expect(Object.keys(removed.manifest.pages)).toEqual(['/']);
    const rebuilt = await store.commit({ put: new Map([['/issues', page('archive')]]), remove: [], buildId: 'b2' });
    expect(Object.keys(rebuilt.manifest.pages)).toEqual(['/issues']);
  });

  it('a full commit keeps only the pages it was given, unchanged ones as the same inode', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    const first = await store.commit({ put: new Map([['/', page('home')], ['/issues/gone', page('gone')]]), remove: [], buildId: 'b1' });
    const full = await store.commit({ put: new Map([['/', page('home')], ['/events', page('events')]]), remove: [], buildId: 'b1', full: true });
    expect(Object.keys(full.manifest.pages).sort()).toEqual(['/', '/events']);
    expect((await stat(path.join(full.dir, 'index.html'))).ino).toBe((await stat(path.join(first.dir, 'index.html'))).ino);
  });

  it('records the issue and event links of each page and finds the pages linking to a path', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    const linking = (href: string) => Buffer.from(`<!DOCTYPE html><html><head><title>t</title></head><body><a href="${href}">x</a><a href="/issues">all</a></body></html>`);
    await store.commit({
      put: new Map([['/events/e', linking('/issues/october')], ['/issues/june', linking('/issues/july')], ['/', page('home')]]),
      remove: [],
      buildId: 'b1',
    });
    expect(store.current()!.manifest.pages['/events/e']!.links).toEqual(['/issues/october']);
    expect(store.linkingTo(['/issues/october'])).toEqual(['/events/e']);
    expect(store.linkingTo(['/issues/july', '/issues/october']).sort()).toEqual(['/events/e', '/issues/june']);
    expect(store.linkingTo(['/issues/unknown'])).toEqual([]);
  });

  it('a crash part-way through a commit leaves the previous generation current and served', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    const good = await store.commit({ put: new Map([['/', page('old home')]]), remove: [], buildId: 'b1' });
    const fast = createFastPath({ headers: {} });
    fast.swap(good.dir);
    const get = await serve(fast);
    let writes = 0;
    const failing = async () => {
      if (++writes > 1) throw new Error('disk full');
    };
    await expect(
      store.commit({ put: new Map([['/', page('new home')], ['/issues', page('archive')]]), remove: [], buildId: 'b1' }, { create: failing }),
    ).rejects.toThrow('disk full');
    expect(store.current()?.dir).toBe(good.dir);
    expect((await readdir(root)).filter((f) => f.startsWith('gen-'))).toEqual([path.basename(good.dir)]);
    expect(await (await get('/')).text()).toContain('old home');
  });

  it('prune keeps the current generation and recent ones', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    const a = await store.commit({ put: new Map([['/', page('a')]]), remove: [], buildId: 'b1' });
    const b = await store.commit({ put: new Map([['/', page('b')]]), remove: [], buildId: 'b1' });
    await store.prune(60_000);
    expect((await readdir(root)).filter((f) => f.startsWith('gen-')).sort()).toEqual([path.basename(a.dir), path.basename(b.dir)].sort());
    await store.prune(0);
    expect((await readdir(root)).filter((f) => f.startsWith('gen-'))).toEqual([path.basename(b.dir)]);
  });
});

describe('the fast path: stored pages for anonymous GET/HEAD of public paths only', () => {
  const req = (over: Partial<http.IncomingMessage>) => ({ method: 'GET', url: '/issues/x', headers: {}, ...over }) as http.IncomingMessage;

  it.each([
    ['a public page', req({}), true],
    ['the home page', req({ url: '/' }), true],
    ['HEAD', req({ method: 'HEAD' }), true],
    ['POST (a server action)', req({ method: 'POST' }), false],
    ['a query string', req({ url: '/events?topic=send' }), false],
    ['a trailing slash', req({ url: '/issues/' }), false],
    ['an admin page', req({ url: '/admin/issues' }), false],
    ['a session cookie', req({ headers: { cookie: 'a=1; next-auth.session-token=abc' } }), false],
    ['a secure chunked session cookie', req({ headers: { cookie: '__Secure-next-auth.session-token.0=abc' } }), false],
    ['another cookie', req({ headers: { cookie: 'next-auth.csrf-token=abc' } }), true],
    ['a client navigation (RSC)', req({ headers: { rsc: '1' } }), false],
    ['the renderer’s own request', req({ headers: { 'x-prerender-revalidate': 'id' } }), false],
  ])('%s → %s', (_name, r, expected) => {
    expect(eligible(r)).toBe(expected);
  });

  it('serves brotli with ETag and the strict CSP, answers 304 to a matching ETag, and leaves misses to Next untouched', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-'));
    const store = await openStore(root);
    const gen = await store.commit({ put: new Map([['/issues/x', page('issue x')]]), remove: [], buildId: 'b1' });
    const fast = createFastPath({ headers: { 'Content-Security-Policy': "script-src 'self'" } });
    fast.swap(gen.dir);
    const get = await serve(fast);

    const hit = await get('/issues/x', { 'accept-encoding': 'br, gzip' });
    expect(hit.status).toBe(200);
    expect(hit.headers.get('content-encoding')).toBe('br');
    expect(hit.headers.get('content-security-policy')).toBe("script-src 'self'");
    expect(hit.headers.get('vary')).toBe('Accept-Encoding');
    expect(await hit.text()).toContain('issue x'); // fetch decodes br
    const etag = hit.headers.get('etag')!;
    const notModified = await get('/issues/x', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag); // sirv's own 304 would leave it out
    expect(notModified.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');

    const miss = await get('/issues/not-stored');
    expect(miss.status).toBe(599);
    expect(miss.headers.get('content-security-policy')).toBeNull();
    expect(miss.headers.get('x-public-page')).toBeNull();
  });
});
