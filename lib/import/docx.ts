// A Word file (.docx) → mammoth's HTML → the HTML importer, so Word, web pages and
// plain text share one set of rules. Mammoth's warnings (styles it did not know,
// content it dropped) become flags for the review screen.
import mammoth from 'mammoth';
import type { IssueMonth } from './dates';
import { parseBulletinHtml } from './html';
import type { BulletinDraft } from './types';

export async function parseBulletinDocx(
  file: Buffer,
  fallbackMonth?: IssueMonth,
): Promise<{ text: string; draft: BulletinDraft }> {
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml({ buffer: file });
  } catch {
    const draft: BulletinDraft = {
      title: '',
      month: null,
      meta: [],
      publishedOn: null,
      sections: [],
      flags: [{ field: 'file', reason: 'The file is not a Word document (.docx) that can be read' }],
    };
    return { text: '', draft };
  }
  const { text, draft } = parseBulletinHtml(result.value, fallbackMonth);
  for (const m of result.messages) draft.flags.push({ field: 'file', reason: `Word: ${m.message}` });
  return { text, draft };
}
