import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFastPath } from '../../scripts/lib/public-pages/fast-path.mjs';
import { NOT_FOUND, openStore } from '../../scripts/lib/public-pages/store.mjs';

// Next decides what is a 404, but its 404 page carries the client runtime and, for an
// unknown issue or event, an empty <body> without JavaScript. For a reader's request the
// fast path answers with the stored script-free not-found document instead (decision 025).

const notFoundDoc = `<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>Page not found</h1>${'x'.repeat(400)}</body></html>`;
let root = '';
let server: http.Server;
let base = '';

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'public-pages-404-'));
  const store = await openStore(root);
  const put = new Map([
    [NOT_FOUND, Buffer.from(notFoundDoc)],
    ['/issues', Buffer.from('<!DOCTYPE html><html><head><title>Archive</title></head><body>archive</body></html>')],
  ]);
  const { dir } = await store.commit({ put, remove: [], buildId: 'b1' });
  const fast = createFastPath({ headers: { 'Content-Security-Policy': "script-src 'self'" } });
  fast.swap(dir);
  // Stand-ins for the ways Next answers.
  server = http.createServer((req, res) => {
    if (fast.handle(req, res)) return;
    if (req.url === '/issues/unknown') {
      // An ISR page that called notFound(): streamed, headers flushed first.
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
      res.setHeader('Content-Security-Policy', "script-src 'self' 'unsafe-inline'");
      res.flushHeaders();
      res.write('<!DOCTYPE html><html id="__next_error__"><head><script src="/_next/a.js"></script></head>');
      res.write('<body></body></html>');
      res.end();
    } else if (req.url?.startsWith('/no-such-page')) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<html><body>Next 404<script>self.__next_f.push([])</script></body></html>');
    } else if (req.url === '/wrapped?page=2') {
      // As Next's compression does: its own write/end on top of the fast path's.
      const write = res.write.bind(res) as (chunk: Buffer) => boolean;
      const end = res.end.bind(res) as () => http.ServerResponse;
      const chunks: Buffer[] = [];
      res.write = ((chunk: string) => (chunks.push(Buffer.from(chunk.toUpperCase())), true)) as typeof res.write;
      res.end = (() => {
        write(Buffer.concat(chunks));
        return end();
      }) as typeof res.end;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.write('first ');
      res.write('second');
      res.end();
    } else if (req.url === '/api/nothing') {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"error":"not found"}');
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<html><body>Next page</body></html>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(root, { recursive: true, force: true });
});

const get = (p: string, headers: Record<string, string> = {}, method = 'GET') => fetch(base + p, { headers, method });

describe('the stored not-found document', () => {
  it('replaces Next’s streamed 404 for an unknown issue, with the stored headers and a kept Cache-Control', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const res = await get('/issues/unknown', { 'accept-encoding': encoding });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-encoding')).toBe(encoding === 'identity' ? null : encoding);
      expect(await res.text()).toBe(notFoundDoc);
      expect(res.headers.get('content-security-policy')).toBe("script-src 'self'");
      expect(res.headers.get('x-public-not-found')).toMatch(/^gen-/);
      expect(res.headers.get('x-public-page')).toBeNull(); // not a stored page: Next decided it is a 404
      expect(res.headers.get('cache-control')).toBe('private, no-cache, no-store, max-age=0, must-revalidate');
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
    }
  });

  it('replaces a 404 written with writeHead, for any reader path, query strings too; HEAD gets no body', async () => {
    for (const p of ['/no-such-page', '/no-such-page?utm_source=x']) {
      const res = await get(p);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe(notFoundDoc);
    }
    const head = await get('/no-such-page', { 'accept-encoding': 'identity' }, 'HEAD');
    expect(head.status).toBe(404);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(notFoundDoc)));
    expect(await head.text()).toBe('');
  });

  it('leaves Next’s answer alone for signed-in readers, Flight requests, non-HTML 404s and other statuses', async () => {
    const signedIn = await get('/no-such-page', { cookie: 'next-auth.session-token=abc' });
    expect(await signedIn.text()).toContain('Next 404');
    const rsc = await get('/issues/unknown', { rsc: '1' });
    expect(await rsc.text()).toContain('__next_error__');
    const api = await get('/api/nothing');
    expect([api.status, await api.text()]).toEqual([404, '{"error":"not found"}']);
    const ok = await get('/issues?page=2');
    expect([ok.status, await ok.text()]).toEqual([200, '<html><body>Next page</body></html>']);
    const wrapped = await get('/wrapped?page=2');
    expect([wrapped.status, await wrapped.text()]).toEqual([200, 'FIRST SECOND']);
    const stored = await get('/issues');
    expect(await stored.text()).toContain('archive');
  });
});
