import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.mjs';

function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ru-embedded-test-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on a free port, keeps its data across restarts and stops cleanly', async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    expect(await portAcceptsConnections(first.port)).toBe(true);
    await first.ensureDatabase('persisted');
    await first.ensureDatabase('persisted'); // idempotent
    await query(first.url('persisted'), 'CREATE TABLE kept (v text); INSERT INTO kept VALUES (\'still here\')');
    await first.stop();
    expect(await portAcceptsConnections(first.port)).toBe(false);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second.url('persisted'), 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
      const [{ version }] = await query(second.url(), 'SELECT version()');
      expect(version).toMatch(/^PostgreSQL \d+/);
    } finally {
      await second.stop();
    }
  });

  it('deletes a non-persistent cluster on stop', async () => {
    // A folder the server (running as `postgres` when we are root) can reach.
    const dir = path.join(os.tmpdir(), `ru-embedded-test-${process.pid}-${Date.now()}`);
    const cluster = await startEmbeddedPostgres({ dataDir: dir, persistent: false, fast: true });
    expect(existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
    await cluster.stop();
    expect(existsSync(dir)).toBe(false);
  });
});
