import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '../../scripts/lib/embedded-postgres.mjs';

// Stopping `npm test` (scripts/test.mjs) stops everything its steps started,
// including Playwright's web server and its database, which run outside the step's
// process group: a server left behind holds the port and fails the next run.

const root = path.resolve(__dirname, '../..');
const answers = (url: string) => fetch(url).then((r) => r.ok, () => false);

async function until(check: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('scripts/test.mjs', () => {
  it('stopped with SIGTERM while e2e runs, leaves no web server behind', async () => {
    const port = await findFreePort();
    const url = `http://127.0.0.1:${port}/robots.txt`;
    const child = spawn(process.execPath, ['scripts/test.mjs', 'e2e'], {
      cwd: root,
      env: { ...process.env, E2E_PORT: String(port), CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await until(() => answers(url), 180_000, `the e2e web server\n${output}`);
      child.kill('SIGTERM');
      expect(await exited).toBe(130);
      await until(async () => !(await answers(url)), 30_000, `the web server to stop\n${output}`);
    } finally {
      child.kill('SIGKILL');
    }
  }, 240_000);
});
