// @ts-check
// The production build in .next, rebuilt only when the sources changed since the
// last successful one. Shared by `npm start` and the tests that run the built app.
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './database-url.mjs';
import { bin, step } from './run.mjs';

/** Newest modification time under the given paths (files or folders). @param {string[]} paths */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (/** @type {string} */ p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const entry of readdirSync(p)) {
        if (entry === 'node_modules' || entry === 'generated' || entry.startsWith('.')) continue;
        visit(path.join(p, entry));
      }
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  paths.forEach((/** @type {string} */ p) => visit(path.join(ROOT, p)));
  return newest;
}

// Written after a successful build only: a failed `next build` can leave a BUILD_ID behind.
export const BUILD_MARKER = path.join(ROOT, '.next', 'build-complete');

export function buildIsStale() {
  if (!existsSync(BUILD_MARKER)) return true;
  const sources = ['app', 'components', 'lib', 'public', 'prisma/schema.prisma', 'next.config.js', 'package-lock.json', 'postcss.config.mjs', 'instrumentation.ts', 'proxy.ts'];
  return newestMtime(sources) > statSync(BUILD_MARKER).mtimeMs;
}

/** `next build` (production), then the marker. @param {NodeJS.ProcessEnv} env */
export async function buildForProduction(env) {
  rmSync(BUILD_MARKER, { force: true });
  await step('next build', bin.next, ['build'], { ...env, NODE_ENV: 'production' });
  writeFileSync(BUILD_MARKER, new Date().toISOString());
}

/**
 * Cached query results (.next/cache/fetch-cache) and rendered pages (Next's ISR entries in
 * .next/server/route-cache) that builds before `isrFlushToDisk: false` wrote to disk: read
 * from another database, so a server never starts on them. The build's own prerendered
 * pages stay. @param {string} [nextDir]
 */
export function clearRuntimeCaches(nextDir = path.join(ROOT, '.next')) {
  for (const dir of [path.join(nextDir, 'cache', 'fetch-cache'), path.join(nextDir, 'server', 'route-cache')]) {
    rmSync(dir, { recursive: true, force: true });
  }
}
