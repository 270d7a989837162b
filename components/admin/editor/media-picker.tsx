'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { MediaPickerItem, MediaPickerPage } from '@/lib/validation/media-picker';

const BUTTON =
  'min-h-11 min-w-11 rounded border-2 border-gray-800 bg-white px-3 font-bold text-gray-900 hover:bg-gray-100 disabled:opacity-50';
const PRIMARY =
  'min-h-11 rounded bg-[var(--color-brand)] px-4 font-bold text-white hover:bg-[var(--color-brand-dark)] disabled:opacity-70';

type Result = { key: string } & ({ kind: 'done'; data: MediaPickerPage } | { kind: 'error'; message: string });

/**
 * "Insert image": a modal <dialog> (focus stays inside; Escape closes) listing the
 * media library. Choosing an image inserts it with the library's alt text, or an
 * empty alt for a decorative image. Images with neither cannot be chosen: rich
 * text must not contain an image a screen reader cannot describe.
 */
export function MediaPicker({
  open,
  onClose,
  onInsert,
}: {
  open: boolean;
  onClose: () => void;
  onInsert: (image: { src: string; alt: string }) => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState({ q: '', page: 1 });
  const [result, setResult] = useState<Result | null>(null);
  const key = `${search.page}|${search.q}`;
  // Loading until the result for the current search arrives.
  const load = result && result.key === key ? result : { kind: 'loading' as const };

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // Start in the search box (showModal alone would focus the first button, "Cancel").
      searchBox.current?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const requested = `${search.page}|${search.q}`;
    const params = new URLSearchParams();
    if (search.q) params.set('q', search.q);
    if (search.page > 1) params.set('page', String(search.page));
    fetch(`/api/media${params.size ? `?${params}` : ''}`, { signal: controller.signal, cache: 'no-store' })
      .then(async (response) => {
        const body = (await response.json().catch(() => null)) as (MediaPickerPage & { error?: string }) | null;
        if (!response.ok || !body) throw new Error(body?.error ?? 'The media library could not be loaded. Try again.');
        setResult({ key: requested, kind: 'done', data: body });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({ key: requested, kind: 'error', message: error instanceof Error ? error.message : 'The media library could not be loaded.' });
      });
    return () => controller.abort();
  }, [open, search]);

  const data = load.kind === 'done' ? load.data : null;
  const statusText =
    load.kind === 'loading'
      ? 'Loading images…'
      : load.kind === 'error'
        ? ''
        : data
          ? data.total === 0
            ? search.q
              ? `No images match “${search.q}”.`
              : 'The media library is empty. Upload images on the Media page first.'
            : `${data.total} ${data.total === 1 ? 'image' : 'images'}${search.q ? ` ${data.total === 1 ? 'matches' : 'match'} “${search.q}”` : ''}. Page ${data.page} of ${data.pageCount}.`
          : '';

  const label = (m: MediaPickerItem, n: number) => (m.decorative ? `decorative image ${n}` : m.alt ? `“${m.alt}”` : `image ${n} (no alt text)`);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onClose={onClose}
      className="m-auto w-[min(56rem,calc(100vw-2rem))] max-h-[calc(100vh-2rem)] overflow-y-auto rounded border-2 border-gray-800 bg-white p-0 text-[var(--color-ink)] backdrop:bg-black/50"
    >
      <div className="p-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <h2 id={`${id}-title`} className="text-2xl font-bold">
            Insert an image from the media library
          </h2>
          <button type="button" onClick={onClose} className={BUTTON}>
            Cancel<span className="sr-only"> and close the image picker</span>
          </button>
        </div>
        <p id={`${id}-intro`} className="mt-2 max-w-3xl">
          The image is inserted with the alt text saved in the media library. Decorative images are inserted with empty
          alt text, so screen readers skip them. Images without alt text cannot be inserted until someone adds it.
        </p>

        {/* Not a <form>: the picker sits inside the section editor's form, and forms cannot nest. */}
        <div role="search" aria-label="Search the media library" className="mt-4 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={`${id}-q`} className="block font-bold">
              Search alt text
            </label>
            <input
              id={`${id}-q`}
              ref={searchBox}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  setSearch({ q: query.trim(), page: 1 });
                }
              }}
              className="mt-1 block min-h-11 w-72 max-w-full rounded border-2 border-gray-800 bg-white px-2"
            />
          </div>
          <button type="button" onClick={() => setSearch({ q: query.trim(), page: 1 })} className={BUTTON}>
            Search
          </button>
        </div>

        <p role="status" aria-live="polite" className="mt-4">
          {statusText}
        </p>
        {load.kind === 'error' && (
          <p role="alert" className="mt-2 font-bold text-red-700">
            {load.message}
          </p>
        )}

        {data && data.items.length > 0 && (
          <ul aria-label="Images" className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {data.items.map((m, i) => {
              const n = i + 1;
              const descId = `${id}-${m.id}-desc`;
              return (
                <li key={m.id} className="flex flex-col gap-2 rounded border border-gray-400 p-3">
                  {/* eslint-disable-next-line @next/next/no-img-element -- library images are already resized; the text below says what it shows */}
                  <img src={m.url} alt="" width={m.width} height={m.height} loading="lazy" className="h-32 w-full bg-gray-100 object-contain" />
                  <p id={descId}>
                    {m.decorative ? (
                      <span className="italic">Decorative (inserted with empty alt text)</span>
                    ) : m.alt ? (
                      <>
                        <span className="sr-only">Alt text: </span>
                        {m.alt}
                      </>
                    ) : (
                      <span className="font-bold text-red-700">No alt text</span>
                    )}
                  </p>
                  {m.insertable ? (
                    <button type="button" aria-label={`Insert ${label(m, n)}`} onClick={() => {
                        // Close first: closing returns focus to "Insert image", and the editor then takes it.
                        dialog.current?.close();
                        onInsert({ src: m.url, alt: m.alt });
                      }} className={PRIMARY}>
                      Insert
                    </button>
                  ) : (
                    <p className="text-sm">
                      This image cannot be inserted: it has no alt text and is not marked decorative.{' '}
                      <a href="/admin/media" target="_blank" rel="noopener" className="text-[var(--color-brand)] underline">
                        Add alt text in the media library<span className="sr-only"> (opens in a new tab)</span>
                      </a>
                      , then search again.
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}

        {data && data.pageCount > 1 && (
          <nav aria-label="Image pages" className="mt-4 flex flex-wrap items-center gap-4">
            <button type="button" className={BUTTON} disabled={data.page <= 1} onClick={() => setSearch((s) => ({ ...s, page: s.page - 1 }))}>
              Previous page
            </button>
            <button type="button" className={BUTTON} disabled={data.page >= data.pageCount} onClick={() => setSearch((s) => ({ ...s, page: s.page + 1 }))}>
              Next page
            </button>
          </nav>
        )}
      </div>
    </dialog>
  );
}
