// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Prisma's generated client and the pg driver stay external to the server bundle.
  // @touch4it/ical-timezones reads its zone files from disk, so it must not be bundled.
  serverExternalPackages: ['@prisma/adapter-pg', 'pg', '@node-rs/argon2', '@touch4it/ical-timezones'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
