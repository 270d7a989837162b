import { safeHref } from './links';
import type { RichTextDoc } from './types';

// Server-side check of editor JSON against the same allowlist the public renderer
// uses (components/rich-text.tsx). Unknown nodes, marks or attributes and unsafe
// URLs are rejected with a message that says where, rather than silently dropped.

const BLOCKS = new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'image', 'horizontalRule']);
const INLINE = new Set(['text', 'hardBreak']);
const MARKS = new Set(['bold', 'italic', 'link']);
const MAX_NODES = 20_000;
const MAX_DEPTH = 12;
const MAX_TEXT = 200_000;

// PostgreSQL's jsonb cannot store U+0000 or unpaired UTF-16 surrogates; letting
// them through would make the save fail with a database error instead of a message.
const UNSAVABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True if any key or string anywhere in the value cannot be stored. Iterative: attrs may nest deeply. */
function hasUnsavableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (UNSAVABLE.test(v)) return true;
    } else if (Array.isArray(v)) {
      stack.push(...v);
    } else if (isObject(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (UNSAVABLE.test(k)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

export type RichTextResult = { ok: true; doc: RichTextDoc } | { ok: false; error: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateRichText(input: unknown): RichTextResult {
  let nodes = 0;
  let textLength = 0;
  const fail = (error: string): RichTextResult => ({ ok: false, error });

  function checkKeys(node: Json, allowed: string[], where: string): string | null {
    const extra = Object.keys(node).filter((k) => !allowed.includes(k));
    return extra.length ? `${where}: unexpected ${extra.join(', ')}` : null;
  }

  function inline(node: unknown, where: string): string | null {
    if (!isObject(node) || typeof node.type !== 'string') return `${where}: not a valid node`;
    if (!INLINE.has(node.type)) return `${where}: “${node.type}” is not allowed inside text`;
    if (++nodes > MAX_NODES) return 'The text is too long';
    if (node.type === 'hardBreak') return checkKeys(node, ['type'], where);
    const keyError = checkKeys(node, ['type', 'text', 'marks'], where);
    if (keyError) return keyError;
    if (typeof node.text !== 'string' || node.text.length === 0) return `${where}: empty text`;
    textLength += node.text.length;
    if (textLength > MAX_TEXT) return 'The text is too long';
    if (node.marks === undefined) return null;
    if (!Array.isArray(node.marks)) return `${where}: marks must be a list`;
    for (const mark of node.marks) {
      if (!isObject(mark) || typeof mark.type !== 'string' || !MARKS.has(mark.type)) {
        return `${where}: the formatting “${isObject(mark) ? String(mark.type) : '?'}” is not allowed`;
      }
      if (mark.type === 'link') {
        const attrs = isObject(mark.attrs) ? mark.attrs : {};
        if (!safeHref(attrs.href)) {
          return `${where}: the link “${String(attrs.href).slice(0, 80)}” is not allowed. Use an https://, mailto: or relative link.`;
        }
      } else if (checkKeys(mark, ['type'], `${where} mark`)) return checkKeys(mark, ['type'], `${where} mark`);
    }
    return null;
  }

  function block(node: unknown, where: string, depth: number): string | null {
    if (depth > MAX_DEPTH) return `${where}: nested too deeply`;
    if (!isObject(node) || typeof node.type !== 'string') return `${where}: not a valid block`;
    if (++nodes > MAX_NODES) return 'The text is too long';
    const type = node.type;
    if (!BLOCKS.has(type) && type !== 'listItem') return `${where}: “${type}” is not allowed`;
    const content = node.content;
    switch (type) {
      case 'paragraph':
      case 'heading': {
        const keyError = checkKeys(node, ['type', 'content', 'attrs'], where);
        if (keyError) return keyError;
        if (type === 'heading') {
          const level = isObject(node.attrs) ? node.attrs.level : undefined;
          if (level !== 2 && level !== 3 && level !== 4) return `${where}: headings must be level 2, 3 or 4`;
        } else if (node.attrs !== undefined && !isObject(node.attrs)) return `${where}: invalid attributes`;
        if (content === undefined) return null;
        if (!Array.isArray(content)) return `${where}: invalid content`;
        for (const [i, child] of content.entries()) {
          const e = inline(child, `${where} › ${i + 1}`);
          if (e) return e;
        }
        return null;
      }
      case 'bulletList':
      case 'orderedList':
      case 'blockquote':
      case 'listItem': {
        const keyError = checkKeys(node, ['type', 'content', 'attrs'], where);
        if (keyError) return keyError;
        if (!Array.isArray(content) || content.length === 0) return `${where}: empty ${type}`;
        for (const [i, child] of content.entries()) {
          const isItem = isObject(child) && child.type === 'listItem';
          if ((type === 'bulletList' || type === 'orderedList') !== isItem) return `${where} › ${i + 1}: misplaced list item`;
          const e = block(child, `${where} › ${i + 1}`, depth + 1);
          if (e) return e;
        }
        return null;
      }
      case 'image': {
        const keyError = checkKeys(node, ['type', 'attrs'], where);
        if (keyError) return keyError;
        const attrs = isObject(node.attrs) ? node.attrs : {};
        const src = typeof attrs.src === 'string' ? attrs.src : '';
        if (!src.startsWith('/media/')) return `${where}: images must come from the media library`;
        if (typeof attrs.alt !== 'string') return `${where}: the image needs alt text, or an empty alt marked decorative`;
        return null;
      }
      case 'horizontalRule':
        return checkKeys(node, ['type'], where);
      default:
        return `${where}: “${type}” is not allowed`;
    }
  }

  if (!isObject(input) || input.type !== 'doc' || !Array.isArray(input.content)) return fail('The text is not valid editor content');
  const keyError = checkKeys(input, ['type', 'content'], 'Document');
  if (keyError) return fail(keyError);
  for (const [i, child] of input.content.entries()) {
    const e = block(child, `Block ${i + 1}`, 1);
    if (e) return fail(e);
  }
  if (hasUnsavableText(input)) {
    return fail('The text contains a character that cannot be saved (a null character or half of an emoji). Delete it and try again.');
  }
  return { ok: true, doc: input as RichTextDoc };
}
