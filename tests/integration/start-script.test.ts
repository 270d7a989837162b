import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../scripts/lib/embedded-postgres.mjs';

const root = path.resolve(__dirname, '../..');

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('npm run dev on an embedded database', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('migrates, seeds, serves the bulletins, then stops the app and the database on SIGTERM', async () => {
    const port = await findFreePort();
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
    delete env.DATABASE_URL;
    child = spawn(process.execPath, ['scripts/start.mjs', '--dev', '--ephemeral', '--port', String(port)], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));

    const html = await waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        return res.ok ? res.text() : undefined;
      },
      180_000,
      'the app to answer',
    ).catch((e) => {
      throw new Error(`${e.message}\n--- output ---\n${output}`);
    });
    expect(html).toContain('Regional Update – October 2025');
    expect(html).toContain('Regional Update – June 2024');

    const dbLine = /running on 127\.0\.0\.1:(\d+), data in (.+)\./.exec(output);
    expect(dbLine, output).not.toBeNull();
    const dataDir = dbLine![2]!;
    expect(existsSync(dataDir)).toBe(true);

    child.kill('SIGTERM');
    const code = await waitForExit(child);
    expect(code).toBe(0);
    expect(output).toContain('Embedded PostgreSQL stopped.');
    // --ephemeral clusters are deleted on a clean stop.
    expect(existsSync(dataDir)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  }, 240_000);
});
