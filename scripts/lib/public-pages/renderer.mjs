// @ts-check
// Re-renders public pages through Next.js itself and commits them to the store as one
// generation (docs/decisions/025-static-public-pages.md).
// Each page is a loopback GET with Next's on-demand revalidation header
// (x-prerender-revalidate: the build's previewModeId, as Pages Router res.revalidate()
// sends): Next renders it afresh from the database, skipping unstable_cache reads, and
// refreshes its own ISR entry on the way. 200 → stored (after toStaticDocument and its
// checks); 404/410 → removed; anything else keeps the stored page and is logged.
// A page Next could not answer (5xx, timeout, connection error) is tried again later,
// with back-off: a full run at startup under load must not leave a page out of the
// store until the next content change. A page that fails the static checks is not
// retried (the same HTML would fail again).
// Requests that arrive while a run is going are coalesced into the next run.
// `fetch` must be the one from before Next patched the global: a run started from a
// server action would otherwise inherit that request's context and caching rules.
import { staticDocumentProblems, toStaticDocument } from '../static-document.mjs';
import { NOT_FOUND, PUBLIC_PAGE } from './store.mjs';

/** Pages any change can alter (lib/data/public-pages.ts FIXED_PUBLIC_PAGES). */
const FIXED_PAGES = ['/', '/issues', '/events', '/events/past'];
/** No route answers this, so Next renders app/not-found.tsx: the stored not-found document. */
export const NOT_FOUND_PROBE = '/__public-pages/not-found';

/**
 * @param {{
 *   origin: string, previewModeId: string, buildId: string,
 *   store: Awaited<ReturnType<typeof import('./store.mjs').openStore>>,
 *   onSwap: (dir: string) => void, concurrency?: number, fetch?: typeof globalThis.fetch,
 *   retryDelaysMs?: number[],
 * }} opts retryDelaysMs: waits before each retry of a page Next could not answer; the last repeats
 */
export function createRegenerator({
  origin, previewModeId, buildId, store, onSwap, concurrency = 2, fetch = globalThis.fetch,
  retryDelaysMs = [5_000, 30_000, 120_000, 300_000],
}) {
  /** @type {Set<string>} */
  const pending = new Set();
  /** Queued pages to commit in the first of a run's two generations. @type {Set<string>} */
  const urgent = new Set();
  let fullPending = false;
  /** @type {Promise<void> | null} */
  let running = null;
  /** Failed tries in a row, per page Next could not answer. @type {Map<string, number>} */
  const failures = new Map();
  /** @type {ReturnType<typeof setTimeout> | null} */
  let retryTimer = null;

  /** @param {string} pagePath @returns {Promise<{ bytes: Buffer } | { remove: true } | { retry: true } | null>} */
  async function render(pagePath) {
    const notFound = pagePath === NOT_FOUND;
    const res = await fetch(origin + (notFound ? NOT_FOUND_PROBE : pagePath), {
      headers: { 'x-prerender-revalidate': previewModeId, 'accept-encoding': 'identity' },
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    const html = await res.text();
    if (!notFound && (res.status === 404 || res.status === 410)) return { remove: true };
    if (res.status !== (notFound ? 404 : 200)) {
      console.error(`Public page ${pagePath}: Next answered ${res.status}; the stored page stays.`);
      return res.status >= 500 ? { retry: true } : null;
    }
    const doc = toStaticDocument(html);
    const problems = staticDocumentProblems(doc);
    if (problems.length) {
      console.error(`Public page ${pagePath} not stored: it ${problems.join('; ')}.`);
      return null;
    }
    return { bytes: Buffer.from(doc) };
  }

  /** Every public page, as Next's sitemap lists them (fresh: same revalidation header). */
  async function allPages() {
    const res = await fetch(`${origin}/sitemap.xml`, {
      headers: { 'x-prerender-revalidate': previewModeId, 'accept-encoding': 'identity' },
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) throw new Error(`the sitemap answered ${res.status}`);
    const paths = new Set(FIXED_PAGES);
    for (const m of (await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const p = new URL(/** @type {string} */ (m[1])).pathname;
      if (PUBLIC_PAGE.test(p)) paths.add(p);
    }
    return [...paths];
  }

  /** @param {string[]} list @returns {Promise<{ put: Map<string, Buffer>, remove: Set<string> }>} */
  async function renderAll(list) {
    /** @type {Map<string, Buffer>} */
    const put = new Map();
    /** @type {Set<string>} */
    const remove = new Set();
    let next = 0;
    const worker = async () => {
      while (next < list.length) {
        const p = /** @type {string} */ (list[next++]);
        const result = await render(p).catch((error) => {
          console.error(`Public page ${p} could not be rendered; the stored page stays:`, error);
          return /** @type {const} */ ({ retry: true });
        });
        if (result && 'retry' in result) failures.set(p, (failures.get(p) ?? 0) + 1);
        else failures.delete(p);
        if (result && 'bytes' in result) put.set(p, result.bytes);
        else if (result && 'remove' in result) remove.add(p);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, list.length) }, worker));
    return { put, remove };
  }

  async function runOnce() {
    const full = fullPending;
    fullPending = false;
    if (full) {
      for (const p of [...(await allPages()), NOT_FOUND]) pending.add(p);
      urgent.clear();
    }
    const batch = [...pending];
    pending.clear();
    // The pages a reader looks at first (the changed page, home, listings) are committed
    // before the pages that only link to it, so a big issue does not hold them back.
    const first = full ? batch : batch.filter((p) => urgent.has(p));
    const rest = full ? [] : batch.filter((p) => !urgent.has(p));
    urgent.clear();
    let generation;
    for (const group of [first, rest]) {
      if (!group.length) continue;
      const { put, remove } = await renderAll(group);
      // A full run whose pages failed to render keeps them (as stored) rather than dropping them.
      const keep = full ? group.filter((p) => !put.has(p) && !remove.has(p)) : [];
      if (keep.length) console.error(`Public pages kept from the previous generation: ${keep.join(', ')}.`);
      generation = await store.commit({ put, remove, buildId, full: full && !keep.length });
      onSwap(generation.dir);
    }
    return generation;
  }

  /** Queues the pages Next could not answer again, after the longest wait any of them is due. */
  function scheduleRetry() {
    if (retryTimer || failures.size === 0 || retryDelaysMs.length === 0) return;
    const tries = Math.max(...failures.values());
    const delay = /** @type {number} */ (retryDelaysMs[Math.min(tries, retryDelaysMs.length) - 1]);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      const again = [...failures.keys()].filter((p) => !pending.has(p));
      for (const p of again) pending.add(p);
      if (!again.length) return;
      running ??= loop();
      // Nobody awaits a retry: a failed commit is logged here, not left unhandled.
      running.catch((error) => console.error('Public pages: a retry could not be committed:', error));
    }, delay);
    retryTimer.unref?.();
  }

  async function loop() {
    try {
      while (pending.size || fullPending) await runOnce();
    } finally {
      running = null;
      if (pending.size || fullPending) running = loop();
      else scheduleRetry();
    }
  }

  return {
    /**
     * Queues pages, and the stored pages that link to the `changed` ones (their titles or
     * links change, or the link must go); resolves when they (and whatever was queued
     * meanwhile) are committed. The changed pages and the fixed pages (home, listings)
     * are committed first.
     * @param {string[]} paths @param {{ changed?: string[] }} [opts] default: all of `paths`
     */
    request(paths, { changed = paths } = {}) {
      for (const p of [...paths, ...store.linkingTo(changed)]) if (PUBLIC_PAGE.test(p)) pending.add(p);
      for (const p of [...changed, ...FIXED_PAGES]) if (pending.has(p)) urgent.add(p);
      running ??= loop();
      return running;
    },
    /** Re-renders every public page and drops stored pages that are no longer public. */
    full() {
      fullPending = true;
      running ??= loop();
      return running;
    },
  };
}
