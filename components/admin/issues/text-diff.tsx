import { diffWordsWithSpace } from 'diff';
import { richTextToPlain } from '@/lib/rich-text/plain-text';

/** Title and text of a section as plain text, one block a line. */
export function sectionPlainText(title: unknown, body: unknown): string {
  return `${typeof title === 'string' ? title : ''}\n\n${richTextToPlain(body)}`;
}

/**
 * Word-level diff of two plain texts, rendered with <del>/<ins>. Colour is not the
 * only cue: strikethrough/underline plus visually hidden "removed"/"added" labels.
 */
export function TextDiff({ from, to }: { from: string; to: string }) {
  const parts = diffWordsWithSpace(from, to);
  if (parts.every((p) => !p.added && !p.removed)) return <p>No differences from the current text.</p>;
  return (
    <div className="whitespace-pre-wrap rounded border border-gray-400 bg-white p-3 leading-relaxed">
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="bg-green-100 text-green-900 underline">
            <span className="sr-only">[added: </span>{p.value}<span className="sr-only">]</span>
          </ins>
        ) : p.removed ? (
          <del key={i} className="bg-red-100 text-red-900 line-through">
            <span className="sr-only">[removed: </span>{p.value}<span className="sr-only">]</span>
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </div>
  );
}
