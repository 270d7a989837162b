'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

// Nothing typed is lost by following a link inside the admin. An autosaving
// editor registers a saver: a link click waits for its pending save, and asks only
// if that fails. Any other form the user has typed text into (and not submitted)
// asks first, unless the link is that form's own (its "Cancel"). Reloading or
// closing the tab with an editor's save pending gets the browser's own prompt.

export type Saver = { dirty: () => boolean; flush: () => Promise<boolean> };

const savers = new Set<Saver>();
const dirtyForms = new Set<HTMLFormElement>();
const TEXT_TYPES = new Set(['text', 'email', 'url', 'tel', 'number', 'password', '']);

/** Registers an autosaving editor; returns the function that unregisters it. */
export function registerSaver(saver: Saver): () => void {
  savers.add(saver);
  return () => savers.delete(saver);
}

export const UNSAVED_SAVE_FAILED = 'Your latest changes could not be saved. Leave this page and lose them?';
export const UNSAVED_FORM = 'You have typed into a form without saving it. Leave this page and lose what you typed?';

/** Forms that hold nothing worth keeping: searches and filters (GET) and autosaving editors. */
function tracked(form: HTMLFormElement | null): form is HTMLFormElement {
  // The attribute, not the property: a React form without one (submitted by script) reports "get".
  return !!form && form.getAttribute('method')?.toLowerCase() !== 'get' && !form.hasAttribute('data-autosave');
}

/** Typed-into forms still on the page, other than the one the clicked link sits in. */
function unsavedForms(link: Element | null): boolean {
  for (const form of dirtyForms) if (!form.isConnected) dirtyForms.delete(form);
  return [...dirtyForms].some((form) => !link || !form.contains(link));
}

/** The in-app address a plain left click on this link would open, or null. */
function inAppTarget(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('download') || (link.target && link.target !== '_self')) return null;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // A link to a spot on the same page leaves nothing behind.
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function LeaveGuard() {
  const router = useRouter();
  useEffect(() => {
    const onInput = (e: Event) => {
      const el = e.target;
      const typed = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_TYPES.has(el.getAttribute('type') ?? ''));
      if (typed && tracked(el.form)) dirtyForms.add(el.form);
    };
    const onSubmit = (e: Event) => {
      if (e.target instanceof HTMLFormElement) dirtyForms.delete(e.target);
    };
    const onClick = (e: MouseEvent) => {
      const href = inAppTarget(e);
      if (!href) return;
      const pending = [...savers].filter((s) => s.dirty());
      if (pending.length > 0) {
        e.preventDefault();
        void Promise.all(pending.map((s) => s.flush().catch(() => false))).then((results) => {
          if (results.every(Boolean) || window.confirm(UNSAVED_SAVE_FAILED)) router.push(href);
        });
        return;
      }
      if (unsavedForms((e.target as Element).closest('a')) && !window.confirm(UNSAVED_FORM)) {
        e.preventDefault();
        return;
      }
      dirtyForms.clear();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if ([...savers].some((s) => s.dirty())) e.preventDefault();
    };
    document.addEventListener('input', onInput, true);
    document.addEventListener('submit', onSubmit, true);
    // Capture, so this runs before next/link's own click handler (which honours preventDefault).
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('input', onInput, true);
      document.removeEventListener('submit', onSubmit, true);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [router]);
  return null;
}
