/** All text in a stored rich-text document, blocks separated by newlines. */
export function richTextToPlain(doc: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown, block: string[]) => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; text?: unknown; content?: unknown };
    if (n.type === 'text' && typeof n.text === 'string') block.push(n.text);
    else if (n.type === 'hardBreak') block.push(' ');
    if (Array.isArray(n.content)) {
      const isTextBlock = n.type === 'paragraph' || n.type === 'heading';
      if (isTextBlock) {
        const inner: string[] = [];
        n.content.forEach((c) => walk(c, inner));
        out.push(inner.join(''));
      } else n.content.forEach((c) => walk(c, block));
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
