#!/usr/bin/env node
// @ts-check
// Writes an nginx config for the production profile (README, "Behind nginx";
// docs/decisions/025-static-public-pages.md). nginx answers anonymous GET/HEAD requests
// for stored public pages straight from the store's `current` generation (try_files,
// precompressed .gz with gzip_static, .br with brotli_static when Debian's
// libnginx-mod-http-brotli-static is installed), with the headers scripts/server.mjs's
// fast path sends. Everything else, and any page not stored, goes to `npm start`, which
// must run with TRUST_PROXY=true so sign-in throttling sees the client's address.
//   node scripts/nginx-config.mjs [--listen 8080] [--upstream 127.0.0.1:3000]
//     [--pages .data/public-pages] [--app .] [--prefix DIR] [--user NAME] [--out FILE]
// With several instances (--upstream a:3000,b:3000) nginx balances them and, unless
// --pages is given, serves no stored page itself: each instance has its own store.
//   nginx -p <prefix> -c <out>        (the config is a whole nginx.conf)
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { buildCsp } = require('../lib/security/csp.js');
const { securityHeaders } = require('../lib/security/headers.js');

/** Debian's dynamic module for precompressed brotli files. */
export const BROTLI_STATIC_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

// The fast path's rules (scripts/lib/public-pages/fast-path.mjs), in nginx terms: the
// stored paths (store.mjs PUBLIC_PAGE), no query string, no session cookie, none of
// Next's own request headers.
const PUBLIC_PAGE = '^/(?:issues(?:/[a-z0-9-]{1,200})?|events(?:/past|/[a-z0-9-]{1,200})?)$';
const SESSION_COOKIE = '"~(^|;\\s*)(__Secure-)?next-auth\\.session-token(\\.\\d+)?="';
const NEXT_ONLY = '$http_rsc$http_next_router_state_tree$http_next_router_prefetch$http_next_router_segment_prefetch$http_x_prerender_revalidate';

/** @param {string} value */
const quote = (value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** How a request reaches the app: keep-alive to the upstream, with the client's address and scheme. */
const PROXY_TO_APP = `      proxy_pass http://ru_app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;`;

/**
 * @param {{ listen?: string, upstream?: string, pages?: string, app: string, prefix?: string, user?: string,
 *   brotli?: boolean, production?: boolean }} opts
 *   upstream: one app instance, or several separated by commas (balanced, a failed one skipped);
 *   pages: the store folder (PUBLIC_PAGES_DIR) when nginx runs beside the one instance; without
 *   it every page view goes to the instances, each answering from its own store;
 *   app: the app folder (its .next/static is served too)
 */
export function nginxConfig({ listen = '8080', upstream = '127.0.0.1:3000', pages, app, prefix, user, brotli = existsSync(BROTLI_STATIC_MODULE), production = true }) {
  const headers = [
    ...securityHeaders({ production }).map((/** @type {{ key: string, value: string }} */ h) => [h.key, h.value]),
    ['Content-Security-Policy', buildCsp({ stored: true, dev: !production })],
  ];
  const addHeaders = (/** @type {string} */ indent) => headers.map(([k, v]) => `${indent}add_header ${k} ${quote(String(v))} always;`).join('\n');
  const temp = prefix ? ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${path.join(prefix, `${t}_temp`)};`).join('\n') : '';
  const storedLocation = (/** @type {string} */ root, /** @type {string} */ match, /** @type {string} */ file) => `
    location ${match} {
      # Anything but a reader's plain page view goes to the app (418 is only a jump).
      error_page 418 = @app;
      if ($ru_stored = 0) { return 418; }
      root ${path.join(root, 'current')};
      try_files ${file} @app;
      add_header Cache-Control "public, max-age=0, must-revalidate" always;
      add_header X-Public-Page $ru_generation always;
${addHeaders('      ')}
    }`;
  return `# Written by scripts/nginx-config.mjs; regenerate rather than edit.
${brotli ? `load_module ${BROTLI_STATIC_MODULE};\n` : ''}${user ? `user ${user};\n` : ''}worker_processes auto;
${prefix ? `pid ${path.join(prefix, 'nginx.pid')};\nerror_log ${path.join(prefix, 'error.log')} warn;\n` : ''}
events {
  worker_connections 4096;
}

http {
  types {
    text/html html;
    text/css css;
    application/javascript js;
    application/json json;
    image/svg+xml svg;
    image/png png;
    image/webp webp;
    font/woff2 woff2;
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css application/javascript application/json image/svg+xml;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65s;
  keepalive_requests 100000;
  server_tokens off;
  access_log ${prefix ? 'off' : '/var/log/nginx/regional-update.access.log'};
${temp}

  # Stored pages come precompressed; the app compresses its own answers.
  gzip_static on;
${brotli ? '  brotli_static on;\n' : ''}  gzip_vary on;
  gzip on;
  gzip_proxied any;
  gzip_types text/css application/javascript application/json image/svg+xml application/atom+xml text/calendar;

  map $http_cookie $ru_session {
    default 0;
    ${SESSION_COOKIE} 1;
  }
  map "$request_method:$is_args:$ru_session:${NEXT_ONLY}" $ru_stored {
    default 0;
    "GET::0:" 1;
    "HEAD::0:" 1;
  }
  # The generation that answered, as X-Public-Page says on the app's fast path.
  map $realpath_root $ru_generation {
    default "";
    "~/(?<generation>gen-[^/]+)$" $generation;
  }

  upstream ru_app {
${upstream
  .split(',')
  .map((server) => server.trim())
  .filter(Boolean)
  // A refused or timed-out connection tries the next instance (proxy_next_upstream's
  // default: error, timeout), and a failed instance is left alone for 5 s.
  .map((server) => `    server ${server} max_fails=1 fail_timeout=5s;`)
  .join('\n')}
    keepalive 64;
  }

  server {
    listen ${listen};
    client_max_body_size 20m;
${pages ? `${storedLocation(pages, '= /', '/index.html')}\n${storedLocation(pages, `~ ${quote(PUBLIC_PAGE)}`, '$uri.html')}\n` : ''}
    # Next's hashed build files never change under one name.
    location /_next/static/ {
      alias ${path.join(app, '.next', 'static')}/;
      add_header Cache-Control "public, max-age=31536000, immutable" always;
      add_header X-Content-Type-Options nosniff always;
      try_files $uri @app;
    }

    location @app {
${PROXY_TO_APP}
    }

    location / {
${PROXY_TO_APP}
    }
  }
}
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      listen: { type: 'string' },
      upstream: { type: 'string' },
      pages: { type: 'string' },
      app: { type: 'string', default: '.' },
      prefix: { type: 'string' },
      user: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const config = nginxConfig({
    listen: values.listen,
    upstream: values.upstream,
    pages: values.pages || !values.upstream?.includes(',') ? path.resolve(values.pages ?? process.env.PUBLIC_PAGES_DIR ?? '.data/public-pages') : undefined,
    app: path.resolve(values.app),
    prefix: values.prefix ? path.resolve(values.prefix) : undefined,
    user: values.user,
  });
  if (values.out) writeFileSync(values.out, config);
  else process.stdout.write(config);
}
