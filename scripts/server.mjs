#!/usr/bin/env node
// @ts-check
// The app's HTTP server: Next.js behind a thin node:http layer that sets
// X-Forwarded-For to the socket's address, so sign-in throttling counts real
// clients. Behind a reverse proxy set TRUST_PROXY=true: the proxy then appends
// the client address and the app reads the last entry.
// It is also the edge guard (scripts/lib/edge-guard.mjs): malformed addresses,
// cross-site or oversized server action posts and undecodable action bodies get
// a 4xx here instead of a 500 from Next.js.
// In front of Next it serves the stored, script-free public pages to anonymous readers
// (scripts/lib/public-pages, decision 025); off with --dev unless PUBLIC_PAGES=on, and
// with PUBLIC_PAGES=off. The store is PUBLIC_PAGES_DIR (default .data/public-pages).
// It watches PostgreSQL and answers 503 while it is unreachable (scripts/lib/database-watch.mjs).
//   node scripts/server.mjs [--dev] [--port N]
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import next from 'next';
import {
  ACTION_BODY_LIMIT_BYTES,
  PAGES,
  answerAfterBody,
  isCrossSite,
  isPossibleServerAction,
  samePath,
  sendPage,
  undecodableActionIs400,
  urlProblem,
} from './lib/edge-guard.mjs';
import { watchDatabase } from './lib/database-watch.mjs';
import { startPublicPages } from './lib/public-pages/index.mjs';
import { createStaleCopies } from './lib/stale-copies.mjs';

// Next patches the global fetch once its route modules load; the page renderer must not
// run its loopback requests through that (it would inherit a server action's context).
const loopbackFetch = globalThis.fetch;

const { values: args } = parseArgs({ options: { dev: { type: 'boolean', default: false }, port: { type: 'string' } } });
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
const trustProxy = process.env.TRUST_PROXY === 'true';

const app = next({ dev: args.dev, port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

const publicPagesOn = process.env.PUBLIC_PAGES === 'on' || (!args.dev && process.env.PUBLIC_PAGES !== 'off');
const database = process.env.DATABASE_URL ? watchDatabase({ url: process.env.DATABASE_URL }) : null;
// Kept only with the stored pages: their regeneration is what says published content changed.
const staleCopies = publicPagesOn ? createStaleCopies({ onFailedAnswer: () => database?.checkNow() }) : null;
const publicPages = publicPagesOn
  ? await startPublicPages({
      root: process.cwd(),
      origin: `http://127.0.0.1:${port}`,
      dir: path.resolve(process.env.PUBLIC_PAGES_DIR ?? '.data/public-pages'),
      fetch: loopbackFetch,
      production: !args.dev,
      databaseUrl: process.env.DATABASE_URL,
      onChange: () => staleCopies?.clear(),
    })
  : null;

// While PostgreSQL is unreachable (docs/decisions/028-database-outage.md), stored pages
// and the last good copy of other public answers are still served; everything else
// gets a 503 page here instead of Next's 500. The health endpoints always reach Next.
const HEALTH = /^\/(?:healthz|readyz)(?:\?|$)/;
// Files Next serves from the build or public/, without the database.
const STATIC_FILE = /^\/(?:_next\/static\/|favicon\.ico|icon\.svg|apple-touch-icon\.png|enhance\.js|robots\.txt)/;

/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
function whileDatabaseDown(req, res) {
  if (staleCopies?.serve(req, res)) return;
  res.setHeader('Retry-After', '5');
  const form = req.method !== 'GET' && req.method !== 'HEAD';
  sendPage(res, 503, { ...PAGES.unavailable, back: form ? samePath(req.url) : undefined });
  req.resume();
}

/**
 * Next.js answers a malformed router-state header with a 500; browsers only send
 * well-formed ones, so a bad one is dropped and the request served as a full render.
 * @param {string | string[] | undefined} value
 */
function validRouterState(value) {
  if (typeof value !== 'string') return false;
  try {
    const tree = JSON.parse(decodeURIComponent(value));
    return Array.isArray(tree) && typeof tree[0] === 'string' && typeof tree[1] === 'object' && tree[1] !== null;
  } catch {
    return false;
  }
}

// createAction (lib/actions/action.ts) calls this when an action starts, so a 5xx
// afterwards is known to be a real server error rather than an undecodable request.
/** @type {AsyncLocalStorage<{ started: boolean }>} */
const actionRequest = new AsyncLocalStorage();
/** @type {{ __regionalUpdateActionStarted?: () => void }} */ (globalThis).__regionalUpdateActionStarted = () => {
  const store = actionRequest.getStore();
  if (store) store.started = true;
};

const server = http.createServer((req, res) => {
  if (urlProblem(req.url)) {
    // Before any handler: Next.js would answer some of these with a 500.
    sendPage(res, 400, PAGES.badRequest);
    req.resume();
    return;
  }
  if (publicPages?.serve(req, res)) return;
  const url = req.url ?? '/';
  // A server action called from a page's script is let through: its answer is the form's
  // state, with what was typed and a "nothing was saved" message (lib/actions/action.ts),
  // where a page in its place would be an error the browser cannot show in the form.
  const calledAction = typeof req.headers['next-action'] === 'string';
  if (database?.down && !calledAction && !HEALTH.test(url) && !STATIC_FILE.test(url)) return whileDatabaseDown(req, res);
  // An answer that failed may be the first sign of an outage: look now, not in a second.
  if (database) res.once('finish', () => res.statusCode >= 500 && database.checkNow());
  staleCopies?.watch(req, res);
  publicPages?.beforeNext(req, res);
  if (isPossibleServerAction(req)) {
    if (isCrossSite(req.headers)) {
      sendPage(res, 403, PAGES.crossSite);
      req.resume();
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > ACTION_BODY_LIMIT_BYTES) {
      answerAfterBody(req, () => sendPage(res, 413, { ...PAGES.tooLarge, back: samePath(req.url) }));
      return;
    }
  }
  if ('next-router-state-tree' in req.headers && !validRouterState(req.headers['next-router-state-tree'])) {
    delete req.headers['next-router-state-tree'];
  }
  const socketAddress = req.socket.remoteAddress ?? '';
  if (!trustProxy) req.headers['x-forwarded-for'] = socketAddress;
  else if (!req.headers['x-forwarded-for']) req.headers['x-forwarded-for'] = socketAddress;
  if (!isPossibleServerAction(req)) {
    void handle(req, res);
    return;
  }
  const store = { started: false };
  undecodableActionIs400(req, res, () => store.started);
  actionRequest.run(store, () => void handle(req, res));
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`✓ Ready on http://localhost:${port}`);
  void publicPages?.rebuild();
});

const stop = () => {
  database?.stop();
  void publicPages?.stop();
  server.close();
  server.closeAllConnections();
  // The job queue (started by instrumentation.ts in this process) finishes or hands
  // back its running jobs first; a job cut short is retried after a restart anyway.
  const stopJobs = /** @type {{ __regionalUpdateStopJobs?: () => Promise<void> }} */ (globalThis).__regionalUpdateStopJobs;
  Promise.resolve(typeof stopJobs === 'function' ? stopJobs() : undefined)
    .catch(() => {})
    .finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
