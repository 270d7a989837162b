// @ts-check
// Whether PostgreSQL answers, as scripts/server.mjs needs to know before it hands a
// request to Next (docs/decisions/028-database-outage.md). A fresh connection and
// `SELECT 1` every second: a kept connection would go on answering while new ones are
// refused (a server shutting down, connection slots used up), and it is new ones the
// app's pool needs. A failed answer from the app asks for a probe at once, so an
// outage is seen within about a second of the first request that met it.
// Slow is not down: a refused or failed connection marks PostgreSQL down at once, but a
// probe that merely takes longer than `timeoutMs` (a busy machine) does so only the
// `slowProbes`-th time in a row, since a request that waits gets its answer, where a
// 503 would turn a busy minute into an outage for every writer.
import pg from 'pg';

/**
 * @param {{ url: string, intervalMs?: number, timeoutMs?: number, slowProbes?: number, log?: (line: string) => void }} opts
 * @returns {{ readonly down: boolean, checkNow: () => void, stop: () => void, ready: Promise<void> }}
 */
export function watchDatabase({ url, intervalMs = 1_000, timeoutMs = 1_000, slowProbes = 3, log = console.error }) {
  let down = false;
  let stopped = false;
  let slowInARow = 0;
  /** @type {Promise<void> | null} */
  let probing = null;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {Date | null} */
  let downSince = null;

  /** @returns {Promise<'up' | 'failed' | 'slow'>} */
  async function answers() {
    // pg's own timeouts, longer than the probe's, only make sure the socket goes away.
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2 * timeoutMs, query_timeout: 2 * timeoutMs });
    // A connection the server ends mid-probe emits 'error' on the client; the probe's
    // own promise already reports it, and an unhandled 'error' would end the process.
    client.on('error', () => {});
    /** @type {NodeJS.Timeout | undefined} */
    let late;
    const slow = new Promise((resolve) => {
      late = setTimeout(() => resolve(/** @type {const} */ ('slow')), timeoutMs);
    });
    const attempt = client
      .connect()
      .then(() => client.query('SELECT 1'))
      .then(
        () => /** @type {const} */ ('up'),
        () => /** @type {const} */ ('failed'),
      );
    try {
      return await Promise.race([attempt, slow]);
    } finally {
      clearTimeout(late);
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
      .then((answer) => {
        slowInARow = answer === 'slow' ? slowInARow + 1 : 0;
        const ok = answer === 'up' || (answer === 'slow' && !down && slowInARow < slowProbes);
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
