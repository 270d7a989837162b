import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// Revalidation after publishing: direct inside a request, through the server's
// internal route from the job worker; the route accepts only the HMAC token.

const calls = vi.hoisted(() => ({ revalidated: [] as string[][], inRequest: true }));
vi.mock('@/lib/revalidate', () => ({
  revalidatePublicContent: (opts: { issueSlugs?: string[] }) => {
    if (!calls.inRequest) throw new Error('Invariant: static generation store missing in revalidateTag issues');
    calls.revalidated.push(opts.issueSlugs ?? []);
  },
}));

const { POST } = await import('@/app/api/internal/revalidate/route');
const { internalRevalidateToken, revalidateIssuePages } = await import('@/lib/workflow/revalidate');

let server: http.Server;
const received: { auth?: string; body: string }[] = [];

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = 'unit-secret';
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.INTERNAL_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  delete process.env.INTERNAL_URL;
});

beforeEach(() => {
  calls.revalidated.length = 0;
  received.length = 0;
  calls.inRequest = true;
});

const request = (auth: string | null, body: unknown) =>
  new Request('http://localhost/api/internal/revalidate', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('internal revalidation route', () => {
  it('revalidates with the right token', async () => {
    const res = await POST(request(`Bearer ${internalRevalidateToken()}`, { issueSlugs: ['december-2026'] }));
    expect(res.status).toBe(204);
    expect(calls.revalidated).toEqual([['december-2026']]);
  });

  it('answers 404 without the token or with another, and 400 to a bad body', async () => {
    expect((await POST(request(null, { issueSlugs: ['x'] }))).status).toBe(404);
    expect((await POST(request('Bearer nope', { issueSlugs: ['x'] }))).status).toBe(404);
    expect((await POST(request(`Bearer ${internalRevalidateToken()}x`, { issueSlugs: ['x'] }))).status).toBe(404);
    expect((await POST(request(`Bearer ${internalRevalidateToken()}`, { issueSlugs: ['../etc'] }))).status).toBe(400);
    expect((await POST(request(`Bearer ${internalRevalidateToken()}`, '{not json'))).status).toBe(400);
    expect((await POST(request(`Bearer ${internalRevalidateToken()}`, { issueSlugs: [], extra: 1 }))).status).toBe(400);
    expect(calls.revalidated).toEqual([]);
  });

  it('derives the token from NEXTAUTH_SECRET', () => {
    const a = internalRevalidateToken();
    process.env.NEXTAUTH_SECRET = 'another-secret';
    expect(internalRevalidateToken()).not.toBe(a);
    process.env.NEXTAUTH_SECRET = 'unit-secret';
  });
});

describe('revalidateIssuePages', () => {
  it('revalidates directly inside a request', async () => {
    expect(await revalidateIssuePages(['june-2024'])).toBe('request');
    expect(calls.revalidated).toEqual([['june-2024']]);
    expect(received).toEqual([]);
  });

  it('outside a request asks the internal route with the token', async () => {
    calls.inRequest = false;
    expect(await revalidateIssuePages(['june-2024'])).toBe('internal');
    expect(received).toEqual([{ auth: `Bearer ${internalRevalidateToken()}`, body: JSON.stringify({ issueSlugs: ['june-2024'] }) }]);
  });

  it('never throws when the route is unreachable', async () => {
    calls.inRequest = false;
    const url = process.env.INTERNAL_URL;
    process.env.INTERNAL_URL = 'http://127.0.0.1:9';
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await revalidateIssuePages(['june-2024'])).toBe('failed');
    error.mockRestore();
    process.env.INTERNAL_URL = url;
  });
});
