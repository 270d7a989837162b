// A draft's text blocks as editor JSON within the rich-text allowlist
// (lib/rich-text/types.ts): runs of bullets become one list, runs of quotes one quotation.
import type { BlockNode, InlineNode, ParagraphNode, RichTextDoc } from '@/lib/rich-text/types';
import type { DraftBlock } from './types';

function para(text: string, lead?: string): ParagraphNode {
  const content: InlineNode[] = [];
  if (lead) content.push({ type: 'text', text: lead, marks: [{ type: 'bold' }] });
  if (text) content.push({ type: 'text', text: lead ? ` ${text}` : text });
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

export function blocksToDoc(blocks: DraftBlock[]): RichTextDoc {
  const content: BlockNode[] = [];
  for (const b of blocks) {
    const last = content.at(-1);
    if (b.type === 'heading')
      content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: b.text }] });
    else if (b.type === 'bullet') {
      const item = { type: 'listItem' as const, content: [para(b.text)] };
      if (last?.type === 'bulletList') last.content.push(item);
      else content.push({ type: 'bulletList', content: [item] });
    } else if (b.type === 'quote') {
      if (last?.type === 'blockquote') last.content.push(para(b.text));
      else content.push({ type: 'blockquote', content: [para(b.text)] });
    } else content.push(para(b.text, b.lead));
  }
  return { type: 'doc', content };
}

/** Paragraphs of plain text (an event's description). */
export function paragraphsToDoc(texts: string[]): RichTextDoc {
  return { type: 'doc', content: texts.map((t) => para(t)) };
}
