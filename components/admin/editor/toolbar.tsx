'use client';

import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useId, useState } from 'react';
import { safeHref } from '@/lib/rich-text/links';
import { MediaPicker } from './media-picker';

const BUTTON =
  'min-h-11 min-w-11 rounded border-2 border-gray-800 bg-white px-2 font-bold text-gray-900 hover:bg-gray-100 aria-pressed:bg-[var(--color-brand)] aria-pressed:text-white disabled:opacity-50';

/** Formatting buttons (toggle state in aria-pressed), a link inserter, and "Insert image" from the media library. */
export function EditorToolbar({
  editor,
  labelledBy,
  canInsertImage,
}: {
  editor: Editor;
  labelledBy: string;
  /** Only those who may browse the media library get "Insert image" (the picker lists it). */
  canInsertImage: boolean;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      href: (e.getAttributes('link').href as string | undefined) ?? '',
    }),
  });
  const [panel, setPanel] = useState<'link' | null>(null);
  const [picking, setPicking] = useState(false);
  const [href, setHref] = useState('');
  const [error, setError] = useState('');
  const id = useId();

  const toggle = (label: string, pressed: boolean, run: () => void) => (
    <button type="button" aria-pressed={pressed} onClick={run} className={BUTTON}>
      {label}
    </button>
  );

  function removeLink() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    setError('');
    setPanel(null);
  }

  function applyLink() {
    const url = href.trim();
    if (!url) return removeLink();
    if (!safeHref(url)) {
      setError('Use an https://, mailto: or relative link, like https://example.org or /events.');
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
    setError('');
    setPanel(null);
  }

  function insertImage(image: { src: string; alt: string }) {
    setPicking(false);
    // Only media-library addresses reach here; the server checks again on save (lib/rich-text/validate.ts).
    if (!image.src.startsWith('/media/')) return;
    editor.chain().focus().setImage({ src: image.src, alt: image.alt }).run();
  }

  return (
    <div className="space-y-2">
      <div role="toolbar" aria-label="Text formatting" aria-controls={labelledBy} className="flex flex-wrap gap-1">
        {toggle('Bold', state.bold, () => editor.chain().focus().toggleBold().run())}
        {toggle('Italic', state.italic, () => editor.chain().focus().toggleItalic().run())}
        {toggle('Heading 2', state.h2, () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
        {toggle('Heading 3', state.h3, () => editor.chain().focus().toggleHeading({ level: 3 }).run())}
        {toggle('Heading 4', state.h4, () => editor.chain().focus().toggleHeading({ level: 4 }).run())}
        {toggle('Bulleted list', state.bullet, () => editor.chain().focus().toggleBulletList().run())}
        {toggle('Numbered list', state.ordered, () => editor.chain().focus().toggleOrderedList().run())}
        {toggle('Quote', state.quote, () => editor.chain().focus().toggleBlockquote().run())}
        <button
          type="button"
          aria-pressed={state.link}
          aria-expanded={panel === 'link'}
          aria-controls={`${id}-link`}
          onClick={() => {
            setHref(state.href);
            setError('');
            setPanel(panel === 'link' ? null : 'link');
          }}
          className={BUTTON}
        >
          Link
        </button>
        {canInsertImage && (
          <button type="button" aria-haspopup="dialog" onClick={() => { setError(''); setPanel(null); setPicking(true); }} className={BUTTON}>
            Insert image
          </button>
        )}
      </div>
      {error && <p role="alert" className="font-bold text-red-700">{error}</p>}
      {panel === 'link' && (
        <div id={`${id}-link`} className="flex flex-wrap items-end gap-2 rounded border border-gray-400 p-3">
          <div>
            <label htmlFor={`${id}-href`} className="font-bold">Link address</label>
            <input id={`${id}-href`} value={href} onChange={(e) => setHref(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); applyLink(); } }} className="mt-1 block min-h-11 w-80 max-w-full rounded border-2 border-gray-800 px-2" />
          </div>
          <button type="button" onClick={applyLink} className={BUTTON}>Apply link</button>
          {state.link && (
            <button type="button" onClick={removeLink} className={BUTTON}>Remove link</button>
          )}
          <button type="button" onClick={() => setPanel(null)} className={BUTTON}>Cancel</button>
        </div>
      )}
      {canInsertImage && <MediaPicker open={picking} onClose={() => setPicking(false)} onInsert={insertImage} />}
    </div>
  );
}
