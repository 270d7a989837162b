import { describe, expect, it } from 'vitest';
import { validateRichText } from '@/lib/rich-text/validate';

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const HASH = 'c0ffee'.padEnd(64, '0');
const image = (src: unknown) => doc({ type: 'image', attrs: { src, alt: 'A photo' } });

describe('validateRichText: the editor allowlist on the server', () => {
  it('accepts headings, formatting, lists, quotes, safe links and library images', () => {
    const ok = validateRichText(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Title')] },
        p(text('Bold', [{ type: 'bold' }]), text(' and '), text('a link', [{ type: 'link', attrs: { href: 'https://www.gov.uk' } }])),
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('one'))] }] },
        { type: 'blockquote', content: [p(text('quoted'))] },
        { type: 'image', attrs: { src: `/media/${HASH}.webp`, alt: 'A photo' } },
        p(text('mail', [{ type: 'link', attrs: { href: 'mailto:a@example.org' } }])),
      ),
    );
    expect(ok.ok).toBe(true);
  });

  it.each([
    ['a script node', doc({ type: 'script', content: [] }), /“script” is not allowed/],
    ['an unknown mark', doc(p(text('x', [{ type: 'underline' }]))), /formatting “underline”/],
    ['a javascript: link', doc(p(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))), /link “javascript:alert\(1\)” is not allowed/],
    ['a data: link', doc(p(text('x', [{ type: 'link', attrs: { href: 'data:text/html,<script>' } }]))), /is not allowed/],
    ['an external image', doc({ type: 'image', attrs: { src: 'https://evil.example/x.svg', alt: '' } }), /media library/],
    ['an h1', doc({ type: 'heading', attrs: { level: 1 }, content: [text('x')] }), /level 2, 3 or 4/],
    ['extra attributes', doc({ type: 'paragraph', content: [], onclick: 'x' }), /unexpected onclick/],
    ['not a document', { type: 'html', content: '<b>x</b>' }, /not valid editor content/],
  ])('rejects %s with a clear message', (_name, input, message) => {
    const result = validateRichText(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('validateRichText: images only by their canonical media-library path', () => {
  it.each([`/media/${HASH}.png`, `/media/${HASH}.jpg`, `/media/${HASH}.webp`])('accepts %s', (src) => {
    expect(validateRichText(image(src))).toMatchObject({ ok: true });
  });

  it.each([
    '/media/../api/auth/signout',
    `/media/../media/${HASH}.png`,
    `/media/./${HASH}.png`,
    '/media/%2e%2e/api/auth/signout',
    '/media/%2E%2E/api/auth/signout',
    `/media/%2e%2e%2fapi%2fauth%2fsignout`,
    `/media/${HASH}%2epng`,
    `/media\\${HASH}.png`,
    `/media/${HASH}.png\\`,
    `/MEDIA/${HASH}.png`,
    `/Media/${HASH}.png`,
    `/media/${HASH.toUpperCase()}.png`,
    `/media/${HASH}.PNG`,
    `/media/${HASH}.png?download=1`,
    `/media/${HASH}.png#x`,
    `/media/${HASH}.gif`,
    `/media/${HASH}.svg`,
    `/media//${HASH}.png`,
    `//media/${HASH}.png`,
    `/media/${HASH.slice(1)}.png`,
    `/media/${HASH}.png/`,
    ` /media/${HASH}.png`,
    `/media/${HASH}.png\n`,
    `https://evil.example/media/${HASH}.png`,
    `media/${HASH}.png`,
    '/media/abc.webp',
    '/media/',
    '',
    42,
    { toString: `/media/${HASH}.png` },
  ])('refuses %j', (src) => {
    const result = validateRichText(image(src));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/images must come from the media library/) });
  });
});
