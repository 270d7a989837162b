import { describe, expect, it } from 'vitest';
import { toPlainJson } from '@/components/admin/editor/plain-json';

describe('toPlainJson', () => {
  it('turns ProseMirror-style null-prototype attrs into plain objects that keep their values', () => {
    const attrs = Object.assign(Object.create(null) as Record<string, unknown>, { src: '/media/a.png', alt: 'A', title: null });
    const doc = { type: 'doc', content: [{ type: 'image', attrs }] };
    const plain = toPlainJson(doc);
    const out = plain.content[0]!.attrs as Record<string, unknown>;
    expect(Object.getPrototypeOf(attrs)).toBeNull();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out).toEqual({ src: '/media/a.png', alt: 'A', title: null });
  });
});
