// @ts-check
// Content-Security-Policy, shared by next.config.js (cached public pages) and
// proxy.ts (signed-in pages). Pages rendered per request get a nonce and
// 'strict-dynamic'; cached pages cannot carry a per-request nonce, so they allow
// inline scripts from this origin only (docs/decisions/004-csp-and-caching.md).
// Stored public pages (scripts/server.mjs's fast path, decision 025) have no inline
// script or style at all, so they get `'self'` alone for both.

/** @param {{ nonce?: string, dev?: boolean, stored?: boolean }} opts */
function buildCsp({ nonce, dev = false, stored = false }) {
  const script = stored ? "'self'"
    : nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'`
    : `'self' 'unsafe-inline'`;
  return [
    "default-src 'self'",
    `script-src ${script}${dev && !stored ? " 'unsafe-eval'" : ''}`,
    stored ? "style-src 'self'" : "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(dev ? [] : ['upgrade-insecure-requests']),
  ].join('; ');
}

module.exports = { buildCsp };
