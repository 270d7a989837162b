import { describe, expect, it } from 'vitest';
import { deleteMediaSchema, mediaListSchema, updateMediaAltSchema, uploadMediaSchema } from '@/lib/validation/media';

const file = new File([new Uint8Array([1, 2, 3])], 'x.png');
const ID = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';

describe('uploadMediaSchema', () => {
  it('requires alt text unless decorative, tidying spaces', () => {
    expect(uploadMediaSchema.parse({ file, alt: '  A  red\nsquare ' })).toMatchObject({ alt: 'A red square', decorative: false });
    const missing = uploadMediaSchema.safeParse({ file, alt: '   ' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(['alt']);
    expect(uploadMediaSchema.safeParse({ file }).success).toBe(false);
  });

  it('a decorative image gets empty alt, whatever was typed', () => {
    expect(uploadMediaSchema.parse({ file, alt: 'something', decorative: 'on' })).toMatchObject({ alt: '', decorative: true });
    expect(uploadMediaSchema.parse({ file, decorative: 'on' })).toMatchObject({ alt: '', decorative: true });
  });

  it('needs a non-empty file and refuses unknown fields and odd checkbox values', () => {
    expect(uploadMediaSchema.safeParse({ file: new File([], ''), alt: 'x' }).success).toBe(false);
    expect(uploadMediaSchema.safeParse({ file: 'not a file', alt: 'x' }).success).toBe(false);
    expect(uploadMediaSchema.safeParse({ file, alt: 'x', mimeType: 'image/svg+xml' }).success).toBe(false);
    expect(uploadMediaSchema.safeParse({ file, alt: 'x', decorative: 'yes please' }).success).toBe(false);
    expect(uploadMediaSchema.safeParse({ file, alt: 'x'.repeat(1001) }).success).toBe(false);
  });
});

describe('other media schemas', () => {
  it('updateMediaAltSchema checks the id and the same alt rule', () => {
    expect(updateMediaAltSchema.parse({ id: ID, alt: 'Hi' })).toEqual({ id: ID, alt: 'Hi', decorative: false });
    expect(updateMediaAltSchema.safeParse({ id: 'nope', alt: 'Hi' }).success).toBe(false);
    expect(updateMediaAltSchema.safeParse({ id: ID, alt: '' }).success).toBe(false);
  });

  it('deleteMediaSchema is strict', () => {
    expect(deleteMediaSchema.safeParse({ id: ID }).success).toBe(true);
    expect(deleteMediaSchema.safeParse({ id: ID, force: 'on' }).success).toBe(false);
  });

  it('mediaListSchema is lenient', () => {
    expect(mediaListSchema.parse({})).toEqual({ q: '', page: 1 });
    expect(mediaListSchema.parse({ q: ['  a  b ', 'c'], page: '3' })).toEqual({ q: 'a b', page: 3 });
    expect(mediaListSchema.parse({ q: 'x', page: '-2' })).toEqual({ q: 'x', page: 1 });
    expect(mediaListSchema.parse({ page: 'abc' })).toEqual({ q: '', page: 1 });
  });
});
