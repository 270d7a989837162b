import { describe, expect, it } from 'vitest';
import { parseBulletinFile } from '@/lib/import/file';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('importing an uploaded file by its kind', () => {
  it('reads .txt (dropping a byte-order mark) and .html the same way', async () => {
    const txt = await parseBulletinFile(
      'issue.TXT',
      bytes('\uFEFFRegional Update – May 2026\nNews From Dudley:\nA hub opened.'),
    );
    const html = await parseBulletinFile(
      'issue.htm',
      bytes('<h1>Regional Update – May 2026</h1><p>News From Dudley:</p><p>A hub opened.</p>'),
    );
    for (const { draft } of [txt, html]) {
      expect(draft.title).toBe('Regional Update – May 2026');
      expect(draft.sections.map((s) => [s.title, s.blocks.map((b) => b.text)])).toEqual([
        ['News From Dudley', ['A hub opened.']],
      ]);
    }
  });

  it('flags a kind of file it does not read, and text that is not UTF-8', async () => {
    expect((await parseBulletinFile('flyer.pdf', bytes('%PDF-1.7'))).draft.flags[0]!.reason).toMatch(
      /not a file the importer reads/,
    );
    const latin1 = new Uint8Array([0x52, 0xe9, 0x67, 0x69, 0x6f, 0x6e]);
    expect((await parseBulletinFile('old.txt', latin1)).draft.flags).toEqual([
      { field: 'file', reason: '“old.txt” is not UTF-8 text; save it as UTF-8 and try again' },
    ]);
  });
});
