import { Fragment } from 'react';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '@/lib/validation/search';

export type SnippetPart = { text: string; highlight: boolean };

/**
 * Splits a snippet marked up with HIGHLIGHT_START … HIGHLIGHT_END into plain and
 * highlighted runs. Tolerant of unbalanced markers: a stray end marker is dropped and
 * an unclosed start highlights to the end. Empty runs are left out.
 */
export function splitHighlights(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, highlight: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.highlight === highlight) last.text += text;
    else parts.push({ text, highlight });
  };
  const [before = '', ...rest] = snippet.split(HIGHLIGHT_START);
  push(before.replaceAll(HIGHLIGHT_END, ''), false);
  for (const chunk of rest) {
    const end = chunk.indexOf(HIGHLIGHT_END);
    if (end === -1) {
      push(chunk, true);
      continue;
    }
    push(chunk.slice(0, end), true);
    push(chunk.slice(end + 1).replaceAll(HIGHLIGHT_END, ''), false);
  }
  return parts;
}

/** A search snippet with the matched words in <mark> (bold too, so not by colour alone). */
export function HighlightedSnippet({ snippet, className }: { snippet: string; className?: string }) {
  const parts = splitHighlights(snippet);
  if (parts.length === 0) return null;
  return (
    <p className={className}>
      {parts.map((part, i) =>
        part.highlight ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 font-bold text-[var(--color-ink)]">
            {part.text}
          </mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </p>
  );
}
