import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseBulletinDocx } from '@/lib/import/docx';

// A Word file made here (the parts Word itself writes, minus the optional ones).
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const para = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

async function docx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${paragraphs.join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('importing a Word file', () => {
  it('reads headings by their Word style, the intro, and an event listing', async () => {
    const file = await docx([
      para('Regional Update – November 2025', 'Heading1'),
      para('From our QPPG Sponsor', 'Heading2'),
      para('Winter is coming to the region.'),
      para('Best wishes'),
      para('Emma Taylor'),
      para('Training Opportunities', 'Heading2'),
      para('Writing Good Reports – FREE'),
      para('Date: 14th January'),
      para('Time: 13:00 – 15:00'),
      para('Platform: Zoom'),
    ]);
    const { draft } = await parseBulletinDocx(file);
    expect(draft.month).toBe('2025-11-01');
    expect(draft.sections.map((s) => [s.kind, s.title, s.signatory])).toEqual([
      ['INTRO', 'From our QPPG Sponsor', 'Emma Taylor'],
      ['EVENT_LIST', 'Training Opportunities', null],
    ]);
    const event = draft.sections[1]!.events[0]!;
    expect([event.title, event.mode, event.platform]).toEqual(['Writing Good Reports', 'ONLINE', 'Zoom']);
    expect(event.sessions.map((s) => s.startsAt.toISOString())).toEqual(['2026-01-14T13:00:00.000Z']);
  });

  it('says so when the file is not a Word document, instead of failing', async () => {
    const { draft } = await parseBulletinDocx(Buffer.from('just some text, not a zip'));
    expect(draft.sections).toEqual([]);
    expect(draft.flags).toEqual([
      { field: 'file', reason: 'The file is not a Word document (.docx) that can be read' },
    ]);
  });
});
