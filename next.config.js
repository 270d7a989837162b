// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { buildCsp } = require('./lib/security/csp.js');

const production = process.env.NODE_ENV === 'production';

/** Headers on every response; proxy.ts replaces the CSP on signed-in pages with a nonce-based one. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // @touch4it/ical-timezones reads its zone files from disk, so it must not be bundled.
  serverExternalPackages: ['@prisma/adapter-pg', 'pg', '@node-rs/argon2', '@touch4it/ical-timezones', 'sharp'],
  // Image uploads go through a server action: 5 MB files plus form overhead.
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      {
        // Public pages: cached, so no per-request nonce (see lib/security/csp.js).
        source: '/((?!admin|sign-in|media/).*)',
        headers: [{ key: 'Content-Security-Policy', value: buildCsp({ dev: !production }) }],
      },
      { source: '/admin/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ];
  },
};

module.exports = nextConfig;
