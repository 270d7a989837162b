// @ts-check
// Stored public pages in scripts/server.mjs (docs/decisions/025-static-public-pages.md):
// the store, the renderer that fills it through Next, and the sirv fast path in front
// of Next. Next's side hands over changed pages through
// globalThis.__regionalUpdateRegeneratePages (lib/public-pages/schedule.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startChangeBus } from './change-bus.mjs';
import { createFastPath } from './fast-path.mjs';
import { createRegenerator } from './renderer.mjs';
import { scriptFreeCandidate, scriptFreeNextPage } from './script-free-next.mjs';
import { openStore } from './store.mjs';

const require = createRequire(import.meta.url);
const { buildCsp } = require('../../../lib/security/csp.js');
const { securityHeaders } = require('../../../lib/security/headers.js');

/** Old generations are deleted this long after a switch, so answers in flight finish. */
const PRUNE_AFTER_MS = 120_000;

/**
 * @param {{
 *   root: string, origin: string, dir: string, fetch: typeof globalThis.fetch, production: boolean,
 *   databaseUrl?: string, onChange?: () => void,
 * }} opts
 *   root: the app folder (with .next); origin: this server over loopback; dir: the store;
 *   fetch: the global fetch from before Next patched it; databaseUrl: where other instances
 *   announce their changes (change-bus.mjs); onChange: published content changed, here or elsewhere
 */
export async function startPublicPages({ root, origin, dir, fetch, production, databaseUrl, onChange = () => {} }) {
  const buildId = readFileSync(path.join(root, '.next', 'BUILD_ID'), 'utf8').trim();
  const { previewModeId } = JSON.parse(readFileSync(path.join(root, '.next', 'prerender-manifest.json'), 'utf8')).preview;
  const store = await openStore(dir);
  const storedCsp = buildCsp({ stored: true, dev: !production });
  const fastPath = createFastPath({
    headers: Object.fromEntries([
      ...securityHeaders({ production }).map((/** @type {{ key: string, value: string }} */ h) => [h.key, h.value]),
      ['Content-Security-Policy', storedCsp],
    ]),
  });
  const regenerator = createRegenerator({
    origin,
    previewModeId,
    buildId,
    store,
    fetch,
    onSwap: (genDir) => {
      fastPath.swap(genDir);
      setTimeout(() => void store.prune(PRUNE_AFTER_MS).catch((e) => console.error('Could not prune old public pages:', e)), PRUNE_AFTER_MS + 5_000).unref();
    },
  });
  const rebuild = () =>
    regenerator.full().then(
      () => console.log(`✓ Public pages stored (${Object.keys(store.current()?.manifest.pages ?? {}).length})`),
      (error) => console.error('Could not store the public pages; Next serves them:', error),
    );
  const bus = databaseUrl
    ? startChangeBus({
        url: databaseUrl,
        onChange: (change) => {
          onChange();
          if ('full' in change) void rebuild();
          else void regenerator.request(change.paths, { changed: change.changed });
        },
        onMissed: () => {
          onChange();
          void rebuild();
        },
      })
    : null;
  /** @type {{ __regionalUpdateRegeneratePages?: (paths: string[], opts?: { changed?: string[] }) => Promise<unknown> }} */ (
    globalThis
  ).__regionalUpdateRegeneratePages = (paths, opts) => {
    onChange();
    void bus?.publish(paths, opts?.changed ?? paths);
    return regenerator.request(paths, opts);
  };

  return {
    /**
     * Answers from the store when the page is stored (no database needed).
     * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
     */
    serve: (req, res) => fastPath.handle(req, res),
    /**
     * For a request Next is about to answer: a public page that is not stored (a query
     * string) is made script-free on the way out.
     * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
     */
    beforeNext: (req, res) => {
      if (scriptFreeCandidate(req)) scriptFreeNextPage(req, res, storedCsp);
    },
    /**
     * Once the server listens: every public page afresh. The previous generation is not
     * served meanwhile (the database may have changed while the server was down); Next
     * answers until the rebuild has committed.
     */
    rebuild,
    stop: () => bus?.stop(),
  };
}
