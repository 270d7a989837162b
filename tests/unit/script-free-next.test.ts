import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptFreeCandidate, scriptFreeNextPage } from '../../scripts/lib/public-pages/script-free-next.mjs';

// Public pages Next renders per request (a search, filtered events) go out script-free
// under the strict CSP when the stored-page checks pass, and as Next sent them, with
// Next's CSP, when they do not (decision 025).

const STRICT = "script-src 'self'";
const NEXT_CSP = "script-src 'self' 'unsafe-inline'";
const page = (body: string) =>
  `<!DOCTYPE html><html><head><title>Search</title><link rel="stylesheet" href="/_next/a.css"/><script src="/_next/c.js" async=""></script></head><body>${body}<script src="/enhance.js" defer=""></script><script>self.__next_f.push([1,"x"])</script></body></html>`;

let server: http.Server;
let base = '';

beforeAll(async () => {
  // A stand-in for Next: streams the page in pieces after writeHead, like its renderer.
  server = http.createServer((req, res) => {
    if (scriptFreeCandidate(req)) scriptFreeNextPage(req, res, STRICT);
    const html =
      req.url === '/search?q=suspended' ? page('<template id="B:0"></template><!--$?-->loading') : page(`<main>${'Results '.repeat(300)}</main>`);
    res.setHeader('Content-Security-Policy', NEXT_CSP);
    res.writeHead(req.url === '/events?mode=gone' ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.write(html.slice(0, 100));
    setTimeout(() => res.end(html.slice(100)), 5);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const get = (path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(base + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });

describe('script-free pages from Next', () => {
  it('a complete page loses every script but /enhance.js and gets the strict CSP, gzipped when asked', async () => {
    const res = await get('/search?q=safeguarding', { 'accept-encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(STRICT);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    const html = gunzipSync(res.body).toString();
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script src="/enhance.js" defer="">']);
    expect(html).not.toContain('__next_f');
    expect(html).toContain('Results Results');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
  });

  it('a page that fails the checks goes out as Next sent it, with Next’s CSP', async () => {
    const res = await get('/search?q=suspended');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(NEXT_CSP);
    expect(res.headers['x-script-free']).toBeUndefined();
    expect(res.body.toString()).toBe(page('<template id="B:0"></template><!--$?-->loading'));
  });

  it('a non-200 answer, a signed-in reader and other paths are left alone', async () => {
    const missing = await get('/events?mode=gone');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(NEXT_CSP);
    expect(missing.body.toString()).toContain('__next_f');
    const signedIn = await get('/events?mode=online', { cookie: 'next-auth.session-token=abc' });
    expect(signedIn.headers['content-security-policy']).toBe(NEXT_CSP);
    const admin = await get('/admin?q=x');
    expect(admin.headers['content-security-policy']).toBe(NEXT_CSP);
    const filtered = await get('/events/past?page=2');
    expect(filtered.headers['content-security-policy']).toBe(STRICT);
  });
});
