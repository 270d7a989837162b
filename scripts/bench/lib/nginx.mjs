// @ts-check
// The production profile in the benchmark (issue 12, README "Behind nginx"): Debian's
// nginx with scripts/nginx-config.mjs's config in front of scripts/server.mjs, and
// nginx alone serving the same stored files, measured the same way in the same run, so
// the ratios compare like with like.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../lib/embedded-postgres.mjs';
import { autocannon } from './load.mjs';
import { start, stop } from './processes.mjs';

export const NGINX = '/usr/sbin/nginx';

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @param {string} url @param {number} timeoutMs */
async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status < 500, () => false);
    if (ok) return true;
    await sleep(100);
  }
  return false;
}

/** @param {string} prefix @param {string} label */
function startNginx(prefix, label) {
  return start(label, NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;']);
}

/**
 * @param {{ app: string, upstreamPort: number, pagesDir: string, issuePath: string, connections: number,
 *   duration: number, tempDirs: string[], log: (m: string) => void, fastPathRps?: number }} o
 *   pagesDir: the app's PUBLIC_PAGES_DIR; fastPathRps: the app's own figure for the issue page
 * @returns {Promise<{ rows: import('./report.mjs').Scenario[], notes: string[] }>}
 */
export async function benchNginx(o) {
  const notes = [];
  if (!existsSync(NGINX)) return { rows: [], notes: [`nginx profile not measured: ${NGINX} is missing (apt-get install nginx).`] };
  const storedIssue = path.join(o.pagesDir, 'current', `${o.issuePath.slice(1)}.html`);
  // The server stores every page after it starts; on a big archive that takes a while.
  const deadline = Date.now() + 15 * 60_000;
  while (!existsSync(storedIssue) && Date.now() < deadline) await sleep(1_000);
  if (!existsSync(storedIssue)) return { rows: [], notes: [`nginx profile not measured: ${storedIssue} was never stored.`] };

  const { nginxConfig } = await import(path.join(o.app, 'scripts/nginx-config.mjs'));
  // As root, workers would run as nobody, who cannot read the temporary folders.
  const user = process.getuid?.() === 0 ? 'root' : undefined;
  const temp = (/** @type {string} */ prefix) =>
    ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${path.join(prefix, `${t}_temp`)};`).join('\n');

  // nginx alone: only the stored issue page's three files, a plain static server.
  const alone = mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-alone-'));
  o.tempDirs.push(alone);
  const file = path.join(alone, 'root', `${o.issuePath.slice(1)}.html`);
  mkdirSync(path.dirname(file), { recursive: true });
  for (const v of ['', '.gz', '.br']) copyFileSync(storedIssue + v, file + v);
  const alonePort = await findFreePort();
  writeFileSync(
    path.join(alone, 'nginx.conf'),
    `${user ? `user ${user};\n` : ''}worker_processes auto;
pid ${alone}/nginx.pid;
error_log ${alone}/error.log warn;
events { worker_connections 4096; }
http {
  types { text/html html; }
  charset utf-8;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  access_log off;
  gzip_static on;
${temp(alone)}
  server {
    listen 127.0.0.1:${alonePort};
    root ${alone}/root;
    location / { try_files $uri.html =404; }
  }
}
`,
  );

  const profile = mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-profile-'));
  o.tempDirs.push(profile);
  const profilePort = await findFreePort();
  writeFileSync(
    path.join(profile, 'nginx.conf'),
    nginxConfig({ listen: `127.0.0.1:${profilePort}`, upstream: `127.0.0.1:${o.upstreamPort}`, pages: o.pagesDir, app: o.app, prefix: profile, user }),
  );

  /** @type {import('./report.mjs').Scenario[]} */
  const rows = [];
  for (const [name, prefix, port, headers] of /** @type {const} */ ([
    ['nginx alone: the stored issue page files', alone, alonePort, undefined],
    ['Issue page through the nginx profile', profile, profilePort, undefined],
    ['Issue page through the nginx profile, Accept-Encoding: gzip', profile, profilePort, { 'accept-encoding': 'gzip' }],
  ])) {
    const nginx = startNginx(prefix, name);
    try {
      const url = `http://127.0.0.1:${port}${o.issuePath}`;
      if (!(await waitFor(url, 10_000))) {
        notes.push(`${name}: nginx did not answer:\n\n\`\`\`\n${nginx.tail.slice(-20).join('\n')}\n\`\`\``);
        continue;
      }
      const check = await fetch(url);
      if (check.status !== 200) notes.push(`${name}: ${url} answered ${check.status}.`);
      await check.arrayBuffer();
      o.log(`autocannon ${name} (${o.connections} connections, ${o.duration} s)…`);
      const result = await autocannon(o.app, url, { connections: o.connections, duration: o.duration, headers });
      o.log(`  ${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`);
      rows.push({ name, path: o.issuePath, result });
    } finally {
      await stop(nginx);
    }
  }
  const rps = (/** @type {string} */ name) => rows.find((r) => r.name === name)?.result?.rps ?? 0;
  const base = rps('nginx alone: the stored issue page files');
  if (base > 0) {
    const profileRatio = rps('Issue page through the nginx profile') / base;
    notes.push(`Issue page through the nginx profile: ${profileRatio.toFixed(2)}× nginx alone (target ≥ 0.9×).`);
    if (o.fastPathRps) notes.push(`Issue page through npm start (scripts/server.mjs): ${(o.fastPathRps / base).toFixed(2)}× nginx alone (target ≥ 0.5×).`);
  }
  return { rows, notes };
}
