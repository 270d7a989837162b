// An uploaded file → a draft, by its kind: plain text, HTML or Word. What cannot be
// read (another kind of file, text that is not UTF-8) comes back as a flag.
import { parseBulletinDocx } from './docx';
import { parseBulletinHtml } from './html';
import type { IssueMonth } from './dates';
import { parseBulletinText } from './parse-text';
import type { BulletinDraft } from './types';

export const IMPORT_EXTENSIONS = ['.txt', '.html', '.htm', '.docx'] as const;

function unreadable(reason: string): { text: string; draft: BulletinDraft } {
  return {
    text: '',
    draft: { title: '', month: null, meta: [], publishedOn: null, sections: [], flags: [{ field: 'file', reason }] },
  };
}

export async function parseBulletinFile(
  name: string,
  bytes: Uint8Array,
  fallbackMonth?: IssueMonth,
): Promise<{ text: string; draft: BulletinDraft }> {
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';
  if (ext === '.docx') return parseBulletinDocx(Buffer.from(bytes), fallbackMonth);
  if (ext !== '.txt' && ext !== '.html' && ext !== '.htm') {
    return unreadable(`“${name}” is not a file the importer reads; use ${IMPORT_EXTENSIONS.join(', ')}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return unreadable(`“${name}” is not UTF-8 text; save it as UTF-8 and try again`);
  }
  if (ext === '.txt') return { text, draft: parseBulletinText(text, fallbackMonth) };
  return parseBulletinHtml(text, fallbackMonth);
}
