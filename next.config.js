// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { buildCsp } = require('./lib/security/csp.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { securityHeaders: headersFor, SERVER_ACTION_BODY_LIMIT_MB } = require('./lib/security/headers.js');

const production = process.env.NODE_ENV === 'production';

/** Headers on every response; proxy.ts replaces the CSP on signed-in pages with a nonce-based one. */
const securityHeaders = headersFor({ production });

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm test` runs tsc over the whole tree next to the build (scripts/test.mjs), so
  // its build skips Next's own run of the same check. Every other build still makes it.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === '1' },
  reactStrictMode: true,
  // @touch4it/ical-timezones reads its zone files from disk, so it must not be bundled;
  // mjml loads its components and their CSS tools (juice, cssnano) at run time.
  serverExternalPackages: ['@prisma/adapter-pg', 'pg', '@node-rs/argon2', '@touch4it/ical-timezones', 'sharp', 'mjml'],
  // Image uploads go through a server action. Files over 5 MB are refused by the
  // form's own check; the body limit is higher so that check, not a cut-off, answers
  // (scripts/lib/edge-guard.mjs answers 413 above it).
  experimental: {
    serverActions: { bodySizeLimit: `${SERVER_ACTION_BODY_LIMIT_MB}mb` },
    // Rendered pages and cached query results stay in the server's memory, never in
    // .next: a file there outlives the process and the database it was read from
    // (a restore, a reseed), and is read by every server started on the same build
    // (docs/decisions/004-csp-and-caching.md).
    isrFlushToDisk: false,
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      {
        // Public pages: cached, so no per-request nonce (see lib/security/csp.js).
        source: '/((?!admin|sign-in|media/).*)',
        headers: [{ key: 'Content-Security-Policy', value: buildCsp({ dev: !production }) }],
      },
      { source: '/admin/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
      {
        // Asked for on every page view; a day's caching saves a request each time.
        source: '/:icon(favicon\\.ico|icon\\.svg|apple-touch-icon\\.png)',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=86400' }],
      },
    ];
  },
};

module.exports = nextConfig;
