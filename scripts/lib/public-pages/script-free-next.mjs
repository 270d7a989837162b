// @ts-check
// docs/decisions/025-static-public-pages.md. The public pages that cannot be stored
// (/search?q=…, /events?…filters, /events/past?page=…) are rendered by Next per
// request; for an anonymous reader its HTML goes through the same transform as a
// stored page, so they too carry no client runtime and get the strict CSP. Buffered:
// the checks need the whole document, and these pages answer from cached data. When
// the transformed page fails a check (or anything throws), Next's own page goes out
// with Next's own CSP: a reader never gets a 500 from this layer.
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { staticDocumentProblems, toStaticDocument } from '../static-document.mjs';
import { NEXT_ONLY_HEADERS, SESSION_COOKIE } from './fast-path.mjs';

const gzipAsync = promisify(gzipCallback);

/** Public pages Next renders per request for a query string. */
const DYNAMIC_PUBLIC = /^\/(?:search|events(?:\/past)?)(?:\?|$)/;

/** @param {import('node:http').IncomingMessage} req */
export function scriptFreeCandidate(req) {
  if (req.method !== 'GET' || !req.url || !DYNAMIC_PUBLIC.test(req.url)) return false;
  if (NEXT_ONLY_HEADERS.some((h) => h in req.headers)) return false;
  return !SESSION_COOKIE.test(req.headers.cookie ?? '');
}

/** @param {string | string[] | undefined} accept */
const acceptsGzip = (accept) =>
  String(accept ?? '')
    .toLowerCase()
    .split(',')
    .some((part) => {
      const [name, ...params] = part.trim().split(';');
      const q = params.map((x) => /^\s*q=([\d.]+)/.exec(x)?.[1]).find(Boolean);
      return (name === 'gzip' || name === '*') && (q === undefined || Number(q) > 0);
    });

/**
 * Wraps `res` before Next handles `req`: Next's answer is collected, and a 200 HTML page
 * that passes the stored-page checks goes out script-free under `csp`.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {string} csp
 */
export function scriptFreeNextPage(req, res, csp) {
  // Next compresses when asked; the transform needs the plain bytes, so this layer compresses.
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  delete req.headers['accept-encoding'];
  const original = { writeHead: res.writeHead, end: res.end };
  /** @type {Buffer[]} */
  const chunks = [];
  /** @type {unknown[]} */
  let headArgs = [];
  const collect = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
    if (chunk != null && typeof chunk !== 'function') {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(/** @type {any} */ (chunk), typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8'));
    }
  };
  res.writeHead = /** @type {typeof res.writeHead} */ (function (/** @type {number} */ code, /** @type {any[]} */ ...rest) {
    res.statusCode = code;
    const given = rest.find((x) => x && typeof x === 'object' && !Array.isArray(x));
    if (given) for (const [k, v] of Object.entries(given)) res.setHeader(k, v);
    headArgs = rest.filter((x) => typeof x === 'string');
    return res;
  });
  res.flushHeaders = () => {};
  res.write = /** @type {typeof res.write} */ (function (/** @type {any[]} */ ...args) {
    collect(args[0], args[1]);
    const done = args.find((a) => typeof a === 'function');
    if (typeof done === 'function') process.nextTick(done);
    return true;
  });
  res.end = /** @type {typeof res.end} */ (function (/** @type {any[]} */ ...args) {
    collect(args[0], args[1]);
    const done = args.find((a) => typeof a === 'function');
    void send().finally(() => typeof done === 'function' && done());
    return res;
  });

  /** @param {Buffer} body */
  const out = (body) => {
    res.removeHeader('transfer-encoding');
    res.setHeader('Content-Length', body.length);
    /** @type {any} */ (original.writeHead).call(res, res.statusCode, ...headArgs);
    /** @type {any} */ (original.end).call(res, body);
  };
  const send = async () => {
    const nextBody = Buffer.concat(chunks);
    const nextCsp = res.getHeader('content-security-policy');
    try {
      let body = nextBody;
      const html = res.statusCode === 200 && String(res.getHeader('content-type') ?? '').startsWith('text/html') && !res.getHeader('content-encoding');
      if (html) {
        const doc = toStaticDocument(nextBody.toString('utf8'));
        if (staticDocumentProblems(doc).length === 0) {
          body = Buffer.from(doc);
          res.setHeader('Content-Security-Policy', csp);
          res.setHeader('X-Script-Free', '1');
        }
      }
      if (!res.getHeader('content-encoding')) {
        const vary = String(res.getHeader('vary') ?? '');
        if (!/accept-encoding/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
        if (gzip && body.length > 1024) {
          body = await gzipAsync(body);
          res.setHeader('Content-Encoding', 'gzip');
        }
      }
      out(body);
    } catch (error) {
      console.error('Could not make a public page script-free; Next’s page goes out:', error);
      if (res.headersSent) return void res.destroy();
      res.removeHeader('Content-Encoding');
      res.removeHeader('X-Script-Free');
      if (nextCsp !== undefined) res.setHeader('Content-Security-Policy', nextCsp);
      out(nextBody);
    }
  };
}
