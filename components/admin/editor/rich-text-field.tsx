'use client';

import { EditorContent, useEditor, type JSONContent } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { editorExtensions } from '@/components/admin/editor/extensions';
import { EditorToolbar } from '@/components/admin/editor/toolbar';
import { ErrorText } from '@/components/admin/forms/fields';

/** ProseMirror needs at least one block. */
function editorContent(body: unknown): JSONContent {
  const doc = body as JSONContent | null;
  if (!doc || doc.type !== 'doc' || !Array.isArray(doc.content) || doc.content.length === 0) {
    return { type: 'doc', content: [{ type: 'paragraph' }] };
  }
  return doc;
}

/** An editor doc that is only empty paragraphs counts as no text: it is sent as ''. */
function isEmptyDoc(doc: unknown) {
  const d = doc as { content?: { type?: string; content?: unknown[] }[] } | null;
  return !d?.content || d.content.every((b) => b.type === 'paragraph' && !b.content?.length);
}

const serialise = (doc: unknown) => (isEmptyDoc(doc) ? '' : JSON.stringify(doc));

/** A kept value from a failed submit arrives as the JSON string that was posted. */
function parse(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

/**
 * A TipTap rich-text field for a plain form (articles, both event forms): the editor
 * JSON travels in a hidden input named `name`. The editable area carries the field's id, so the error
 * summary's link moves focus into it, and it is described by the hint and error.
 */
export function RichTextField({
  idPrefix,
  name,
  label,
  hint,
  error,
  defaultValue,
  canInsertImage,
}: {
  idPrefix: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue: unknown;
  canInsertImage: boolean;
}) {
  const id = `${idPrefix}-${name}`;
  const initial = parse(defaultValue);
  const [json, setJson] = useState(() => serialise(initial));
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const attributes = {
    id,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': `${id}-label`,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': 'true' } : {}),
    class: `prose-bulletin min-h-48 rounded border-2 bg-white p-3 focus:outline-4 focus:outline-[var(--color-focus)] ${error ? 'border-red-700' : 'border-gray-800'}`,
  };
  const editor = useEditor({
    extensions: editorExtensions(),
    content: editorContent(initial),
    immediatelyRender: false,
    editorProps: { attributes },
    onUpdate: ({ editor: e }) => setJson(serialise(e.getJSON())),
  });
  // After a failed submit the error (and its description) changes; the text stays.
  const attributesKey = JSON.stringify(attributes);
  useEffect(() => {
    editor?.setOptions({ editorProps: { attributes: JSON.parse(attributesKey) as Record<string, string> } });
  }, [editor, attributesKey]);
  return (
    <div className={error ? 'border-l-4 border-red-700 pl-3' : undefined}>
      <p id={`${id}-label`} className="font-bold">
        {label}
      </p>
      {hint && (
        <p id={`${id}-hint`} className="text-[var(--color-muted)]">
          {hint}
        </p>
      )}
      <ErrorText id={`${id}-error`} error={error} />
      <input type="hidden" name={name} value={json} />
      {editor ? (
        <div className="mt-1 space-y-2">
          <EditorToolbar editor={editor} labelledBy={id} canInsertImage={canInsertImage} />
          <EditorContent editor={editor} />
        </div>
      ) : (
        <p className="mt-1">Loading the editor…</p>
      )}
    </div>
  );
}
