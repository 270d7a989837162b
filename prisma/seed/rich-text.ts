// Small builders for the seed's rich text (TipTap/ProseMirror JSON restricted
// to the node and mark allowlist in lib/rich-text/types.ts).
import type {
  BlockNode,
  BlockquoteNode,
  BulletListNode,
  HeadingNode,
  InlineNode,
  ParagraphNode,
  RichTextDoc,
  TextNode,
} from '../../lib/rich-text/types';

/** A string is shorthand for an unmarked text node. */
export type Inline = string | InlineNode;

function inline(parts: Inline[]): InlineNode[] {
  return parts
    .map((part): InlineNode => (typeof part === 'string' ? { type: 'text', text: part } : part))
    .filter((node) => node.type !== 'text' || node.text.length > 0);
}

export function doc(...content: BlockNode[]): RichTextDoc {
  return { type: 'doc', content };
}

export function p(...parts: Inline[]): ParagraphNode {
  const content = inline(parts);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** Several paragraphs, one per string. */
export function paras(...texts: string[]): ParagraphNode[] {
  return texts.map((text) => p(text));
}

export function h2(...parts: Inline[]): HeadingNode {
  return { type: 'heading', attrs: { level: 2 }, content: inline(parts) };
}

export function h3(...parts: Inline[]): HeadingNode {
  return { type: 'heading', attrs: { level: 3 }, content: inline(parts) };
}

/** A blockquote; strings become paragraphs. */
export function quote(...blocks: (string | BlockNode)[]): BlockquoteNode {
  return { type: 'blockquote', content: blocks.map((b) => (typeof b === 'string' ? p(b) : b)) };
}

/** A bullet list; each string becomes a list item holding one paragraph. */
export function list(...items: (string | BlockNode[])[]): BulletListNode {
  return {
    type: 'bulletList',
    content: items.map((item) => ({ type: 'listItem', content: typeof item === 'string' ? [p(item)] : item })),
  };
}

export function bold(text: string): TextNode {
  return { type: 'text', text, marks: [{ type: 'bold' }] };
}

export function italic(text: string): TextNode {
  return { type: 'text', text, marks: [{ type: 'italic' }] };
}

export function link(text: string, href: string): TextNode {
  return { type: 'text', text, marks: [{ type: 'link', attrs: { href } }] };
}

/** Plain text of a document (for tests and summaries). */
export function plainText(node: RichTextDoc | BlockNode | InlineNode): string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'hardBreak':
      return '\n';
    case 'image':
    case 'horizontalRule':
      return '';
    case 'paragraph':
    case 'heading':
      return (node.content ?? []).map(plainText).join('');
    default:
      return (node.content as (BlockNode | InlineNode)[]).map(plainText).join('\n');
  }
}
