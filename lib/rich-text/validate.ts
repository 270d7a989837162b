import { safeHref, safeImageSrc } from './links';
import type { RichTextDoc } from './types';

// Server-side check of editor JSON against the same allowlist the public renderer
// uses (components/rich-text.tsx). Unknown nodes, marks or attributes and unsafe
// URLs are rejected with a message that says where, rather than silently dropped.
//
// Total: whatever arrives (any JSON, or what React's server-action decoding makes of
// a crafted body: cycles, shared objects, Maps, functions, proxies), the answer is a
// result, never an exception. The input is first copied into a plain JSON tree under
// size limits; only that copy, which holds nothing but our own plain values, is
// inspected and returned.

const BLOCKS = new Set(['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'image', 'horizontalRule']);
const INLINE = new Set(['text', 'hardBreak']);
const MARKS = new Set(['bold', 'italic', 'link']);
const MAX_NODES = 20_000;
/** Blocks in blocks (list, item, quote, …); the renderer stops at the same depth. */
export const MAX_BLOCK_DEPTH = 12;
const MAX_TEXT = 200_000;
/** Limits of the copy: values of any kind, all characters of keys and strings, nesting. */
const MAX_VALUES = 200_000;
const MAX_CHARS = 1_000_000;
export const MAX_JSON_DEPTH = 64;

// PostgreSQL's jsonb cannot store U+0000 or unpaired UTF-16 surrogates; letting
// them through would make the save fail with a database error instead of a message.
const UNSAVABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const NOT_CONTENT = 'The text is not valid editor content';
const TOO_LONG = 'The text is too long';
const UNSAVABLE_MESSAGE =
  'The text contains a character that cannot be saved (a null character or half of an emoji). Delete it and try again.';

export type RichTextResult = { ok: true; doc: RichTextDoc } | { ok: false; error: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class Refused extends Error {}

type Copy = { value: unknown; unsavable: boolean };

/**
 * A plain copy of `input`: only strings, finite numbers, booleans, null, arrays and
 * plain objects, without getters, holes, cycles or `__proto__` keys. Object
 * properties that are `undefined` are left out, as JSON.stringify would.
 */
function plainCopy(input: unknown): { ok: true; copy: Copy } | { ok: false; error: string } {
  let values = 0;
  let chars = 0;
  let unsavable = false;
  const ancestors = new Set<object>();

  const text = (s: string) => {
    chars += s.length;
    if (chars > MAX_CHARS) throw new Refused(TOO_LONG);
    if (!unsavable && UNSAVABLE.test(s)) unsavable = true;
    return s;
  };

  const copy = (value: unknown, depth: number): unknown => {
    if (++values > MAX_VALUES) throw new Refused(TOO_LONG);
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value === 'string') return text(value);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Refused(NOT_CONTENT);
      return value;
    }
    if (typeof value !== 'object') throw new Refused(NOT_CONTENT);
    if (depth > MAX_JSON_DEPTH) throw new Refused(NOT_CONTENT);
    // A cycle (possible in a decoded server-action body, never in JSON) is refused;
    // an object shared by two parents is copied twice, within the value budget.
    if (ancestors.has(value)) throw new Refused(NOT_CONTENT);
    ancestors.add(value);
    try {
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) throw new Refused(NOT_CONTENT);
        const length = value.length;
        if (length > MAX_VALUES - values) throw new Refused(TOO_LONG);
        const out: unknown[] = [];
        for (let i = 0; i < length; i++) {
          const d = Object.getOwnPropertyDescriptor(value, i);
          if (!d || !('value' in d) || d.value === undefined) throw new Refused(NOT_CONTENT);
          out.push(copy(d.value, depth + 1));
        }
        return out;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      // ProseMirror builds attributes with Object.create(null); anything with another
      // prototype (Map, Date, a class) is not editor JSON.
      if (proto !== Object.prototype && proto !== null) throw new Refused(NOT_CONTENT);
      const out: Json = {};
      for (const key of Object.keys(value)) {
        if (key === '__proto__') throw new Refused(`${NOT_CONTENT}: it has a “__proto__” key`);
        const d = Object.getOwnPropertyDescriptor(value, key);
        if (!d || !('value' in d)) throw new Refused(NOT_CONTENT);
        if (d.value === undefined) continue;
        if (++values > MAX_VALUES) throw new Refused(TOO_LONG);
        out[text(key)] = copy(d.value, depth + 1);
      }
      return out;
    } finally {
      ancestors.delete(value);
    }
  };

  try {
    const value = copy(input, 0);
    return { ok: true, copy: { value, unsavable } };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.message };
    // Reading a foreign object can throw (a proxy's trap, a revoked proxy): that is
    // not editor content either, and nothing of ours failed.
    return { ok: false, error: NOT_CONTENT };
  }
}

/** A user-supplied string for a message: short, and only if it is one. */
const shown = (value: unknown) => (typeof value === 'string' ? value.slice(0, 80) : '?');

function checkTree(input: unknown): string | null {
  let nodes = 0;
  let textLength = 0;

  function checkKeys(node: Json, allowed: string[], where: string): string | null {
    const extra = Object.keys(node).filter((k) => !allowed.includes(k));
    return extra.length ? `${where}: unexpected ${extra.map(shown).join(', ')}` : null;
  }

  function inline(node: unknown, where: string): string | null {
    if (!isObject(node) || typeof node.type !== 'string') return `${where}: not a valid node`;
    if (!INLINE.has(node.type)) return `${where}: “${shown(node.type)}” is not allowed inside text`;
    if (++nodes > MAX_NODES) return TOO_LONG;
    if (node.type === 'hardBreak') return checkKeys(node, ['type'], where);
    const keyError = checkKeys(node, ['type', 'text', 'marks'], where);
    if (keyError) return keyError;
    if (typeof node.text !== 'string' || node.text.length === 0) return `${where}: empty text`;
    textLength += node.text.length;
    if (textLength > MAX_TEXT) return TOO_LONG;
    if (node.marks === undefined) return null;
    if (!Array.isArray(node.marks)) return `${where}: marks must be a list`;
    for (const mark of node.marks) {
      if (!isObject(mark) || typeof mark.type !== 'string' || !MARKS.has(mark.type)) {
        return `${where}: the formatting “${isObject(mark) ? shown(mark.type) : '?'}” is not allowed`;
      }
      if (mark.type === 'link') {
        if (mark.attrs !== undefined && !isObject(mark.attrs)) return `${where}: invalid link attributes`;
        const href = isObject(mark.attrs) ? mark.attrs.href : undefined;
        if (!safeHref(href)) {
          return typeof href === 'string'
            ? `${where}: the link “${shown(href)}” is not allowed. Use an https://, mailto: or relative link.`
            : `${where}: a link has no web address. Use an https://, mailto: or relative link.`;
        }
      } else {
        const markError = checkKeys(mark, ['type'], `${where} mark`);
        if (markError) return markError;
      }
    }
    return null;
  }

  function block(node: unknown, where: string, depth: number): string | null {
    if (depth > MAX_BLOCK_DEPTH) return `${where}: nested too deeply`;
    if (!isObject(node) || typeof node.type !== 'string') return `${where}: not a valid block`;
    if (++nodes > MAX_NODES) return TOO_LONG;
    const type = node.type;
    if (!BLOCKS.has(type) && type !== 'listItem') return `${where}: “${shown(type)}” is not allowed`;
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
        if (node.attrs !== undefined && !isObject(node.attrs)) return `${where}: invalid attributes`;
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
        if (!safeImageSrc(attrs.src)) return `${where}: images must come from the media library`;
        if (typeof attrs.alt !== 'string') return `${where}: the image needs alt text, or an empty alt marked decorative`;
        return null;
      }
      case 'horizontalRule':
        return checkKeys(node, ['type'], where);
      default:
        return `${where}: “${shown(type)}” is not allowed`;
    }
  }

  if (!isObject(input) || input.type !== 'doc' || !Array.isArray(input.content)) return NOT_CONTENT;
  const keyError = checkKeys(input, ['type', 'content'], 'Document');
  if (keyError) return keyError;
  for (const [i, child] of input.content.entries()) {
    const e = block(child, `Block ${i + 1}`, 1);
    if (e) return e;
  }
  return null;
}

export function validateRichText(input: unknown): RichTextResult {
  const copied = plainCopy(input);
  if (!copied.ok) return { ok: false, error: copied.error };
  const { value, unsavable } = copied.copy;
  const error = checkTree(value);
  if (error) return { ok: false, error };
  if (unsavable) return { ok: false, error: UNSAVABLE_MESSAGE };
  return { ok: true, doc: value as RichTextDoc };
}
