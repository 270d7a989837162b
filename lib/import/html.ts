// HTML pasted from a web page or saved from Word → the plain-text shape the text
// importer reads: one line per block, headings marked "## ", list items "· ",
// quotations in quotation marks. Scripts, styles and Word's markup are dropped;
// link text stays (its target is not part of the draft yet).
import { Parser } from 'htmlparser2';
import { parseBulletinText } from './parse-text';
import type { IssueMonth } from './dates';
import type { BulletinDraft } from './types';

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'li',
  'tr',
  'td',
  'th',
  'blockquote',
  'ul',
  'ol',
  'table',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dt',
  'dd',
  'figcaption',
]);
const SKIP = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'svg']);
const HEADING = /^h[1-6]$/;

export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let skipping = 0;
  let quoting = 0;
  let prefix = '';
  const flush = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    line = '';
    if (!text) return;
    if (prefix === '## ' && lines.length === 0) lines.push(text);
    else if (quoting && !/^["“]/.test(text)) lines.push(`${prefix}“${text}”`);
    else lines.push(prefix + text);
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipping++;
        if (!BLOCK.has(name)) return;
        flush();
        if (name === 'blockquote') quoting++;
        if (HEADING.test(name)) prefix = '## ';
        else if (name === 'li') prefix = '· ';
      },
      ontext(text) {
        if (!skipping) line += text;
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        if (!BLOCK.has(name)) return;
        flush();
        if (name === 'blockquote') quoting = Math.max(0, quoting - 1);
        if (HEADING.test(name) || name === 'li') prefix = '';
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines.join('\n');
}

/** An HTML bulletin as a draft, read through the text importer. */
export function parseBulletinHtml(html: string, fallbackMonth?: IssueMonth): { text: string; draft: BulletinDraft } {
  const text = htmlToText(html);
  return { text, draft: parseBulletinText(text, fallbackMonth) };
}
