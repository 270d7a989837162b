// @ts-check
// Whether PostgreSQL answers, as scripts/server.mjs needs to know before it hands a
// request to Next (docs/decisions/028-database-outage.md). A fresh connection and
// `SELECT 1` every second: a kept connection would go on answering while new ones are
// refused (a server shutting down, connection slots used up), and it is new ones the
// app's pool needs. A failed answer from the app asks for a probe at once, so an
// outage is seen within about a second of the first request that met it.
import pg from 'pg';

/**
 * @param {{ url: string, intervalMs?: number, timeoutMs?: number, log?: (line: string) => void }} opts
 * @returns {{ readonly down: boolean, checkNow: () => void, stop: () => void, ready: Promise<void> }}
 */
export function watchDatabase({ url, intervalMs = 1_000, timeoutMs = 1_000, log = console.error }) {
  let down = false;
  let stopped = false;
  /** @type {Promise<void> | null} */
  let probing = null;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {Date | null} */
  let downSince = null;

  async function answers() {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
    // A connection the server ends mid-probe emits 'error' on the client; the probe's
    // own promise already reports it, and an unhandled 'error' would end the process.
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      client.end().catch(() => {});
    }
  }

  function schedule() {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void probe(), intervalMs);
    timer.unref();
  }

  function probe() {
    probing ??= answers()
      .then((ok) => {
        if (!ok && !down) {
          downSince = new Date();
          log('✖ PostgreSQL does not answer: signed-in pages and forms answer 503 until it does; stored pages are still served.');
        }
        if (ok && down) log(`✓ PostgreSQL answers again (it was unreachable for ${Math.round((Date.now() - Number(downSince)) / 1000)} s).`);
        down = !ok;
      })
      .finally(() => {
        probing = null;
        schedule();
      });
    return probing;
  }

  const ready = probe();
  return {
    get down() {
      return down;
    },
    checkNow: () => void probe(),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
    ready,
  };
}
