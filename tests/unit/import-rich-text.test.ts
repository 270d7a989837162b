import { describe, expect, it } from 'vitest';
import { parseBulletinText } from '@/lib/import/parse-text';
import { blocksToDoc, paragraphsToDoc } from '@/lib/import/rich-text';
import { validateRichText } from '@/lib/rich-text/validate';
import { readBulletin } from '../support/bulletins';

// What the import saves as section and event bodies must pass the rich-text allowlist.
describe('imported text as editor JSON', () => {
  it('groups bullets into one list and quotes into one quotation, and keeps a bold lead', () => {
    const doc = blocksToDoc([
      { type: 'heading', text: 'Leading Change', lines: [0] },
      { type: 'paragraph', lead: 'Regional Master Classes:', text: 'Each year …', lines: [1] },
      { type: 'bullet', text: 'One', lines: [2] },
      { type: 'bullet', text: 'Two', lines: [3] },
      { type: 'quote', text: 'Class', lines: [4] },
      { type: 'quote', text: 'Amazing', lines: [5] },
    ]);
    expect(doc.content.map((b) => b.type)).toEqual(['heading', 'paragraph', 'bulletList', 'blockquote']);
    expect(doc.content[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Regional Master Classes:', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' Each year …' },
      ],
    });
    expect(doc.content[2]).toMatchObject({ content: [{ type: 'listItem' }, { type: 'listItem' }] });
    expect(doc.content[3]).toMatchObject({ content: [{ type: 'paragraph' }, { type: 'paragraph' }] });
  });

  it.each(['2025-10-regional-update.txt', '2024-06-regional-update.txt'])(
    'passes the allowlist for every section and event of %s',
    (file) => {
      const draft = parseBulletinText(readBulletin(file));
      for (const s of draft.sections) {
        expect(validateRichText(blocksToDoc(s.blocks)).ok, s.title).toBe(true);
        for (const e of s.events) expect(validateRichText(paragraphsToDoc(e.description)).ok, e.title).toBe(true);
      }
    },
  );
});
