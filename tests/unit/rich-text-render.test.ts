import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RichText } from '@/components/rich-text';
import { safeHref, safeImageSrc } from '@/lib/rich-text/links';
import { richTextToPlain } from '@/lib/rich-text/plain-text';
import { validateRichText } from '@/lib/rich-text/validate';

// The renderer on its own, given stored JSON that never went through the validator
// (old or imported rows): it must apply the same allowlist, so nothing the validator
// refuses is ever shown as a link or an image.

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const image = (src: unknown) => ({ type: 'image', attrs: { src, alt: 'A chart' } });
const HASH = 'f00d'.padEnd(64, '1');
const render = (d: unknown) => renderToStaticMarkup(createElement(RichText, { doc: d }));
const attrs = (html: string, name: string) => [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('RichText: images only from the media library, as the validator allows', () => {
  it('renders a canonical media image', () => {
    expect(render(doc(image(`/media/${HASH}.webp`)))).toContain(`<img src="/media/${HASH}.webp" alt="A chart"`);
  });

  it.each([
    'https://evil.example/x.png',
    `/MEDIA/${HASH}.png`,
    '/MEDIA/x.png',
    '/media/../api/auth/signout',
    '/media/%2e%2e/api/auth/signout',
    `/media/${HASH}.png?x=1`,
    '/api/auth/signout',
    `//evil.example/media/${HASH}.png`,
    'data:image/png;base64,AAAA',
  ])('leaves out an image from %s', (src) => {
    const html = render(doc(p(text('before')), image(src), p(text('after'))));
    expect(html).not.toContain('<img');
    expect(html).toContain('before');
    expect(html).toContain('after');
  });

  it('shows an image exactly when the validator accepts its source', () => {
    const src = fc.oneof(
      fc.string(),
      fc.constantFrom('/media/', '/MEDIA/', '/media/../', '/media/%2e%2e/', 'https://x.org/media/').chain((prefix) =>
        fc.tuple(fc.stringMatching(/^[a-fA-F0-9./%?#\\]{0,70}$/), fc.constantFrom('.png', '.jpg', '.webp', '.PNG', '.gif', '')).map(
          ([name, ext]) => `${prefix}${name}${ext}`,
        ),
      ),
      fc.constant(`/media/${HASH}.png`),
    );
    fc.assert(
      fc.property(src, (s) => {
        const shown = render(doc(image(s))).includes('<img');
        return shown === validateRichText(doc(image(s))).ok && shown === (safeImageSrc(s) !== null);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('RichText: nothing outside the allowlist from any stored JSON', () => {
  const node: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof(
      // Leaves first: at the depth limit fast-check picks the first choice.
      { depthSize: 'small', maxDepth: 6 },
      fc.jsonValue({ maxDepth: 2 }),
      fc.record({
        type: fc.constant('text'),
        text: fc.string(),
        marks: fc.array(fc.record({ type: fc.constantFrom('bold', 'italic', 'link', 'code'), attrs: fc.record({ href: fc.oneof(fc.string(), fc.jsonValue()) }) }), { maxLength: 3 }),
      }),
      fc.record({ type: fc.constant('image'), attrs: fc.record({ src: fc.oneof(fc.string(), fc.constant(`/media/${HASH}.png`), fc.jsonValue()), alt: fc.oneof(fc.string(), fc.jsonValue()) }) }),
      fc.record({
        type: fc.constantFrom('paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'doc', 'script'),
        attrs: fc.dictionary(fc.constantFrom('level', 'start', 'src', 'href', 'onclick'), fc.jsonValue({ maxDepth: 1 })),
        content: fc.array(tie('node'), { maxLength: 4 }),
      }),
    ),
  })).node;

  it('every href and src it writes passes the shared rules', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 5 }), (content) => {
        const html = render({ type: 'doc', content });
        return attrs(html, 'href').every((h) => safeHref(h) === h) && attrs(html, 'src').every((s) => safeImageSrc(s) === s);
      }),
      { numRuns: 1500 },
    );
  });

  it('renders an unsafe link as its text', () => {
    const html = render(doc(p(text('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))));
    expect(html).not.toContain('<a');
    expect(html).toContain('click');
  });

  it('stops at the validator’s nesting limit instead of exhausting the stack', () => {
    let deep: unknown = p(text('deepest'));
    for (let i = 0; i < 20_000; i++) deep = { type: 'blockquote', content: [deep] };
    const html = render(doc(p(text('top')), deep));
    expect(html).toContain('top');
    expect(html).not.toContain('deepest');
    expect(richTextToPlain(doc(p(text('top')), deep))).toBe('top');
    let allowed: unknown = p(text('kept'));
    for (let i = 0; i < 11; i++) allowed = { type: 'blockquote', content: [allowed] };
    expect(validateRichText(doc(allowed)).ok).toBe(true);
    expect(render(doc(allowed))).toContain('kept');
    expect(richTextToPlain(doc(allowed))).toBe('kept');
  });
});
