// @ts-check
// Security headers on every response. Shared by next.config.js (Next's own
// responses) and scripts/lib/edge-guard.mjs (the answers the edge gives before
// Next runs), so both send the same set.

/** @param {{ production: boolean }} opts */
function securityHeaders({ production }) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
  ];
}

/**
 * The most a server action request body may be. Uploads are refused above 5 MB
 * (lib/media/limits.ts) with a message in the form; the body limit is well above
 * that so a larger photo still reaches the form's check instead of being cut off.
 * The edge answers 413 above this.
 */
const SERVER_ACTION_BODY_LIMIT_MB = 16;

module.exports = { securityHeaders, SERVER_ACTION_BODY_LIMIT_MB };
