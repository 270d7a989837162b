import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { RichText } from '@/components/rich-text';
import { validateRichText } from '@/lib/rich-text/validate';
import { allPayloads } from '../fixtures/xss/corpus';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Every corpus payload is put in each risky place of an editor document and sent
// through the section save path (saveSection: validation, then the database).
// What is accepted is read back and rendered by the public renderer; the markup
// may only contain allowlisted tags and attributes with safe URLs.

let testDb: TestDatabase;
let sections: typeof import('@/lib/data/sections');
let editor: SessionUser;
let sectionId: string;

type Doc = { type: 'doc'; content: unknown[] };
const doc = (...content: unknown[]): Doc => ({ type: 'doc', content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const link = (href: string, extra: Record<string, unknown> = {}) => ({ type: 'link', attrs: { href, ...extra } });
const MEDIA = '/media/0000000000000000000000000000000000000000000000000000000000000000.png';

/** Each risky place a payload can go, as a block (or blocks) of a document. */
const PLACEMENTS: Record<string, (x: string) => unknown[]> = {
  'text': (x) => [p(text(x))],
  'bold/italic text': (x) => [p(text(x, [{ type: 'bold' }, { type: 'italic' }]))],
  'link href': (x) => [p(text('link', [link(x)]))],
  'link href after https': (x) => [p(text('link', [link(`https://example.org/${x}`)]))],
  'link text': (x) => [p(text(x, [link('https://example.org/')]))],
  'link extra attributes': (x) => [p(text('link', [link('https://example.org/', { onclick: x, target: x, rel: x, class: x })]))],
  'image src': (x) => [{ type: 'image', attrs: { src: x, alt: 'alt' } }],
  'image src under /media/': (x) => [{ type: 'image', attrs: { src: `/media/${x}`, alt: 'alt' } }],
  'image alt': (x) => [{ type: 'image', attrs: { src: MEDIA, alt: x } }],
  'image title and extra attributes': (x) => [{ type: 'image', attrs: { src: MEDIA, alt: 'alt', title: x, onerror: x, srcset: x } }],
  'heading text': (x) => [{ type: 'heading', attrs: { level: 2 }, content: [text(x)] }],
  'heading level': (x) => [{ type: 'heading', attrs: { level: x }, content: [text('heading')] }],
  'paragraph attributes': (x) => [{ type: 'paragraph', attrs: { style: x, class: x, onclick: x }, content: [text('p')] }],
  'list item text': (x) => [{ type: 'bulletList', content: [{ type: 'listItem', content: [p(text(x))] }] }],
  'ordered list start': (x) => [{ type: 'orderedList', attrs: { start: x }, content: [{ type: 'listItem', content: [p(text('li'))] }] }],
  'blockquote text': (x) => [{ type: 'blockquote', content: [p(text(x))] }],
  'unknown node type': (x) => [{ type: x, content: [p(text('x'))] }],
  'unknown node with attributes': (x) => [{ type: 'iframe', attrs: { src: x, srcdoc: x } }],
  'unknown inline node': (x) => [p({ type: 'htmlInline', text: x })],
  'unknown mark': (x) => [p(text('marked', [{ type: 'textStyle', attrs: { style: x } }]))],
  'unknown mark type': (x) => [p(text('marked', [{ type: x }]))],
  'extra key on text': (x) => [p({ ...text('t'), html: x })],
};

const TAGS: Record<string, string[]> = {
  div: ['class'], p: [], span: [], strong: [], em: [], br: [], hr: [], ul: [], li: [], blockquote: [],
  ol: ['start'], h2: [], h3: [], h4: [], h5: [], h6: [], a: ['href'], img: ['src', 'alt', 'loading'],
};

function decode(value: string) {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A URL is acceptable if, read as a browser would (controls stripped), it is https:, mailto: or same-site. */
function urlProblem(raw: string): string | null {
  const url = decode(raw);
  const squashed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  if (/^(javascript|vbscript|data|livescript|file|blob):/.test(squashed)) return `dangerous scheme: ${url}`;
  if (squashed.startsWith('//') || url.includes('\\')) return `leaves the site: ${url}`;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(squashed);
  if (scheme && scheme[1] !== 'https' && scheme[1] !== 'mailto') return `scheme ${scheme[1]}: ${url}`;
  return null;
}

/** Problems in React's markup: it is well-formed and escapes every `<` in text, so a tag scan is exact. */
function markupProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('contains <script');
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>/g;
  let consumed = 0;
  for (const m of html.matchAll(tagRe)) {
    consumed += m[0].length;
    const [, closing, name, attrs] = m;
    const allowed = TAGS[name!];
    if (!allowed) {
      problems.push(`tag <${name}>`);
      continue;
    }
    if (closing) continue;
    for (const a of attrs!.matchAll(/\s+([^\s=>/]+)(?:="([^"]*)")?/g)) {
      const attr = a[1]!.toLowerCase();
      if (!allowed.includes(attr)) problems.push(`attribute ${attr} on <${name}>`);
      if (attr.startsWith('on')) problems.push(`event handler ${attr}`);
      if ((attr === 'href' || attr === 'src') && a[2] !== undefined) {
        const problem = urlProblem(a[2]);
        if (problem) problems.push(`${attr} ${problem}`);
      }
      if (name === 'img' && attr === 'src' && decode(a[2] ?? '') !== MEDIA) problems.push(`image not from the library: ${a[2]}`);
    }
  }
  // Every "<" must have been part of a recognised tag.
  const lt = (html.match(/</g) ?? []).length;
  const tags = [...html.matchAll(tagRe)].length;
  if (lt !== tags) problems.push(`unparsed "<" in markup (${lt} vs ${tags} tags, ${consumed} chars)`);
  return problems;
}

const render = (body: unknown) => renderToStaticMarkup(createElement(RichText, { doc: body, headingOffset: 1 }));

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  sections = await import('@/lib/data/sections');
  const u = await testDb.prisma.user.create({ data: { email: 'xss-editor@example.org', name: 'XSS editor', role: 'EDITOR' }, select: { id: true } });
  editor = { id: u.id, email: 'xss-editor@example.org', name: 'XSS editor', role: 'EDITOR', active: true, organisationId: null, personId: null };
  const issue = await testDb.prisma.issue.create({
    data: {
      slug: 'xss-corpus', title: 'XSS corpus', month: new Date('2001-02-01T00:00:00Z'),
      sections: { create: [{ position: 0, kind: 'ARTICLE', title: 'Corpus', body: { type: 'doc', content: [] } }] },
    },
    select: { sections: { select: { id: true } } },
  });
  sectionId = issue.sections[0]!.id;
  // Saves check that an image is in the media library, so the corpus's image exists.
  await testDb.prisma.media.create({ data: { fileName: MEDIA.slice('/media/'.length), mimeType: 'image/png', width: 1, height: 1, bytes: 1, alt: 'alt' } });
});

afterAll(async () => {
  await testDb?.drop();
});

describe('XSS corpus through the section save path and the public renderer', () => {
  const payloads = allPayloads();

  it('has at least 200 payloads from each kind of source', () => {
    const by = (s: string) => payloads.filter((x) => x.source === s).length;
    expect(payloads.length).toBeGreaterThanOrEqual(700);
    expect(by('blns')).toBeGreaterThanOrEqual(480);
    expect(by('owasp')).toBeGreaterThanOrEqual(120);
    expect(by('portswigger')).toBeGreaterThanOrEqual(60);
    expect(by('project')).toBeGreaterThanOrEqual(60);
    expect(payloads.filter((x) => x.group === 'Script Injection').length).toBeGreaterThanOrEqual(230);
  });

  it('saves or rejects every payload in every place, and renders what was saved safely', async () => {
    let version = (await testDb.prisma.section.findUniqueOrThrow({ where: { id: sectionId }, select: { version: true } })).version;
    const failures: string[] = [];
    let accepted = 0;
    let rejected = 0;
    for (const [i, payload] of payloads.entries()) {
      const label = `#${i} ${payload.source}/${payload.group} ${JSON.stringify(payload.text).slice(0, 80)}`;
      const keep: unknown[] = [];
      for (const [place, build] of Object.entries(PLACEMENTS)) {
        const body = doc(...build(payload.text));
        const checked = validateRichText(body);
        if (checked.ok) {
          accepted++;
          keep.push(...body.content);
          // What the editor's own preview shows must be safe too.
          for (const problem of markupProblems(render(body))) failures.push(`${label} in ${place}: ${problem}`);
        } else {
          rejected++;
          // The save path must refuse it with a clear 400 before touching the database.
          await expect(
            sections.saveSection(editor, { id: sectionId, version, title: 'Corpus', body }),
            `${label} in ${place}`,
          ).rejects.toMatchObject({ status: 400 });
        }
      }
      if (keep.length === 0) continue;
      // Everything accepted for this payload, saved together through the real path and read back.
      const result = await sections.saveSection(editor, { id: sectionId, version, title: 'Corpus', body: doc(...keep) });
      if (!result.ok) throw new Error(`${label}: unexpected conflict`);
      version = result.version;
      const stored = await testDb.prisma.section.findUniqueOrThrow({ where: { id: sectionId }, select: { body: true } });
      expect(stored.body, label).toEqual(doc(...keep));
      for (const problem of markupProblems(render(stored.body))) failures.push(`${label} (stored): ${problem}`);
    }
    expect(failures).toEqual([]);
    // Both outcomes occur: the check is not vacuous in either direction.
    expect(accepted).toBeGreaterThan(payloads.length * 5);
    expect(rejected).toBeGreaterThan(payloads.length * 5);
  });

  it('the markup check itself catches unsafe output', () => {
    expect(markupProblems('<div class="x"><a href="javascript:alert(1)">x</a></div>')).toContain('href dangerous scheme: javascript:alert(1)');
    expect(markupProblems('<p><a href=" java&#x0A;script:x">x</a></p>').length).toBeGreaterThan(0);
    expect(markupProblems('<p><a href="&#x0A;javascript:x">x</a></p>').length).toBeGreaterThan(0);
    expect(markupProblems('<img src="data:image/png;base64,AA" alt=""/>').length).toBeGreaterThan(0);
    expect(markupProblems('<p onclick="x">x</p>')).toContain('event handler onclick');
    expect(markupProblems('<script>alert(1)</script>')).toContain('contains <script');
    expect(markupProblems('<div class="prose-bulletin "><p><span>&lt;script&gt;</span></p></div>')).toEqual([]);
  });
});
