'use client';

import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useId, useState } from 'react';
import { safeHref } from '@/lib/rich-text/links';

const BUTTON =
  'min-h-11 min-w-11 rounded border-2 border-gray-800 bg-white px-2 font-bold text-gray-900 hover:bg-gray-100 aria-pressed:bg-[var(--color-brand)] aria-pressed:text-white disabled:opacity-50';

/** Formatting buttons (toggle state in aria-pressed), plus link and image inserters without pop-up prompts. */
export function EditorToolbar({ editor, labelledBy }: { editor: Editor; labelledBy: string }) {
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
  const [panel, setPanel] = useState<'link' | 'image' | null>(null);
  const [href, setHref] = useState('');
  const [src, setSrc] = useState('');
  const [alt, setAlt] = useState('');
  const [error, setError] = useState('');
  const id = useId();

  const toggle = (label: string, pressed: boolean, run: () => void) => (
    <button type="button" aria-pressed={pressed} onClick={run} className={BUTTON}>
      {label}
    </button>
  );

  function applyLink() {
    const url = href.trim();
    if (!url) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      setPanel(null);
      return;
    }
    if (!safeHref(url)) {
      setError('Use an https://, mailto: or relative link, like https://example.org or /events.');
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
    setError('');
    setPanel(null);
  }

  function insertImage() {
    if (!src.trim().startsWith('/media/')) {
      setError('Images must come from the media library: their address starts with /media/.');
      return;
    }
    editor.chain().focus().setImage({ src: src.trim(), alt }).run();
    setError('');
    setSrc('');
    setAlt('');
    setPanel(null);
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
        <button type="button" aria-expanded={panel === 'image'} aria-controls={`${id}-image`} onClick={() => { setError(''); setPanel(panel === 'image' ? null : 'image'); }} className={BUTTON}>
          Image
        </button>
      </div>
      {error && <p role="alert" className="font-bold text-red-700">{error}</p>}
      {panel === 'link' && (
        <div id={`${id}-link`} className="flex flex-wrap items-end gap-2 rounded border border-gray-400 p-3">
          <div>
            <label htmlFor={`${id}-href`} className="font-bold">Link address</label>
            <input id={`${id}-href`} value={href} onChange={(e) => setHref(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); applyLink(); } }} className="mt-1 block min-h-11 w-80 max-w-full rounded border-2 border-gray-800 px-2" />
          </div>
          <button type="button" onClick={applyLink} className={BUTTON}>{href.trim() ? 'Apply link' : 'Remove link'}</button>
          <button type="button" onClick={() => setPanel(null)} className={BUTTON}>Cancel</button>
        </div>
      )}
      {panel === 'image' && (
        <div id={`${id}-image`} className="flex flex-wrap items-end gap-2 rounded border border-gray-400 p-3">
          <div>
            <label htmlFor={`${id}-src`} className="font-bold">Image address (from the media library)</label>
            <input id={`${id}-src`} value={src} placeholder="/media/…" onChange={(e) => setSrc(e.target.value)} className="mt-1 block min-h-11 w-80 max-w-full rounded border-2 border-gray-800 px-2" />
          </div>
          <div>
            <label htmlFor={`${id}-alt`} className="font-bold">Alt text (leave empty if decorative)</label>
            <input id={`${id}-alt`} value={alt} onChange={(e) => setAlt(e.target.value)} className="mt-1 block min-h-11 w-80 max-w-full rounded border-2 border-gray-800 px-2" />
          </div>
          <button type="button" onClick={insertImage} className={BUTTON}>Insert image</button>
          <button type="button" onClick={() => setPanel(null)} className={BUTTON}>Cancel</button>
        </div>
      )}
    </div>
  );
}
