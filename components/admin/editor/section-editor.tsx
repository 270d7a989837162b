'use client';

import { EditorContent, useEditor, type JSONContent } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import { IssueSection, type IssueSectionData } from '@/components/issue/issue-section';
import { RichText } from '@/components/rich-text';
import { saveSectionAction } from '@/lib/actions/sections/save-section';
import { editorExtensions } from './extensions';
import { toPlainJson } from './plain-json';
import { registerSaver } from '@/components/admin/forms/leave-guard';
import { EditorToolbar } from './toolbar';
import { formatClock } from '@/lib/dates';

type Conflict = { title: string; body: unknown; version: number; updatedAt: string; by: string | null };
type Status =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'retrying'; seconds: number; reason: string }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict' };

const AUTOSAVE_MS = 3000;
const MAX_BACKOFF_MS = 60_000;

/** ProseMirror needs at least one block; a new section's body is an empty doc. */
function editorContent(body: unknown): JSONContent {
  const doc = body as JSONContent | null;
  if (!doc || doc.type !== 'doc' || !Array.isArray(doc.content) || doc.content.length === 0) {
    return { type: 'doc', content: [{ type: 'paragraph' }] };
  }
  return doc;
}

const clock = (iso: string) => formatClock(new Date(iso));

function statusText(s: Status): string {
  switch (s.kind) {
    case 'clean': return 'No changes yet';
    case 'dirty': return 'Unsaved changes';
    case 'saving': return 'Saving…';
    case 'saved': return `Saved at ${clock(s.at)}`;
    case 'retrying': return `Not saved – retrying in ${s.seconds} seconds. ${s.reason} Your text is kept here.`;
    case 'failed': return `Not saved: ${s.message}`;
    case 'conflict': return 'Not saved: someone else saved a newer version';
  }
}

const EMPTY_BYLINE: Omit<IssueSectionData, 'title' | 'body'> = { bylines: [], bylineOrganisation: null, signOff: null, signatory: null };

const BUTTON = 'min-h-11 rounded border-2 border-gray-800 bg-white px-3 font-bold text-gray-900 hover:bg-gray-100';
const PRIMARY = 'min-h-11 rounded bg-[var(--color-brand)] px-5 font-bold text-white hover:bg-[var(--color-brand-dark)] disabled:opacity-70';

/**
 * Title + TipTap body with autosave (3 s after typing stops, backing off on
 * failure), a live save status, a live preview through the public renderer, and
 * side-by-side conflict resolution when someone else saved first.
 */
export function SectionEditor({
  section,
  byline = EMPTY_BYLINE,
  canInsertImage,
}: {
  section: { id: string; title: string; body: unknown; version: number };
  /** Byline and sign-off, edited in their own panels; the preview shows them as readers will. */
  byline?: Omit<IssueSectionData, 'title' | 'body'>;
  canInsertImage: boolean;
}) {
  const id = useId();
  const [title, setTitle] = useState(section.title);
  const [doc, setDoc] = useState<unknown>(section.body);
  const [status, setStatus] = useState<Status>({ kind: 'clean' });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [titleError, setTitleError] = useState('');

  // Refs, so timers and in-flight saves always see the latest values.
  const latest = useRef({ title: section.title, body: section.body as unknown });
  const version = useRef(section.version);
  const edits = useRef(0);
  const saved = useRef(0);
  const inFlight = useRef(false);
  const blocked = useRef(false); // conflict shown: no autosave until resolved
  const attempt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef<() => Promise<void>>(async () => {});
  const conflictHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (conflict) conflictHeading.current?.focus();
  }, [conflict]);

  function schedule(ms: number) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), ms);
  }

  function changed() {
    edits.current += 1;
    // During a conflict nothing saves; during a failure backoff the pending retry sends the latest text.
    if (blocked.current || attempt.current > 0) return;
    setStatus((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }));
    schedule(AUTOSAVE_MS);
  }

  useEffect(() => {
    saveRef.current = async function save() {
      clearTimeout(timer.current);
      if (blocked.current || edits.current === saved.current) return;
      if (inFlight.current) return schedule(500);
      if (!latest.current.title.trim()) {
        setTitleError('Enter a title');
        setStatus({ kind: 'failed', message: 'enter a title' });
        return;
      }
      setTitleError('');
      const counter = edits.current;
      inFlight.current = true;
      setStatus({ kind: 'saving' });
      let result: Awaited<ReturnType<typeof saveSectionAction>> | null = null;
      try {
        result = await saveSectionAction(undefined, { id: section.id, version: version.current, title: latest.current.title, body: toPlainJson(latest.current.body) as Record<string, unknown> });
      } catch {
        result = null; // network failure or server restart
      } finally {
        inFlight.current = false;
      }
      if (result?.status === 'success' && result.data) {
        version.current = result.data.version;
        saved.current = counter;
        attempt.current = 0;
        setStatus({ kind: 'saved', at: result.data.updatedAt });
        if (edits.current !== counter) schedule(AUTOSAVE_MS);
        return;
      }
      if (result?.status === 'error' && result.code === 409 && result.data) {
        blocked.current = true;
        attempt.current = 0;
        setConflict(result.data as Conflict);
        setStatus({ kind: 'conflict' });
        return;
      }
      if (result?.status === 'error' && (result.code === 400 || result.code === 403 || result.code === 404)) {
        // Retrying cannot help; wait for the user to change something.
        attempt.current = 0;
        setStatus({ kind: 'failed', message: result.message });
        if (result.fieldErrors?.title) setTitleError(result.fieldErrors.title[0] ?? '');
        return;
      }
      attempt.current += 1;
      const delay = Math.min(MAX_BACKOFF_MS, 2000 * 2 ** (attempt.current - 1));
      const reason = result?.status === 'error' ? result.message : 'The server could not be reached.';
      setStatus({ kind: 'retrying', seconds: Math.round(delay / 1000), reason });
      schedule(delay);
    };
  });

  // Leaving: a link click waits for the pending save (LeaveGuard), and any other
  // way out (the back button) still sends it, since the app stays loaded.
  useEffect(() => {
    const unregister = registerSaver({
      dirty: () => !blocked.current && edits.current !== saved.current,
      flush: async () => {
        for (let i = 0; i < 100 && inFlight.current; i++) await new Promise((r) => setTimeout(r, 100));
        if (edits.current !== saved.current) await saveRef.current();
        return edits.current === saved.current;
      },
    });
    // Back online: retry now rather than at the end of the backoff.
    const onOnline = () => {
      if (attempt.current > 0) void saveRef.current();
    };
    window.addEventListener('online', onOnline);
    return () => {
      unregister();
      window.removeEventListener('online', onOnline);
      clearTimeout(timer.current);
      if (!blocked.current && edits.current !== saved.current && !inFlight.current) void saveRef.current();
    };
  }, []);

  const editor = useEditor({
    extensions: editorExtensions(),
    content: editorContent(section.body),
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id: `${id}-body`,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': `${id}-body-label`,
        class: 'prose-bulletin min-h-64 rounded border-2 border-gray-800 bg-white p-3 focus:outline-4 focus:outline-[var(--color-focus)]',
      },
    },
    onUpdate: ({ editor: e }) => {
      const json = e.getJSON();
      latest.current.body = json;
      setDoc(json);
      changed();
    },
  });

  function keepMine() {
    if (!conflict) return;
    version.current = conflict.version;
    blocked.current = false;
    setConflict(null);
    edits.current += 1;
    void saveRef.current();
  }

  function takeTheirs() {
    if (!conflict || !editor) return;
    editor.commands.setContent(editorContent(conflict.body), { emitUpdate: false });
    latest.current = { title: conflict.title, body: conflict.body };
    version.current = conflict.version;
    setTitle(conflict.title);
    setDoc(conflict.body);
    saved.current = edits.current;
    blocked.current = false;
    setConflict(null);
    setStatus({ kind: 'saved', at: conflict.updatedAt });
  }

  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-2">
      <form
        noValidate
        data-autosave
        onSubmit={(e) => {
          e.preventDefault();
          if (edits.current === saved.current) edits.current += 1; // explicit save even without changes
          void saveRef.current();
        }}
        className="space-y-4"
      >
        <div>
          <label htmlFor={`${id}-title`} className="font-bold">Title</label>
          {titleError && <p id={`${id}-title-error`} className="font-bold text-red-700">{titleError}</p>}
          <input
            id={`${id}-title`}
            value={title}
            aria-invalid={!!titleError}
            aria-describedby={titleError ? `${id}-title-error` : undefined}
            onChange={(e) => {
              setTitle(e.target.value);
              latest.current.title = e.target.value;
              changed();
            }}
            className="mt-1 block min-h-11 w-full rounded border-2 border-gray-800 px-2"
          />
        </div>
        <div>
          <p id={`${id}-body-label`} className="font-bold">Text</p>
          {editor ? (
            <div className="mt-1 space-y-2">
              <EditorToolbar editor={editor} labelledBy={`${id}-body`} canInsertImage={canInsertImage} />
              <EditorContent editor={editor} />
            </div>
          ) : (
            <p className="mt-1">Loading the editor…</p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" disabled={status.kind === 'saving' || !!conflict} className={PRIMARY}>Save</button>
          {status.kind === 'retrying' && (
            <button type="button" onClick={() => void saveRef.current()} className={BUTTON}>Try again now</button>
          )}
          <p role="status" aria-live="polite" className={status.kind === 'failed' || status.kind === 'retrying' || status.kind === 'conflict' ? 'font-bold text-red-700' : ''}>
            {statusText(status)}
          </p>
        </div>
      </form>

      {conflict ? (
        <section aria-labelledby={`${id}-conflict`} className="border-l-8 border-red-700 bg-red-50 p-4 lg:col-span-2 lg:row-start-1">
          <h2 id={`${id}-conflict`} className="text-xl font-bold" tabIndex={-1} ref={conflictHeading}>
            Someone else saved this section while you were editing
          </h2>
          <p className="mt-2">
            {conflict.by ?? 'Another user'} saved version {conflict.version} at {clock(conflict.updatedAt)}. Your text has been kept in the revision
            history. Choose which version to continue with.
          </p>
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <section aria-labelledby={`${id}-mine`} className="rounded border border-gray-400 bg-white p-3">
              <h3 id={`${id}-mine`} className="font-bold">Your version</h3>
              <p className="mt-1 text-lg font-bold">{title}</p>
              <RichText doc={doc} headingOffset={2} />
            </section>
            <section aria-labelledby={`${id}-theirs`} className="rounded border border-gray-400 bg-white p-3">
              <h3 id={`${id}-theirs`} className="font-bold">Their version (version {conflict.version})</h3>
              <p className="mt-1 text-lg font-bold">{conflict.title}</p>
              <RichText doc={conflict.body} headingOffset={2} />
            </section>
          </div>
          <div className="mt-4 flex flex-wrap gap-4">
            <button type="button" onClick={keepMine} className={PRIMARY}>Keep my version</button>
            <button type="button" onClick={takeTheirs} className={BUTTON}>Take their version</button>
          </div>
        </section>
      ) : null}

      <section aria-labelledby={`${id}-preview`} className="rounded border border-gray-400 p-4">
        <h2 id={`${id}-preview`} className="text-xl font-bold">Preview</h2>
        <IssueSection section={{ ...byline, title, body: doc }} headingLevel={3} className="mt-3" />
      </section>
    </div>
  );
}
