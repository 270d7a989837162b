import { describe, expect, it } from 'vitest';
import { safeHref } from '@/lib/rich-text/links';

describe('safeHref: https, mailto and relative URLs only', () => {
  it.each([
    'https://www.gov.uk/guidance',
    'HTTPS://example.org/a?b=c#d',
    'mailto:regional.projects@example.org',
    '/issues/regional-update-october-2025',
    '#section-2',
    '?page=2',
    'events/next',
  ])('allows %s', (href) => {
    expect(safeHref(href)).toBe(href.trim());
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'http://example.org/',
    'ftp://example.org/',
    '//evil.example/',
    '/\\evil.example',
    'https://',
    'file:///etc/passwd',
    '',
    'x'.repeat(3000),
  ])('refuses %j', (href) => {
    expect(safeHref(href)).toBeNull();
  });

  it('refuses non-strings', () => {
    expect(safeHref(undefined)).toBeNull();
    expect(safeHref({ href: 'https://x.org' })).toBeNull();
  });
});
