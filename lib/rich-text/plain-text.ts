import { MAX_BLOCK_DEPTH } from './validate';

/**
 * All text in a stored rich-text document, blocks separated by newlines. Like the
 * renderer, it stops below the deepest nesting the validator allows, so a stored row
 * that never went through it cannot exhaust the stack.
 */
export function richTextToPlain(doc: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown, block: string[], depth = 0) => {
    if (typeof node !== 'object' || node === null || depth > MAX_BLOCK_DEPTH + 1) return;
    const n = node as { type?: unknown; text?: unknown; content?: unknown };
    if (n.type === 'text' && typeof n.text === 'string') block.push(n.text);
    else if (n.type === 'hardBreak') block.push(' ');
    if (Array.isArray(n.content)) {
      const isTextBlock = n.type === 'paragraph' || n.type === 'heading';
      if (isTextBlock) {
        const inner: string[] = [];
        n.content.forEach((c) => walk(c, inner, depth + 1));
        out.push(inner.join(''));
      } else n.content.forEach((c) => walk(c, block, depth + 1));
    }
  };
  walk(doc, []);
  return out.filter(Boolean).join('\n');
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Minutes to read at 200 words a minute, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 200));
}
