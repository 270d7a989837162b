// @ts-check
// docs/decisions/025-static-public-pages.md. Answers GET/HEAD for stored public
// pages with sirv before Next.js sees the request; everything else falls through.
// sirv with dev: false walks its folder once and keeps each file's size for
// Content-Length, so each generation (immutable, store.mjs) gets its own handler and
// swap() replaces it; a request that started on the old one finishes on the old files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import { NOT_FOUND, PUBLIC_PAGE, fileFor } from './store.mjs';

/** next-auth's JWT session cookie, plain or __Secure-, whole or chunked (.0, .1). */
export const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

// Client-side navigations ask for Flight data, and the renderer's own requests must
// reach Next: none of these may get a stored document.
export const NEXT_ONLY_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'x-prerender-revalidate'];

/** @param {import('node:http').IncomingMessage} req */
export function eligible(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // The raw URL: any query string, trailing slash or dot goes to Next.
  if (!req.url || !PUBLIC_PAGE.test(req.url)) return false;
  if (NEXT_ONLY_HEADERS.some((h) => h in req.headers)) return false;
  return !SESSION_COOKIE.test(req.headers.cookie ?? '');
}

/** @typedef {{ identity: Buffer, gzip: Buffer, br: Buffer }} Variants */

/** The stored not-found document of a generation, in memory (a few KB), or null. @param {string} dir */
function readNotFound(dir) {
  const file = path.join(dir, fileFor(NOT_FOUND));
  try {
    return { identity: readFileSync(file), gzip: readFileSync(`${file}.gz`), br: readFileSync(`${file}.br`) };
  } catch {
    return null;
  }
}

/** br, then gzip, then none, as the request accepts them (q=0 refuses). @param {string | string[] | undefined} accept */
function pickEncoding(accept) {
  const offered = new Map();
  for (const part of String(accept ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((x) => /^\s*q=([\d.]+)/.exec(x)?.[1]).find(Boolean);
    if (name) offered.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (/** @type {string} */ e) => (offered.get(e) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/**
 * Next renders its 404 page with the client runtime, and for an unknown issue or event
 * with an empty <body> that only JavaScript fills. Next still decides that a request is
 * a 404 (a page published a moment ago may not be stored yet), but when it answers an
 * anonymous reader with a 404 HTML page, the stored script-free document goes out instead.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {Variants} doc @param {Record<string, string>} headers
 */
function replaceNotFound(req, res, doc, headers) {
  // The wrappers stay in place once decided: Next's compression wraps these methods
  // again on top of them, and putting the originals back would cut its wrappers out.
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  /** @type {boolean | null} */
  let replaced = null;
  const send = () => {
    const cacheControl = res.getHeader('cache-control');
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    const encoding = pickEncoding(req.headers['accept-encoding']);
    const body = encoding === 'br' ? doc.br : encoding === 'gzip' ? doc.gzip : doc.identity;
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', cacheControl ?? 'no-store');
    res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    original.writeHead.call(res, 404);
    /** @type {any} */ (original.end).call(res, req.method === 'HEAD' ? undefined : body);
  };
  /** At Next's first write: a 404 HTML page is answered with the stored document, and Next's bytes go nowhere. */
  const decide = () => {
    if (replaced === null) {
      replaced = res.statusCode === 404 && !res.headersSent && String(res.getHeader('content-type') ?? '').startsWith('text/html');
      if (replaced) send();
    }
    return replaced;
  };
  res.writeHead = /** @type {typeof res.writeHead} */ (function (/** @type {number} */ code, /** @type {any[]} */ ...rest) {
    if (replaced === false) return /** @type {any} */ (original.writeHead).call(res, code, ...rest);
    if (replaced) return res;
    res.statusCode = code;
    const given = rest.find((x) => x && typeof x === 'object' && !Array.isArray(x));
    if (given) for (const [k, v] of Object.entries(given)) res.setHeader(k, v);
    if (decide()) return res;
    // Headers given as an object are on the response now; a status message or raw array is passed on.
    return /** @type {any} */ (original.writeHead).call(res, code, ...rest.filter((x) => typeof x === 'string' || Array.isArray(x)));
  });
  res.flushHeaders = () => {
    if (!decide()) original.flushHeaders.call(res);
  };
  res.write = /** @type {typeof res.write} */ (function (/** @type {any[]} */ ...args) {
    return decide() ? true : /** @type {any} */ (original.write).apply(res, args);
  });
  res.end = /** @type {typeof res.end} */ (function (/** @type {any[]} */ ...args) {
    if (!decide()) return /** @type {any} */ (original.end).apply(res, args);
    const done = args.find((a) => typeof a === 'function');
    if (typeof done === 'function') process.nextTick(done);
    return res;
  });
}

/** Requests whose 404 may be the stored document: a reader's page view, not Next's own traffic. @param {import('node:http').IncomingMessage} req */
function readerRequest(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (NEXT_ONLY_HEADERS.some((h) => h in req.headers)) return false;
  return !SESSION_COOKIE.test(req.headers.cookie ?? '');
}

/** @param {{ headers: Record<string, string> }} opts headers for every stored answer (CSP, security headers) */
export function createFastPath({ headers }) {
  /** @type {ReturnType<typeof sirv> | null} */
  let serve = null;
  let generation = '';
  /** @type {Variants | null} */
  let notFound = null;
  return {
    /** @param {string} dir a committed generation folder */
    swap(dir) {
      serve = sirv(dir, { dev: false, etag: true, gzip: true, brotli: true, extensions: ['html'], maxAge: 0 });
      generation = path.basename(dir);
      notFound = readNotFound(dir);
    },
    /**
     * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
     * @returns {boolean} true when answered from the store
     */
    handle(req, res) {
      if (!serve) return false;
      if (!eligible(req)) {
        if (notFound && readerRequest(req)) replaceNotFound(req, res, notFound, { ...headers, 'X-Public-Not-Found': generation });
        return false;
      }
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
      if (!missed) return true;
      for (const k of [...Object.keys(all), 'Vary']) res.removeHeader(k);
      res.writeHead = writeHead;
      if (notFound) replaceNotFound(req, res, notFound, { ...headers, 'X-Public-Not-Found': generation });
      return false;
    },
  };
}
