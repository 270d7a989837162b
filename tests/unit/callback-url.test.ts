import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLBACK_URL, safeCallbackUrl } from '@/lib/validation/callback-url';

const SITE = 'https://bulletin.example.org';

// What a query string decodes to: each of these, followed by a browser, would leave the site
// (a tab, line break or backslash is dropped or read as "/"), or splits a header.
const HOSTILE = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '/\u0000/evil.example',
  '/\u2028/evil.example',
  '/\u2029/evil.example',
  '/\u3000/evil.example',
  '/\u00a0/evil.example',
  '/\u0085/evil.example',
  '/\u007f/evil.example',
  '/admin\r\nLocation: https://evil.example',
  '\r\nLocation:https://evil.example',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '\\/evil.example',
  'https://evil.example/admin',
  'http:evil.example',
  'javascript:alert(1)',
  'data:text/html,x',
  'evil.example',
  ' /admin',
  '/admin ',
  '/a/..//evil.example',
  '/./\u0009/evil.example',
  '',
  '/'.padEnd(2001, 'a'),
];

describe('safeCallbackUrl', () => {
  it.each(HOSTILE)('refuses %j', (value) => {
    expect(safeCallbackUrl(value)).toBe(DEFAULT_CALLBACK_URL);
    expect(safeCallbackUrl(value, SITE)).toBe(DEFAULT_CALLBACK_URL);
  });

  it('refuses what is not one string', () => {
    for (const value of [undefined, null, 42, {}, ['//evil.example', '/admin']]) expect(safeCallbackUrl(value)).toBe(DEFAULT_CALLBACK_URL);
  });

  it('keeps same-site paths with their query and fragment', () => {
    expect(safeCallbackUrl('/admin/issues?status=DRAFT#list')).toBe('/admin/issues?status=DRAFT#list');
    expect(safeCallbackUrl(['/admin/people', '//evil.example'])).toBe('/admin/people');
    expect(safeCallbackUrl('/admin/%09x')).toBe('/admin/%09x');
  });

  it('normalises dot segments, and the result must still be a path on this site', () => {
    expect(safeCallbackUrl('/admin/../sign-in')).toBe('/sign-in');
    expect(safeCallbackUrl('/admin/./issues')).toBe('/admin/issues');
  });

  it('lets an absolute URL through only when it is on the site origin given', () => {
    expect(safeCallbackUrl(`${SITE}/admin/issues?x=1`, SITE)).toBe('/admin/issues?x=1');
    expect(safeCallbackUrl(`${SITE}/admin`)).toBe(DEFAULT_CALLBACK_URL);
    expect(safeCallbackUrl('https://bulletin.example.org.evil.example/admin', SITE)).toBe(DEFAULT_CALLBACK_URL);
    expect(safeCallbackUrl('http://bulletin.example.org/admin', SITE)).toBe(DEFAULT_CALLBACK_URL);
    expect(safeCallbackUrl('https://user@evil.example/admin', SITE)).toBe(DEFAULT_CALLBACK_URL);
  });

  it('uses the fallback it is given', () => {
    expect(safeCallbackUrl('//evil.example', undefined, '/sign-in')).toBe('/sign-in');
  });
});
