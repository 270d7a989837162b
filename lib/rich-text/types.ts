// Rich text is stored as ProseMirror/TipTap editor JSON. These are the only
// nodes and marks the renderer and the server-side validator accept.

export type TextMark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'link'; attrs: { href: string } };

export type TextNode = { type: 'text'; text: string; marks?: TextMark[] };
export type HardBreakNode = { type: 'hardBreak' };
export type InlineNode = TextNode | HardBreakNode;

export type ParagraphNode = { type: 'paragraph'; content?: InlineNode[] };
// Levels are relative to where the text sits: 2 is the first level under the
// section's (or event's) own title; the renderer shifts them to fit the page.
export type HeadingNode = { type: 'heading'; attrs: { level: 2 | 3 | 4 }; content?: InlineNode[] };
export type ListItemNode = { type: 'listItem'; content: BlockNode[] };
export type BulletListNode = { type: 'bulletList'; content: ListItemNode[] };
export type OrderedListNode = { type: 'orderedList'; attrs?: { start?: number }; content: ListItemNode[] };
export type BlockquoteNode = { type: 'blockquote'; content: BlockNode[] };
export type ImageNode = { type: 'image'; attrs: { src: string; alt: string; title?: string | null } };
export type HorizontalRuleNode = { type: 'horizontalRule' };

export type BlockNode =
  | ParagraphNode
  | HeadingNode
  | BulletListNode
  | OrderedListNode
  | BlockquoteNode
  | ImageNode
  | HorizontalRuleNode;

export type RichTextDoc = { type: 'doc'; content: BlockNode[] };
