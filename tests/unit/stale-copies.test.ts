import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaleCopies, keepable } from '../../scripts/lib/stale-copies.mjs';

// The last good copy of public answers that are not stored pages, served while the
// database is unreachable (docs/decisions/028-database-outage.md). A stand-in for Next
// answers as Next does: streamed, compressed, with cookies, failing on demand.

let server: http.Server;
let base = '';
let failing = false;
let version = 1;
let failedAnswers = 0;
const copies = createStaleCopies({ maxEntryBytes: 64 * 1024, onFailedAnswer: () => (failedAnswers += 1) });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.headers['x-down'] === '1') {
      if (!copies.serve(req, res)) res.writeHead(503).end('down');
      return;
    }
    copies.watch(req, res);
    if (failing) {
      res.statusCode = 500;
      res.setHeader('Content-Type', 'text/html');
      res.end('<h1>Internal Server Error</h1>');
      return;
    }
    const url = req.url ?? '';
    if (url === '/events.ics') {
      res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Encoding': 'gzip' });
      res.end(gzipSync(`BEGIN:VCALENDAR v${version}`));
    } else if (url.startsWith('/search')) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.write(`<p>results v${version}</p>`);
      res.end('<p>end</p>');
    } else if (url === '/feed.xml') {
      res.writeHead(200, { 'Content-Type': 'application/atom+xml', 'Set-Cookie': 'a=b' });
      res.end('<feed/>');
    } else if (url === '/media/big.png') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(Buffer.alloc(100 * 1024));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .request(base + path, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
const down = { 'x-down': '1' };

describe('stale copies', () => {
  it('keeps only anonymous GETs of public addresses that are not stored pages', () => {
    const req = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ url, headers, method }) as unknown as http.IncomingMessage;
    expect(['/events.ics', '/feed.xml', '/events?mode=online', '/search?q=x', '/media/a.png', '/events/x/calendar.ics'].map((u) => keepable(req(u)))).toEqual([
      true, true, true, true, true, true,
    ]);
    // Stored pages, personal pages, the admin, signed-in readers, Flight requests and posts: never.
    expect(['/', '/issues', '/events', '/events/past', '/issues/x', '/subscribe?email=a', '/subscriptions/t', '/admin', '/api/media'].some((u) => keepable(req(u)))).toBe(false);
    expect(keepable(req('/events.ics', { cookie: 'next-auth.session-token=x' }))).toBe(false);
    expect(keepable(req('/events.ics', { rsc: '1' }))).toBe(false);
    expect(keepable(req('/events.ics', {}, 'POST'))).toBe(false);
  });

  it('serves the last good answer byte for byte, decoded for a client that cannot take its encoding', async () => {
    expect((await get('/events.ics', { 'accept-encoding': 'gzip' })).status).toBe(200);
    const gz = await get('/events.ics', { ...down, 'accept-encoding': 'gzip' });
    expect([gz.status, gz.headers['content-encoding'], gz.headers['x-stale-copy'], gz.headers['cache-control']]).toEqual([200, 'gzip', 'database-unavailable', 'no-cache']);
    expect(gz.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const plain = await get('/events.ics', { ...down, 'accept-encoding': 'identity' });
    expect([plain.headers['content-encoding'], plain.body.toString()]).toEqual([undefined, 'BEGIN:VCALENDAR v1']);
    const head = await get('/events.ics', { ...down, 'accept-encoding': 'identity' }, 'HEAD');
    expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, String('BEGIN:VCALENDAR v1'.length)]);
  });

  it('keeps a streamed page whole, and never an answer that sets a cookie or is over the size limit', async () => {
    await get('/search?q=a');
    expect((await get('/search?q=a', down)).body.toString()).toBe('<p>results v1</p><p>end</p>');
    await get('/feed.xml');
    expect((await get('/feed.xml', down)).status).toBe(503);
    await get('/media/big.png');
    expect((await get('/media/big.png', down)).status).toBe(503);
  });

  it('answers a failed render with the copy, and counts it so the database is checked at once', async () => {
    await get('/search?q=b');
    failing = true;
    try {
      const before = failedAnswers;
      const res = await get('/search?q=b');
      expect([res.status, res.headers['x-stale-copy'], res.body.toString()]).toEqual([200, 'database-unavailable', '<p>results v1</p><p>end</p>']);
      expect(failedAnswers).toBe(before + 1);
      expect((await get('/search?q=never-asked')).status).toBe(500);
    } finally {
      failing = false;
    }
  });

  it('drops every copy when published content changes', async () => {
    await get('/search?q=c');
    copies.clear();
    version = 2;
    expect((await get('/search?q=c', down)).status).toBe(503);
    await get('/search?q=c');
    expect((await get('/search?q=c', down)).body.toString()).toBe('<p>results v2</p><p>end</p>');
  });
});
