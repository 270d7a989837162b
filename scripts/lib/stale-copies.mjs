// @ts-check
// The last good answer to each public address that is not a stored page (calendars,
// the feed, /events and /search with a query, media files), kept in memory so that
// readers still get it while PostgreSQL is unreachable (docs/decisions/028-database-outage.md).
// Stored pages need none of this: they are files (scripts/lib/public-pages), and their
// addresses are never kept here, so a page taken off the store cannot come back from memory.
// Every change to published content clears all copies (clear(), called with each page
// regeneration), so a copy never shows what has since been unpublished or changed.
// Only anonymous GETs of public paths are kept, never an answer that sets a cookie,
// and never a personal page (subscription links, the subscribe form's answers, which
// repeat the address typed). Next marks its per-request renders (a search) private and
// no-store; that is about browsers and shared caches, and this copy is neither: it is
// the server's own, keyed by the address, of a page every reader gets alike.
import { LRUCache } from 'lru-cache';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { NEXT_ONLY_HEADERS, SESSION_COOKIE } from './public-pages/fast-path.mjs';
import { PUBLIC_PAGE } from './public-pages/store.mjs';

/** Public addresses whose answers may be kept; each only ever shows published content. */
// (The accessibility statement and privacy notice are left out: their edits do not pass
// through the page regeneration that clears these copies.)
const PUBLIC_PATH = /^\/(?:$|\?|issues(?:[/?]|$)|events(?:[/?.]|$)|search(?:\?|$)|feed\.xml(?:\?|$)|media\/)/;
/** Headers that belong to one exchange, not to the content. */
const DROP = new Set(['set-cookie', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'age', 'etag', 'last-modified']);

/** @typedef {{ headers: Record<string, string | string[]>, body: Buffer, encoding: string | null, keptAt: number }} Copy */

/** @param {import('node:http').IncomingMessage} req */
export function keepable(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (!req.url || !PUBLIC_PATH.test(req.url) || PUBLIC_PAGE.test(req.url)) return false;
  if (NEXT_ONLY_HEADERS.some((h) => h in req.headers)) return false;
  return !SESSION_COOKIE.test(req.headers.cookie ?? '');
}

/** @param {string | string[] | undefined} accept @param {string} encoding */
function accepts(accept, encoding) {
  return String(accept ?? '')
    .toLowerCase()
    .split(',')
    .some((part) => {
      const [name, ...params] = part.trim().split(';');
      const q = params.map((x) => /^\s*q=([\d.]+)/.exec(x)?.[1]).find(Boolean);
      return name === encoding && (q === undefined || Number(q) > 0);
    });
}

/** @param {Buffer} body @param {string} encoding */
function decode(body, encoding) {
  return encoding === 'gzip' ? gunzipSync(body) : encoding === 'br' ? brotliDecompressSync(body) : body;
}

/**
 * @param {{ maxBytes?: number, maxEntryBytes?: number, onFailedAnswer?: () => void }} [opts]
 *   onFailedAnswer: Next answered a kept address with a 5xx (the copy went out instead)
 */
export function createStaleCopies({ maxBytes = 48 * 1024 * 1024, maxEntryBytes = 4 * 1024 * 1024, onFailedAnswer = () => {} } = {}) {
  /** @type {LRUCache<string, Copy>} */
  const copies = new LRUCache({ maxSize: maxBytes, sizeCalculation: (copy) => copy.body.length + 512 });
  /** Raised by clear(): an answer rendered before a change is not kept after it. */
  let generation = 0;

  /**
   * The copy's bytes and headers for this request (decoded when the client cannot take
   * the copy's encoding), or null.
   * @param {import('node:http').IncomingMessage} req
   */
  function answerFor(req) {
    const copy = keepable(req) ? copies.get(String(req.url)) : undefined;
    if (!copy) return null;
    let body = copy.body;
    /** @type {Record<string, string | string[]>} */
    const headers = { ...copy.headers };
    try {
      if (copy.encoding && !accepts(req.headers['accept-encoding'], copy.encoding)) {
        body = decode(body, copy.encoding);
        delete headers['content-encoding'];
      }
    } catch {
      return null;
    }
    Object.assign(headers, {
      'cache-control': 'no-cache',
      age: String(Math.max(0, Math.round((Date.now() - copy.keptAt) / 1000))),
      'x-stale-copy': 'database-unavailable',
      'content-length': String(body.length),
    });
    return { headers, body: req.method === 'HEAD' ? undefined : body };
  }

  return {
    /**
     * Watches Next's answer to a keepable request (install before any layer that
     * rewrites the body, so this one sees what goes out): a 200 is kept; a 5xx (the
     * database went away before the watch saw it) becomes the kept copy, if there is one.
     * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
     */
    watch(req, res) {
      if (req.method !== 'GET' || !keepable(req)) return;
      const key = String(req.url);
      const startedIn = generation;
      const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
      /** @type {Buffer[] | null} */
      let chunks = [];
      let size = 0;
      /** The copy that goes out in place of a failed answer, once decided. @type {ReturnType<typeof answerFor>} */
      let replacement = null;
      const collect = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
        if (!chunks || chunk == null || typeof chunk === 'function') return;
        const buffer = Buffer.isBuffer(chunk)
          ? chunk
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk)
            : Buffer.from(String(chunk), typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8');
        size += buffer.length;
        if (size > maxEntryBytes) chunks = null;
        else chunks.push(buffer);
      };
      /** A 5xx about to go out is swapped for the copy, when there is one. */
      const replaces = (/** @type {number} */ status) => {
        if (replacement) return true;
        if (status < 500 || res.headersSent) return false;
        replacement = answerFor(req);
        if (!replacement) return false;
        chunks = null;
        onFailedAnswer();
        return true;
      };
      // Sent from write/end, never from inside Node's own end(), which calls writeHead.
      const sendReplacement = () => {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        /** @type {any} */ (original.writeHead).call(res, 200, replacement?.headers);
        /** @type {any} */ (original.end).call(res, replacement?.body);
      };
      res.writeHead = /** @type {typeof res.writeHead} */ (function (/** @type {number} */ code, /** @type {any[]} */ ...rest) {
        res.statusCode = code;
        if (replaces(code)) return res;
        // Headers given here are put on the response, so the copy has them too.
        for (const given of rest) {
          if (Array.isArray(given)) {
            const pairs = Array.isArray(given[0]) ? given : given.flatMap((v, i) => (i % 2 ? [] : [[v, given[i + 1]]]));
            for (const [k, v] of pairs) res.appendHeader(String(k), v);
          } else if (given && typeof given === 'object') {
            for (const [k, v] of Object.entries(given)) if (v !== undefined) res.setHeader(k, v);
          }
        }
        return /** @type {any} */ (original.writeHead).call(res, code, ...rest.filter((x) => typeof x === 'string'));
      });
      res.flushHeaders = () => {
        if (!replaces(res.statusCode)) original.flushHeaders.call(res);
      };
      res.write = /** @type {typeof res.write} */ (function (/** @type {any[]} */ ...args) {
        if (replaces(res.statusCode)) return true;
        collect(args[0], args[1]);
        return /** @type {any} */ (original.write).apply(res, args);
      });
      res.end = /** @type {typeof res.end} */ (function (/** @type {any[]} */ ...args) {
        const done = args.find((a) => typeof a === 'function');
        if (replaces(res.statusCode)) {
          if (!res.writableEnded) sendReplacement();
          if (typeof done === 'function') process.nextTick(done);
          return res;
        }
        collect(args[0], args[1]);
        return /** @type {any} */ (original.end).apply(res, args);
      });
      res.once('finish', () => {
        if (replacement || !chunks || startedIn !== generation || res.statusCode !== 200 || res.getHeader('set-cookie')) return;
        const encoding = String(res.getHeader('content-encoding') ?? '').toLowerCase() || null;
        if (encoding && encoding !== 'gzip' && encoding !== 'br') return;
        /** @type {Record<string, string | string[]>} */
        const headers = {};
        for (const [name, value] of Object.entries(res.getHeaders())) {
          if (value !== undefined && !DROP.has(name)) headers[name] = Array.isArray(value) ? value : String(value);
        }
        copies.set(key, { headers, body: Buffer.concat(chunks), encoding, keptAt: Date.now() });
      });
    },

    /**
     * Answers with the kept copy, if there is one; marked so a reader's cache
     * revalidates it once the site is back.
     * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
     * @returns {boolean} whether it answered
     */
    serve(req, res) {
      const answer = answerFor(req);
      if (!answer) return false;
      res.writeHead(200, answer.headers);
      res.end(answer.body);
      return true;
    },

    /** Published content changed: every copy may be out of date. */
    clear() {
      generation += 1;
      copies.clear();
    },

    get size() {
      return copies.size;
    },
  };
}
