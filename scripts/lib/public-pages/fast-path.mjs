// @ts-check
// docs/decisions/025-static-public-pages.md. Answers GET/HEAD for stored public
// pages with sirv before Next.js sees the request; everything else falls through.
// sirv with dev: false walks its folder once and keeps each file's size for
// Content-Length, so each generation (immutable, store.mjs) gets its own handler and
// swap() replaces it; a request that started on the old one finishes on the old files.
import path from 'node:path';
import sirv from 'sirv';
import { PUBLIC_PAGE } from './store.mjs';

/** next-auth's JWT session cookie, plain or __Secure-, whole or chunked (.0, .1). */
export const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

// Client-side navigations ask for Flight data, and the renderer's own requests must
// reach Next: none of these may get a stored document.
const NEXT_ONLY_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'x-prerender-revalidate'];

/** @param {import('node:http').IncomingMessage} req */
export function eligible(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // The raw URL: any query string, trailing slash or dot goes to Next.
  if (!req.url || !PUBLIC_PAGE.test(req.url)) return false;
  if (NEXT_ONLY_HEADERS.some((h) => h in req.headers)) return false;
  return !SESSION_COOKIE.test(req.headers.cookie ?? '');
}

/** @param {{ headers: Record<string, string> }} opts headers for every stored answer (CSP, security headers) */
export function createFastPath({ headers }) {
  /** @type {ReturnType<typeof sirv> | null} */
  let serve = null;
  let generation = '';
  return {
    /** @param {string} dir a committed generation folder */
    swap(dir) {
      serve = sirv(dir, { dev: false, etag: true, gzip: true, brotli: true, extensions: ['html'], maxAge: 0 });
      generation = path.basename(dir);
    },
    /**
     * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
     * @returns {boolean} true when answered from the store
     */
    handle(req, res) {
      if (!serve || !eligible(req)) return false;
      const all = { ...headers, 'Cache-Control': 'public, max-age=0, must-revalidate', 'X-Public-Page': generation };
      // Set before sirv runs: its 304 answer sends only headers already on the response.
      for (const [k, v] of Object.entries(all)) res.setHeader(k, v);
      res.setHeader('Vary', 'Accept-Encoding');
      delete req.headers.range;
      // sirv answers 304 only to an exact If-None-Match, with a bare writeHead: put the
      // validator back, as RFC 9110 asks, so caches keep their copy's ETag.
      const writeHead = res.writeHead;
      res.writeHead = /** @type {typeof res.writeHead} */ (function (/** @type {number} */ code, /** @type {any[]} */ ...rest) {
        if (code === 304) res.setHeader('ETag', String(req.headers['if-none-match']));
        return writeHead.call(res, code, ...rest);
      });
      let missed = false;
      serve(req, res, () => {
        missed = true;
      });
      if (missed) for (const k of [...Object.keys(all), 'Vary']) res.removeHeader(k);
      return !missed;
    },
  };
}
