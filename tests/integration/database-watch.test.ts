import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchDatabase } from '../../scripts/lib/database-watch.mjs';
import { createTestDatabase, type TestDatabase } from '../support/db';

// scripts/server.mjs answers 503 while watchDatabase says PostgreSQL is down
// (decision 028). A refused connection is an outage at once; a slow answer is a busy
// machine and must not turn every writer away, unless it goes on.

let testDb: TestDatabase;
const servers: net.Server[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  for (const s of servers) s.close();
  await testDb?.drop();
});

/** A TCP server on a free loopback port; its URL with the test database's credentials. */
async function listen(onConnection: (socket: net.Socket, n: number) => void) {
  let n = 0;
  const server = net.createServer((socket) => onConnection(socket, ++n));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = new URL(testDb.url);
  url.host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return { url: url.toString(), connections: () => n };
}

/** In front of the real PostgreSQL: the first `slow` connections wait `delayMs` before they are passed on. */
function delayingProxy(slow: number, delayMs: number) {
  const target = new URL(testDb.url);
  return listen((socket, n) => {
    socket.pause();
    setTimeout(
      () => {
        const upstream = net.connect(Number(target.port), target.hostname, () => {
          socket.pipe(upstream).pipe(socket);
          socket.resume();
        });
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
        socket.on('close', () => upstream.destroy());
      },
      n <= slow ? delayMs : 0,
    );
  });
}

const quiet = () => {};

describe('watching PostgreSQL', () => {
  it('is up when PostgreSQL answers', async () => {
    const watch = watchDatabase({ url: testDb.url, intervalMs: 50, log: quiet });
    try {
      await watch.ready;
      expect(watch.down).toBe(false);
    } finally {
      watch.stop();
    }
  });

  it('marks a refused connection down at the first probe', async () => {
    const { url } = await listen((socket) => socket.destroy());
    const watch = watchDatabase({ url, intervalMs: 50, timeoutMs: 5_000, log: quiet });
    try {
      await watch.ready;
      expect(watch.down).toBe(true);
    } finally {
      watch.stop();
    }
  });

  it('stays up through probes slower than their timeout, fewer than three in a row', async () => {
    const proxy = await delayingProxy(2, 1_500);
    const lines: string[] = [];
    const watch = watchDatabase({ url: proxy.url, intervalMs: 20, timeoutMs: 1_000, log: (l) => lines.push(l) });
    try {
      const seen: boolean[] = [];
      // Until a probe has got through the proxy after the two slow ones.
      while (proxy.connections() < 4) {
        seen.push(watch.down);
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setTimeout(r, 300));
      seen.push(watch.down);
      expect(seen.filter(Boolean)).toEqual([]);
      expect(lines).toEqual([]);
    } finally {
      watch.stop();
    }
  });

  it('marks a server that never answers down on the third slow probe, not before', async () => {
    const hanging: net.Socket[] = [];
    const server = await listen((socket) => void hanging.push(socket));
    const watch = watchDatabase({ url: server.url, intervalMs: 20, timeoutMs: 150, log: quiet });
    try {
      await watch.ready;
      expect(watch.down).toBe(false);
      while (!watch.down) {
        expect(server.connections()).toBeLessThanOrEqual(3);
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(server.connections()).toBe(3);
    } finally {
      watch.stop();
      for (const s of hanging) s.destroy();
    }
  });
});
