'use client';

import { useState } from 'react';

/** Copy-link and email-share for an issue. The email link works without JavaScript. */
export function ShareButtons({ url, title }: { url: string; title: string }) {
  const [status, setStatus] = useState('');
  const mailto = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n\n${url}`)}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied to the clipboard.');
    } catch {
      setStatus(`Could not copy automatically. The link is ${url}`);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3 print:hidden">
      <button
        type="button"
        onClick={copy}
        className="min-h-11 rounded border-2 border-[var(--color-brand)] px-3 py-2 font-bold text-[var(--color-brand)] hover:bg-blue-50"
      >
        Copy link<span className="sr-only"> to {title}</span>
      </button>
      <a
        href={mailto}
        className="inline-flex min-h-11 items-center rounded border-2 border-[var(--color-brand)] px-3 py-2 font-bold text-[var(--color-brand)] hover:bg-blue-50"
      >
        Share by email<span className="sr-only">: {title}</span>
      </a>
      <p role="status" aria-live="polite" className="text-sm">
        {status}
      </p>
    </div>
  );
}
