// @ts-check
// The checks scripts/server.mjs makes before a request reaches Next.js, and the
// small pages it answers with. Next.js turns several kinds of malformed request
// into a 500 (an undecodable path segment, a server action it cannot decode or
// that came from another site); these answer them with a 4xx instead, the same
// way for every route.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { buildCsp } = require('../../lib/security/csp.js');
const { securityHeaders, SERVER_ACTION_BODY_LIMIT_MB } = require('../../lib/security/headers.js');

export const ACTION_BODY_LIMIT_BYTES = SERVER_ACTION_BODY_LIMIT_MB * 1024 * 1024;

// C0 and C1 control characters and DEL. Never part of a real address of this site;
// NUL in particular reaches PostgreSQL as an "invalid byte sequence" error.
const CONTROL = /\p{Cc}/u;
// What may appear literally in a request target (RFC 3986 characters; anything else is percent-encoded).
const RAW_TARGET = /^[\x21-\x7e]*$/;

/**
 * Whether percent-escapes decode to UTF-8 (and, for a path, to no control character).
 * @param {string} text
 * @param {{ allowControl?: boolean }} [opts]
 */
function decodes(text, opts = {}) {
  try {
    const decoded = decodeURIComponent(text);
    return opts.allowControl || !CONTROL.test(decoded);
  } catch {
    // Undecodable: a stray %, an invalid or overlong UTF-8 sequence (%FF, %C0%AF), an encoded surrogate.
    return false;
  }
}

/**
 * Why a request target (req.url) is malformed, or null when it is fine: characters
 * that must be encoded, percent-escapes that do not decode to UTF-8, or control
 * characters in the decoded path or in a decoded query name or value.
 * @param {string | undefined} target
 * @returns {string | null}
 */
export function urlProblem(target) {
  if (!target) return 'empty request target';
  if (!RAW_TARGET.test(target)) return 'characters that must be percent-encoded';
  let pathAndQuery = target;
  if (!target.startsWith('/')) {
    // Absolute form (GET http://host/path), which proxies may send.
    try {
      const url = new URL(target);
      pathAndQuery = url.pathname + url.search;
    } catch {
      return target === '*' ? null : 'not a path';
    }
  }
  const q = pathAndQuery.indexOf('?');
  const path = q === -1 ? pathAndQuery : pathAndQuery.slice(0, q);
  const query = q === -1 ? '' : pathAndQuery.slice(q + 1);
  if (!decodes(path)) return 'malformed path';
  for (const part of query.split('&')) {
    if (part && !decodes(part.replace(/\+/g, ' '), { allowControl: true })) return 'malformed query';
  }
  return null;
}

/**
 * A request Next.js may treat as a server action: a POST with the action header,
 * or a multipart form post (a form submitted without JavaScript). Route handlers
 * (all under /api) check their own requests.
 * @param {import('node:http').IncomingMessage} req
 */
export function isPossibleServerAction(req) {
  if (req.method !== 'POST' || (req.url ?? '').startsWith('/api/')) return false;
  const type = req.headers['content-type'] ?? '';
  return typeof req.headers['next-action'] === 'string' || type.startsWith('multipart/form-data');
}

/**
 * Whether a server action request comes from another site: its Origin's host is
 * not the host it was sent to (the same comparison Next.js makes, which it
 * answers with a 500). No Origin at all is let through, as Next.js does: only
 * browsers send cookies, and browsers send Origin on every POST.
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
export function isCrossSite(headers) {
  const origin = headers.origin;
  if (origin === undefined) return false;
  const forwarded = headers['x-forwarded-host'];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(',')[0]?.trim()) || headers.host;
  if (!host || origin === 'null') return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * The path of this request, as a link back to it: never a protocol-relative `//host` one.
 * @param {string | undefined} url
 */
export function samePath(url) {
  const path = (url ?? '').split('?')[0] ?? '';
  return /^\/(?![/\\])/.test(path) ? path : undefined;
}

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A complete, small HTML page and its headers: the ones every page of the site carries.
 * @param {{ title: string, heading: string, text: string, back?: string }} page
 * @returns {{ headers: Record<string, string>, body: string }}
 */
export function renderPage({ title, heading, text, back }) {
  const production = process.env.NODE_ENV === 'production';
  const body = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Regional Update</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.5;color:#0b0c0c}a{color:#1d70b8}</style>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(text)}</p>
${back ? `<p><a href="${escapeHtml(back)}">Go back to the page you were on</a></p>\n` : ''}<p><a href="/">Go to the Regional Update home page</a></p>
</main>
</body>
</html>
`;
  /** @type {Record<string, string>} */
  const headers = Object.fromEntries(securityHeaders({ production }).map((/** @type {{ key: string, value: string }} */ h) => [h.key, h.value]));
  Object.assign(headers, {
    'Content-Security-Policy': buildCsp({ dev: !production }),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  return { headers, body };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {{ title: string, heading: string, text: string, back?: string }} page
 */
export function sendPage(res, status, page) {
  const { headers, body } = renderPage(page);
  res.writeHead(status, headers);
  res.end(body);
}

export const PAGES = {
  badRequest: {
    title: 'Bad request',
    heading: 'This web address is not valid',
    text: 'It contains characters that no page on this site uses. Check the address, or start again from the home page.',
  },
  badForm: {
    title: 'Bad request',
    heading: 'Your form could not be sent',
    text: 'What the browser sent could not be read, so nothing was saved. Go back, reload the page and try again.',
  },
  crossSite: {
    title: 'Forbidden',
    heading: 'This form cannot be sent from another website',
    text: 'Forms on this site only work from this site’s own pages. Nothing was saved.',
  },
  unavailable: {
    title: 'Temporarily unavailable',
    heading: 'Sorry, this part of the site is unavailable for a moment',
    text: 'The database is not answering, so this page cannot be shown and nothing you send can be saved right now. Nothing was saved. Published issues and events can still be read. Try again in a minute.',
  },
  tooLarge: {
    title: 'Too large',
    heading: 'What you sent is too large',
    text: `Nothing was saved. Images must be smaller than 5 MB, and a form can send at most ${SERVER_ACTION_BODY_LIMIT_MB} MB. Go back and choose a smaller file.`,
  },
};

/**
 * Answers a request whose body must not be read (too large), once the client has
 * finished sending it, so the browser shows the page rather than a reset
 * connection. Bodies far over the limit are cut off.
 * @param {import('node:http').IncomingMessage} req
 * @param {() => void} answer
 */
export function answerAfterBody(req, answer) {
  let seen = 0;
  req.on('data', (chunk) => {
    seen += chunk.length;
    if (seen > 4 * ACTION_BODY_LIMIT_BYTES) req.destroy();
  });
  req.on('end', answer);
  req.on('error', () => {});
}

/**
 * For a server action request: when Next.js answers with a 5xx although the
 * action never started (`started()` is false), the request was one Next.js could
 * not decode (malformed form fields, bad references, too many arguments, a body
 * over the limit); that is the client's fault, so the status becomes 400. A
 * request sent by a form without JavaScript gets the small "could not be sent"
 * page instead of Next's error text. A 5xx after the action ran is left alone:
 * that is a real server error.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {() => boolean} started
 */
export function undecodableActionIs400(req, res, started) {
  const fetchAction = typeof req.headers['next-action'] === 'string';
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  let replaced = false;
  /** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    if (status >= 500 && !started()) {
      if (!fetchAction) {
        replaced = true;
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        const { headers, body } = renderPage({ ...PAGES.badForm, back: samePath(req.url) });
        writeHead.call(res, 400, headers);
        end.call(res, body, 'utf8');
        return res;
      }
      status = 400;
      res.statusCode = 400;
    }
    return writeHead.call(this, status, ...rest);
  };
  // Once our page has replaced Next's answer, Next's own body is dropped.
  /** @type {any} */ (res).write = function (/** @type {any[]} */ ...args) {
    if (replaced) return true;
    return write.apply(this, /** @type {any} */ (args));
  };
  /** @type {any} */ (res).end = function (/** @type {any[]} */ ...args) {
    if (replaced) {
      const callback = args.find((a) => typeof a === 'function');
      if (callback) callback();
      return res;
    }
    return end.apply(this, /** @type {any} */ (args));
  };
}
