#!/usr/bin/env node
// @ts-check
// The app's HTTP server: Next.js behind a thin node:http layer that sets
// X-Forwarded-For to the socket's address, so sign-in throttling counts real
// clients. Behind a reverse proxy set TRUST_PROXY=true: the proxy then appends
// the client address and the app reads the last entry.
//   node scripts/server.mjs [--dev] [--port N]
import http from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';

const { values: args } = parseArgs({ options: { dev: { type: 'boolean', default: false }, port: { type: 'string' } } });
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
const trustProxy = process.env.TRUST_PROXY === 'true';

const app = next({ dev: args.dev, port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

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

const server = http.createServer((req, res) => {
  if ('next-router-state-tree' in req.headers && !validRouterState(req.headers['next-router-state-tree'])) {
    delete req.headers['next-router-state-tree'];
  }
  const socketAddress = req.socket.remoteAddress ?? '';
  if (!trustProxy) req.headers['x-forwarded-for'] = socketAddress;
  else if (!req.headers['x-forwarded-for']) req.headers['x-forwarded-for'] = socketAddress;
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`✓ Ready on http://localhost:${port}`));

const stop = () => {
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
