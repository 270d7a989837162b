import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../scripts/lib/embedded-postgres.mjs';
import { nginxConfig } from '../../scripts/nginx-config.mjs';

// Debian's nginx with scripts/nginx-config.mjs's config, unprivileged in a folder of its
// own, for the tests of the production profile and of several instances behind it.

export const NGINX = '/usr/sbin/nginx';

export type Nginx = { url: string; stop: () => Promise<void> };

/** `upstream`: the app instances (host:port, comma-separated); `pages`: a store nginx serves itself. */
export async function startNginx(opts: { upstream: string; pages?: string }): Promise<Nginx> {
  // .ci/run installs Debian's nginx on a fresh machine; say so rather than fail on a spawn error.
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install -y nginx (README, "Behind nginx").`);
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'ru-nginx-'));
  const port = String(await findFreePort());
  const config = nginxConfig({
    ...opts,
    listen: `127.0.0.1:${port}`,
    app: path.resolve(__dirname, '../..'),
    prefix,
    // As root, workers would run as nobody, who cannot read the test's private folders.
    user: process.getuid?.() === 0 ? 'root' : undefined,
  });
  writeFileSync(path.join(prefix, 'nginx.conf'), config);
  const nginx = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  nginx.stdout!.on('data', (d) => (log += d));
  nginx.stderr!.on('data', (d) => (log += d));
  nginx.on('error', (e) => (log += String(e)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (nginx.exitCode === null && nginx.signalCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT');
      await exited;
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await fetch(`${url}/robots.txt`).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline || nginx.exitCode !== null) {
      await stop();
      throw new Error(`nginx did not start.\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop };
}
