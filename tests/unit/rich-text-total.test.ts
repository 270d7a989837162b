import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRichText, type RichTextResult } from '@/lib/rich-text/validate';
import { richTextBody, submitArticleSchema } from '@/lib/validation/contributions';
import { saveSectionSchema } from '@/lib/validation/sections';

// The validator is total: any value in, a result out, never an exception (the probe
// found an object href making the save action fail with "Something went wrong" and
// the contribution action with HTTP 500). Random JSON, random odd JavaScript values
// and documents with random values in their risky places, plus the known cases.

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const MEDIA = `/media/${'ab'.repeat(32)}.png`;

function isResult(r: RichTextResult) {
  return r.ok ? typeof r.doc === 'object' : typeof r.error === 'string' && r.error.length > 0 && r.error.length < 400;
}

/** Documents with an arbitrary value in each place that used to be read without a type check. */
const risky = (value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    value.map((v) => doc(p(text('x', [{ type: 'link', attrs: { href: v } }])))),
    value.map((v) => doc(p(text('x', [{ type: 'link', attrs: v }])))),
    value.map((v) => doc(p(text('x', [{ type: v }])))),
    value.map((v) => doc(p(text('x', [v])))),
    value.map((v) => doc(p(text('x', v as unknown[])))),
    value.map((v) => doc({ type: 'image', attrs: { src: v, alt: 'a' } })),
    value.map((v) => doc({ type: 'image', attrs: { src: MEDIA, alt: v } })),
    value.map((v) => doc({ type: 'image', attrs: v })),
    value.map((v) => doc({ type: v, content: [] })),
    value.map((v) => doc({ type: 'heading', attrs: { level: v }, content: [text('h')] })),
    value.map((v) => doc({ type: 'bulletList', content: [{ type: 'listItem', content: v }] })),
    value.map((v) => doc({ type: 'orderedList', attrs: v, content: [{ type: 'listItem', content: [p(text('li'))] }] })),
    value.map((v) => doc(p({ type: 'text', text: v }))),
    value.map((v) => doc(v)),
    value.map((v) => ({ type: 'doc', content: v })),
  );

const oddValues = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

describe('validateRichText is total', () => {
  it('answers every JSON value with a result', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 8 }), (v) => isResult(validateRichText(v))), { numRuns: 2000 });
  });

  it('answers every odd JavaScript value (Maps, BigInts, boxed values, null prototypes, holes) with a result', () => {
    fc.assert(fc.property(oddValues, (v) => isResult(validateRichText(v))), { numRuns: 2000 });
  });

  it('answers documents with a random value in each risky place with a result', () => {
    fc.assert(fc.property(risky(fc.oneof(fc.jsonValue({ maxDepth: 4 }), oddValues)), (v) => isResult(validateRichText(v))), {
      numRuns: 3000,
    });
  });

  it('refuses a document read from random JSON text (keys like __proto__ included) without throwing', () => {
    const keys = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'type'));
    const tree = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(keys, tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(risky(tree), (d) => {
        // A JSON round trip with __proto__ written as a key, as a crafted body would carry it.
        const raw = JSON.stringify(d, (_k, v: unknown) => v).replace(/"constructor"/g, '"__proto__"');
        return isResult(validateRichText(JSON.parse(raw)));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('validateRichText: the cases the probe and review found', () => {
  const throwingGetter = Object.defineProperty({}, 'href', { enumerable: true, get: () => { throw new Error('getter'); } });
  const trap = new Proxy({}, { ownKeys: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); } });
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const cyclic: { type: string; content: unknown[] } = { type: 'doc', content: [] };
  cyclic.content.push(cyclic);
  const cyclicAttrs: Record<string, unknown> = {};
  cyclicAttrs.self = cyclicAttrs;
  let deep: unknown = 'x';
  for (let i = 0; i < 100_000; i++) deep = { a: deep };
  let deepArray: unknown = [];
  for (let i = 0; i < 100_000; i++) deepArray = [deepArray];

  it.each([
    ['an object href with a string toString', doc(p(text('x', [{ type: 'link', attrs: { href: { toString: 'x' } } }]))), /link has no web address/],
    ['an object href with a null prototype', doc(p(text('x', [{ type: 'link', attrs: { href: Object.create(null) } }]))), /link has no web address/],
    ['an object mark type with a string toString', doc(p(text('x', [{ type: { toString: 'x' } }]))), /formatting “\?” is not allowed/],
    ['a null-prototype mark type', doc(p(text('x', [{ type: Object.create(null) }]))), /formatting “\?”/],
    ['an array href', doc(p(text('x', [{ type: 'link', attrs: { href: ['https://x.org'] } }]))), /link has no web address/],
    ['a symbol node type', doc({ type: Symbol('x') }), /not valid editor content/],
    ['a BigInt heading level', doc({ type: 'heading', attrs: { level: 2n }, content: [] }), /not valid editor content/],
    ['a Map as the document', new Map([['type', 'doc']]), /not valid editor content/],
    ['a function as an attribute', doc({ type: 'image', attrs: { src: MEDIA, alt: 'a', title: () => 1 } }), /not valid editor content/],
    ['NaN as a list start', doc({ type: 'orderedList', attrs: { start: NaN }, content: [] }), /not valid editor content/],
    ['a getter that throws', doc(p(text('x', [{ type: 'link', attrs: throwingGetter }]))), /not valid editor content/],
    ['a proxy whose traps throw', doc(p(text('x', [{ type: 'link', attrs: trap }]))), /not valid editor content/],
    ['a revoked proxy', doc(revoked.proxy), /not valid editor content/],
    ['a cyclic document', cyclic, /not valid editor content/],
    ['cyclic attributes', doc({ type: 'paragraph', attrs: cyclicAttrs, content: [] }), /not valid editor content/],
    ['attributes nested 100,000 deep', doc({ type: 'paragraph', attrs: deep, content: [] }), /not valid editor content/],
    ['an array nested 100,000 deep', doc({ type: 'paragraph', attrs: { a: deepArray }, content: [] }), /not valid editor content/],
    ['a 300,000-element array in attributes', doc({ type: 'paragraph', attrs: { a: Array.from({ length: 300_000 }, () => 0) }, content: [] }), /too long/],
    ['an array of length 2^32 - 1', doc({ type: 'paragraph', attrs: { a: new Array(2 ** 32 - 1) }, content: [] }), /too long/],
    ['a 5 MB string in attributes', doc({ type: 'paragraph', attrs: { a: 'x'.repeat(5_000_000) }, content: [] }), /too long/],
    ['a __proto__ key (from JSON)', JSON.parse('{"type":"doc","content":[{"type":"paragraph","attrs":{"__proto__":{"x":1}}}]}'), /__proto__/],
    ['a hole in the content', { type: 'doc', content: [, p(text('x'))] }, /not valid editor content/],
  ])('refuses %s with a message', (_name, input, message) => {
    const result = validateRichText(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('returns a plain copy: no shared objects with the input, undefined properties dropped', () => {
    const attrs = Object.assign(Object.create(null) as Record<string, unknown>, { src: MEDIA, alt: 'A', title: undefined });
    const input = doc({ type: 'image', attrs });
    const result = validateRichText(input);
    expect(result).toEqual({ ok: true, doc: doc({ type: 'image', attrs: { src: MEDIA, alt: 'A' } }) });
    if (result.ok) {
      expect(result.doc).not.toBe(input);
      expect(Object.getPrototypeOf(result.doc.content[0]!)).toBe(Object.prototype);
      expect(JSON.parse(JSON.stringify(result.doc))).toEqual(result.doc);
    }
  });

  it('accepts a link mark shared by two text nodes (ProseMirror reuses mark objects)', () => {
    const link = { type: 'link', attrs: { href: 'https://www.gov.uk' } };
    expect(validateRichText(doc(p(text('a', [link]), text('b', [link, { type: 'bold' }]))))).toMatchObject({ ok: true });
  });
});

describe('the schemas that parse editor JSON never throw', () => {
  const body = fc.oneof(fc.jsonValue({ maxDepth: 6 }), risky(fc.oneof(fc.jsonValue({ maxDepth: 3 }), oddValues)));
  const asText = body.map((v) => {
    try {
      return JSON.stringify(v) ?? '';
    } catch {
      return '{';
    }
  });

  it('saveSectionSchema, the article schema and richTextBody answer any body, object or JSON text', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const required = richTextBody({ required: 'Enter the text' });
    fc.assert(
      fc.property(fc.oneof(body, asText), (b) => {
        saveSectionSchema.safeParse({ id, version: 1, title: 'T', body: b });
        submitArticleSchema.safeParse({ kind: 'ARTICLE', title: 'T', body: b });
        required.safeParse(b);
        return true;
      }),
      { numRuns: 1500 },
    );
  });

  it('turns the object href into a field error on the article body', () => {
    const bad = doc(p(text('x', [{ type: 'link', attrs: { href: { toString: 'x' } } }])));
    for (const b of [bad, JSON.stringify(bad)]) {
      const parsed = submitArticleSchema.safeParse({ kind: 'ARTICLE', title: 'T', body: b });
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(parsed.error.issues[0]).toMatchObject({ path: ['body'], message: expect.stringMatching(/link/) });
    }
  });
});
