/**
 * Copy-link and email-share for an issue. The email link works without JavaScript;
 * "Copy link" is shown and made to work by public/enhance.js (decision 025), so a
 * stored page without scripts never shows a button that does nothing.
 */
export function ShareButtons({ url, title }: { url: string; title: string }) {
  const mailto = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n\n${url}`)}`;
  return (
    <div className="flex flex-wrap items-center gap-3 print:hidden">
      <button
        type="button"
        data-copy-url={url}
        className="hidden min-h-11 rounded border-2 border-[var(--color-brand)] px-3 py-2 font-bold text-[var(--color-brand)] hover:bg-blue-50 [.enhanced_&]:inline-block"
      >
        Copy link<span className="sr-only"> to {title}</span>
      </button>
      <a
        href={mailto}
        className="inline-flex min-h-11 items-center rounded border-2 border-[var(--color-brand)] px-3 py-2 font-bold text-[var(--color-brand)] hover:bg-blue-50"
      >
        Share by email<span className="sr-only">: {title}</span>
      </a>
      <p role="status" aria-live="polite" className="text-sm" data-copy-status="" />
    </div>
  );
}
