// @ts-check
// Content-Security-Policy, shared by next.config.js (cached public pages) and
// proxy.ts (signed-in pages). Pages rendered per request get a nonce and
// 'strict-dynamic'; cached pages cannot carry a per-request nonce, so they allow
// inline scripts from this origin only (docs/decisions/004-csp-and-caching.md).

/** @param {{ nonce?: string, dev?: boolean }} opts */
function buildCsp({ nonce, dev = false }) {
  const script = nonce
    ? `'self' 'nonce-${nonce}' 'strict-dynamic'`
    : `'self' 'unsafe-inline'`;
  return [
    "default-src 'self'",
    `script-src ${script}${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
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
