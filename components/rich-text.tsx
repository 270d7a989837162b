import type { ReactNode } from 'react';
import { safeHref, safeImageSrc } from '@/lib/rich-text/links';
import { MAX_BLOCK_DEPTH } from '@/lib/rich-text/validate';

// Renders stored editor JSON through an allowlist: unknown nodes are dropped,
// unknown marks ignored, unsafe links become plain text. React escapes all text;
// nothing here uses dangerouslySetInnerHTML. The URL rules are the validator's own
// (lib/rich-text/links.ts), so rows that never went through it (old or imported)
// cannot show a link or an image the validator would refuse: an image from anywhere
// but the media library is left out, and so is nesting deeper than it allows.

type Json = unknown;
type Node = { type?: unknown; content?: unknown; text?: unknown; marks?: unknown; attrs?: unknown };

function isNode(value: Json): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(node: Node, headingOffset: number, depth: number): ReactNode[] {
  if (!Array.isArray(node.content)) return [];
  return node.content.map((child, i) => renderNode(child, i, headingOffset, depth + 1));
}

function attr(node: Node, name: string): unknown {
  return isNode(node.attrs) ? (node.attrs as Record<string, unknown>)[name] : undefined;
}

function renderText(node: Node, key: number): ReactNode {
  if (typeof node.text !== 'string') return null;
  let out: ReactNode = node.text;
  const marks = Array.isArray(node.marks) ? node.marks.filter(isNode) : [];
  // Apply link last so it wraps the formatting.
  for (const mark of marks) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
  }
  const link = marks.find((m) => m.type === 'link');
  if (link) {
    const href = safeHref(attr(link, 'href'));
    if (href) out = <a href={href}>{out}</a>;
  }
  return <span key={key}>{out}</span>;
}

/** `depth`: 1 for the document's own blocks, as the validator counts. */
function renderNode(value: Json, key: number, headingOffset: number, depth: number): ReactNode {
  if (!isNode(value)) return null;
  const isInline = value.type === 'text' || value.type === 'hardBreak';
  if (depth > (isInline ? MAX_BLOCK_DEPTH + 1 : MAX_BLOCK_DEPTH)) return null;
  switch (value.type) {
    case 'text':
      return renderText(value, key);
    case 'hardBreak':
      return <br key={key} />;
    case 'paragraph':
      return <p key={key}>{children(value, headingOffset, depth)}</p>;
    case 'heading': {
      const level = Number(attr(value, 'level'));
      const clamped = Math.min(6, Math.max(2, (Number.isInteger(level) ? level : 2) + headingOffset));
      const Tag = `h${clamped}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
      return <Tag key={key}>{children(value, headingOffset, depth)}</Tag>;
    }
    case 'bulletList':
      return <ul key={key}>{children(value, headingOffset, depth)}</ul>;
    case 'orderedList': {
      const start = Number(attr(value, 'start'));
      return (
        <ol key={key} start={Number.isInteger(start) && start > 1 ? start : undefined}>
          {children(value, headingOffset, depth)}
        </ol>
      );
    }
    case 'listItem':
      return <li key={key}>{children(value, headingOffset, depth)}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children(value, headingOffset, depth)}</blockquote>;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'image': {
      const src = safeImageSrc(attr(value, 'src'));
      const alt = attr(value, 'alt');
      if (!src || typeof alt !== 'string') return null;
      // eslint-disable-next-line @next/next/no-img-element -- media are pre-sized, re-encoded uploads
      return <img key={key} src={src} alt={alt} loading="lazy" />;
    }
    default:
      return null;
  }
}

/**
 * @param headingOffset shifts stored heading levels so they nest under the
 *   page's own headings (a section body under an h2 passes 1: h2 → h3).
 */
export function RichText({ doc, headingOffset = 0, className }: { doc: Json; headingOffset?: number; className?: string }) {
  if (!isNode(doc) || doc.type !== 'doc') return null;
  return <div className={`prose-bulletin ${className ?? ''}`}>{children(doc, headingOffset, 0)}</div>;
}
