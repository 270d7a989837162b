// @ts-check
// Load generation: autocannon's CLI in its own process (never inside the server
// under test), its JSON summary parsed here.
import path from 'node:path';
import { runOk } from './processes.mjs';

/**
 * @typedef {{ url: string, rps: number, p50: number, p99: number, p97_5: number, max: number,
 *   requests: number, non2xx: number, errors: number, timeouts: number, bytesPerResponse: number, duration: number }} LoadResult
 */

/**
 * @param {string} root  the project (where node_modules/autocannon is)
 * @param {string} url   only ever http://127.0.0.1:…
 * @param {{ connections: number, duration: number, headers?: Record<string, string> }} opts
 * @returns {Promise<LoadResult>}
 */
export async function autocannon(root, url, opts) {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`Refusing to load-test ${url}: only 127.0.0.1 is allowed.`);
  const cli = path.join(root, 'node_modules', 'autocannon', 'autocannon.js');
  const args = [cli, '-c', String(opts.connections), '-d', String(opts.duration), '-j', '-n'];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  const { stdout } = await runOk(`autocannon ${url}`, process.execPath, args, {
    timeoutMs: (opts.duration + 60) * 1000,
  });
  const json = JSON.parse(stdout.slice(stdout.indexOf('{')));
  const total = json.requests.total;
  return {
    url,
    rps: json.requests.average,
    p50: json.latency.p50,
    p97_5: json.latency.p97_5,
    p99: json.latency.p99,
    max: json.latency.max,
    requests: total,
    non2xx: json.non2xx,
    errors: json.errors,
    timeouts: json.timeouts,
    bytesPerResponse: total > 0 ? Math.round(json.throughput.total / total) : 0,
    duration: json.duration,
  };
}
