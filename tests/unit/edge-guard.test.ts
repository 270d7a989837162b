import { describe, expect, it } from 'vitest';
import { isCrossSite, renderPage, PAGES, samePath, urlProblem } from '../../scripts/lib/edge-guard.mjs';

describe('urlProblem: the edge refuses malformed addresses', () => {
  it.each([
    '/issues/%FF',
    '/issues/%C0%AF',
    '/events/%00',
    '/events/%00/calendar.ics',
    '/media/%FF.png',
    '/admin/issues/%E0%80%80',
    '/admin/people/%ED%A0%80', // an encoded UTF-16 surrogate
    '/search/%',
    '/search/%zz',
    '/admin/issues/a%0Ab',
    '/x%7F',
    '/x%C2%85', // U+0085, a C1 control
    '/search?q=%FF',
    '/search?q=100%',
    'http://localhost/issues/%FF',
  ])('%s', (url) => {
    expect(urlProblem(url)).not.toBeNull();
  });

  it('refuses characters a client must have percent-encoded', () => {
    expect(urlProblem('/issues/caf\u00e9')).not.toBeNull();
    expect(urlProblem('/issues/a b')).not.toBeNull();
    expect(urlProblem('')).not.toBeNull();
  });

  it.each([
    '/',
    '/issues/regional-update-october-2025',
    '/search?q=caf%C3%A9+au+lait',
    '/search?q=%E2%80%A8', // a line separator is not a control character
    // Control characters in a query are well formed: the page's schema strips or refuses them.
    '/admin/media?page=-1&q=%00',
    '/admin/people?q=%00&page=1e9',
    '/search?%00=x',
    '/sign-in?callbackUrl=%0D%0ALocation:%20http://evil.example',
    '/search?q=100%25',
    '/admin/media?page=2&q=',
    '/events?mode=online&free=yes&topic=&page=3',
    '/_next/static/chunks/app.js?v=1',
    '/admin/issues/3f410328-7fe7-442d-b5bd-64fb28892476?_rsc=abc12',
    '/api/auth/callback/azure-ad?code=0.AX-abc_def&state=xyz&session_state=1-2',
    '/sign-in?callbackUrl=%2Fadmin%2Fissues',
    'http://localhost:3000/issues',
    '*',
  ])('lets %s through', (url) => {
    expect(urlProblem(url)).toBeNull();
  });
});

describe('isCrossSite: server actions only from this site', () => {
  const host = { host: 'localhost:3000' };
  it('refuses another origin, a malformed one and "null"', () => {
    expect(isCrossSite({ ...host, origin: 'http://evil.example' })).toBe(true);
    expect(isCrossSite({ ...host, origin: 'http://localhost:3001' })).toBe(true);
    expect(isCrossSite({ ...host, origin: 'not a url' })).toBe(true);
    expect(isCrossSite({ ...host, origin: 'null' })).toBe(true);
    expect(isCrossSite({ origin: 'http://localhost:3000' })).toBe(true);
  });
  it('accepts the same host, behind a proxy the forwarded host, and no Origin (as Next.js does)', () => {
    expect(isCrossSite({ ...host, origin: 'http://localhost:3000' })).toBe(false);
    expect(isCrossSite({ host: '127.0.0.1:3000', 'x-forwarded-host': 'bulletin.example.org, proxy', origin: 'https://bulletin.example.org' })).toBe(false);
    expect(isCrossSite(host)).toBe(false);
  });
});

describe('the edge pages', () => {
  it('are small complete pages with the site headers', () => {
    const { headers, body } = renderPage({ ...PAGES.badForm, back: samePath('/admin/issues/x?y=<z>') });
    expect(body).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(body).toContain('<title>Bad request – Regional Update</title>');
    expect(body).toContain('<h1>Your form could not be sent</h1>');
    expect(body).toContain('<a href="/">');
    expect(body).toContain('<a href="/admin/issues/x">');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Security-Policy']).toContain("default-src 'self'");
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['Content-Length']).toBe(String(Buffer.byteLength(body)));
  });
  it('never link back to another host', () => {
    expect(samePath('//evil.example/x')).toBeUndefined();
    expect(samePath('/\\evil.example')).toBeUndefined();
    expect(samePath('http://evil.example/')).toBeUndefined();
  });
});
