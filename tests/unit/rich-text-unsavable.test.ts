import { describe, expect, it } from 'vitest';
import { validateRichText } from '@/lib/rich-text/validate';

// PostgreSQL jsonb refuses U+0000 and lone surrogates; the validator must turn them
// into a message instead of letting the save fail in the database (found by the XSS corpus).

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (t: string) => ({ type: 'text', text: t });

describe('validateRichText: characters the database cannot store', () => {
  it.each([
    ['a null character in text', doc(p(text('<IMG SRC=java\u0000script:alert("XSS")>')))],
    ['a lone high surrogate', doc(p(text('broken \ud83d emoji')))],
    ['a lone low surrogate', doc(p(text('broken \ude00 emoji')))],
    ['a null character in an image alt', doc({ type: 'image', attrs: { src: `/media/${'a'.repeat(64)}.png`, alt: 'a\u0000b' } })],
    ['a null character deep in paragraph attributes', doc({ type: 'paragraph', attrs: { a: { b: ['\u0000'] } }, content: [text('x')] })],
    ['a null character in an attribute name', doc({ type: 'paragraph', attrs: { 'a\u0000': 1 }, content: [text('x')] })],
  ])('rejects %s with a clear message', (_name, input) => {
    const result = validateRichText(input);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/character that cannot be saved/) });
  });

  it('keeps emoji, right-to-left text and other unusual but valid characters', () => {
    expect(validateRichText(doc(p(text('👨‍👩‍👧 مرحبا ‮ Zalgo̸ \u200b \ufeff'))))).toMatchObject({ ok: true });
  });
});
