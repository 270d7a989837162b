import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { buildForProduction, buildIsStale } from '../../scripts/lib/build.mjs';
import { findFreePort } from '../../scripts/lib/embedded-postgres.mjs';

// The real app as `npm start` runs it (scripts/server.mjs over the production build
// in .next) on a test database, for tests that need the whole HTTP stack. The
// build is reused when the sources have not changed since the last one, as
// `npm start` does; otherwise it is rebuilt here (minutes on a small machine).
// Seed the database first (seedLikeNpmStart): a build made here prerenders the
// public pages from it, and later runs, the e2e suite's among them, reuse it.

const root = path.resolve(__dirname, '../..');

export type ProductionApp = {
  url: string;
  /** Where this app stores its public pages (scripts/lib/public-pages). */
  publicPagesDir: string;
  secret: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  /** A session cookie for a user, minted like next-auth's own (uid and session version). */
  sessionCookie: (user: { id: string; email: string; name: string; sessionVersion?: number }) => Promise<string>;
  /** Ends the process at once (SIGKILL), as a crash would; stop() still cleans up. */
  kill: () => void;
  stop: () => Promise<void>;
};

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}\n${output}`))));
  });
}

/** The database as `npm start` leaves it on a first run: the real bulletins and the demo content. */
export async function seedLikeNpmStart(databaseUrl: string): Promise<void> {
  await run(path.join(root, 'node_modules/tsx/dist/cli.mjs'), ['prisma/seed.ts'], { ...process.env, DATABASE_URL: databaseUrl });
}

/** `secret`: instances of one deployment share it, so a session is valid on each. */
export async function startProductionApp(databaseUrl: string, opts: { secret?: string } = {}): Promise<ProductionApp> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const secret = opts.secret ?? randomBytes(32).toString('base64url');
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'ru-production-app-media-'));
  // Each app its own stored public pages: they are rendered from its own database.
  const publicPagesDir = mkdtempSync(path.join(os.tmpdir(), 'ru-production-app-pages-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    SITE_URL: url,
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: secret,
    MEDIA_DIR: mediaDir,
    PUBLIC_PAGES_DIR: publicPagesDir,
    JOBS_DISABLED: 'true',
  };
  if (buildIsStale()) await buildForProduction(env);

  const child: ChildProcess = spawn(process.execPath, ['scripts/server.mjs', '--port', String(port)], {
    cwd: root,
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${url}/robots.txt`).then((r) => r.ok, () => false);
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The app did not start.\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    publicPagesDir,
    secret,
    output: () => output,
    sessionCookie: async (user) => {
      const token = await encode({
        secret,
        token: { name: user.name, email: user.email, sub: user.id, uid: user.id, sv: user.sessionVersion ?? 0 },
      });
      return `next-auth.session-token=${token}`;
    },
    kill: () => void child.kill('SIGKILL'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(mediaDir, { recursive: true, force: true });
      rmSync(publicPagesDir, { recursive: true, force: true });
    },
  };
}
