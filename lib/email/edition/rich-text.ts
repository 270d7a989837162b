// Editor JSON to email HTML and plain text, through the same allowlist as the
// page (lib/rich-text): only the nodes and marks listed in lib/rich-text/types.ts,
// links only through safeHref and made absolute, images only from the media
// library, with their alt text. Everything else is dropped, and all text escaped.
import { escapeHtml } from '@/lib/email/messages';
import { MAX_BLOCK_DEPTH } from '@/lib/rich-text/validate';
import { safeHref, safeImageSrc } from '@/lib/rich-text/links';
import { siteUrl } from '@/lib/site';

type Node = { type?: unknown; text?: unknown; content?: unknown; attrs?: Record<string, unknown>; marks?: unknown };

const children = (n: Node): Node[] => (Array.isArray(n.content) ? (n.content as Node[]).filter((c) => c && typeof c === 'object') : []);

/** An absolute link for an email, or null: relative paths are the site's, https and mailto stay. */
export function absoluteHref(raw: unknown): string | null {
  const href = safeHref(raw);
  if (!href) return null;
  if (href.startsWith('https:') || href.startsWith('mailto:')) return href;
  if (href.startsWith('/')) return `${siteUrl()}${href}`;
  return null;
}

const LINK_STYLE = 'color:#1d4f91;text-decoration:underline;';

function inlineHtml(nodes: Node[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'hardBreak') return '<br>';
      if (n.type !== 'text' || typeof n.text !== 'string') return '';
      let html = escapeHtml(n.text);
      const marks = Array.isArray(n.marks) ? (n.marks as { type?: unknown; attrs?: { href?: unknown } }[]) : [];
      if (marks.some((m) => m.type === 'bold')) html = `<strong>${html}</strong>`;
      if (marks.some((m) => m.type === 'italic')) html = `<em>${html}</em>`;
      const link = marks.find((m) => m.type === 'link');
      const href = link ? absoluteHref(link.attrs?.href) : null;
      if (href) html = `<a href="${escapeHtml(href)}" style="${LINK_STYLE}">${html}</a>`;
      return html;
    })
    .join('');
}

function inlineText(nodes: Node[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'hardBreak') return '\n';
      if (n.type !== 'text' || typeof n.text !== 'string') return '';
      const link = (Array.isArray(n.marks) ? (n.marks as { type?: unknown; attrs?: { href?: unknown } }[]) : []).find((m) => m.type === 'link');
      const href = link ? absoluteHref(link.attrs?.href) : null;
      return href && href !== n.text ? `${n.text} (${href})` : n.text;
    })
    .join('');
}

/** Headings inside a section sit below the section's own h2. */
const headingTag = (level: unknown) => `h${Math.min(4, Math.max(3, Number(level) + 1 || 3))}`;

function blockHtml(n: Node, depth: number): string {
  if (depth > MAX_BLOCK_DEPTH) return '';
  const inner = (sep = '') => children(n).map((c) => blockHtml(c, depth + 1)).join(sep);
  switch (n.type) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;">${inlineHtml(children(n))}</p>`;
    case 'heading': {
      const tag = headingTag(n.attrs?.level);
      return `<${tag} style="margin:24px 0 8px;font-size:${tag === 'h3' ? 20 : 18}px;line-height:1.3;">${inlineHtml(children(n))}</${tag}>`;
    }
    case 'bulletList':
    case 'orderedList': {
      const tag = n.type === 'bulletList' ? 'ul' : 'ol';
      return `<${tag} style="margin:0 0 16px;padding-left:24px;">${children(n).map((li) => `<li style="margin:0 0 8px;">${children(li).map((c) => blockHtml(c, depth + 2)).join('').replace(/ style="margin:0 0 16px;"/g, ' style="margin:0;"')}</li>`).join('')}</${tag}>`;
    }
    case 'blockquote':
      return `<blockquote style="margin:0 0 16px;padding-left:12px;border-left:4px solid #b1b4b6;">${inner()}</blockquote>`;
    case 'image': {
      const src = safeImageSrc(n.attrs?.src);
      if (!src) return '';
      const alt = typeof n.attrs?.alt === 'string' ? n.attrs.alt : '';
      return `<p style="margin:0 0 16px;"><img src="${escapeHtml(`${siteUrl()}${src}`)}" alt="${escapeHtml(alt)}" width="552" style="display:block;width:100%;max-width:552px;height:auto;border:0;"></p>`;
    }
    case 'horizontalRule':
      return '<hr style="border:0;border-top:1px solid #b1b4b6;margin:24px 0;">';
    default:
      return '';
  }
}

function blockText(n: Node, depth: number, prefix = ''): string[] {
  if (depth > MAX_BLOCK_DEPTH) return [];
  switch (n.type) {
    case 'paragraph':
    case 'heading': {
      const text = inlineText(children(n));
      return text ? [prefix + (n.type === 'heading' ? text.toUpperCase() : text)] : [];
    }
    case 'bulletList':
    case 'orderedList':
      return children(n).flatMap((li, i) => {
        const lines = children(li).flatMap((c) => blockText(c, depth + 2));
        const marker = n.type === 'bulletList' ? '* ' : `${i + 1}. `;
        return lines.map((l, j) => prefix + (j === 0 ? marker : '   ') + l);
      });
    case 'blockquote':
      return children(n).flatMap((c) => blockText(c, depth + 1, `${prefix}> `));
    case 'image': {
      const alt = typeof n.attrs?.alt === 'string' ? n.attrs.alt.trim() : '';
      return safeImageSrc(n.attrs?.src) && alt ? [`${prefix}[Image: ${alt}]`] : [];
    }
    case 'horizontalRule':
      return [`${prefix}---`];
    default:
      return [];
  }
}

const blocksOf = (doc: unknown): Node[] => (doc && typeof doc === 'object' ? children(doc as Node) : []);

/** The document's blocks; `paragraphs` keeps only the blocks up to that many paragraphs. */
export function pickBlocks(doc: unknown, paragraphs?: number): Node[] {
  const blocks = blocksOf(doc);
  if (paragraphs === undefined) return blocks;
  const out: Node[] = [];
  let seen = 0;
  for (const b of blocks) {
    if (seen >= paragraphs) break;
    out.push(b);
    if (b.type === 'paragraph') seen++;
  }
  return out;
}

export const blocksToHtml = (blocks: Node[]) => blocks.map((b) => blockHtml(b, 1)).join('\n');
export const blocksToText = (blocks: Node[]) => blocks.map((b) => blockText(b, 1).join('\n')).filter(Boolean).join('\n\n');
