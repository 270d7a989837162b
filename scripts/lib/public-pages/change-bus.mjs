// @ts-check
// Every instance keeps its own stored pages (docs/decisions/030-instances-see-every-change.md):
// a change made through one instance is announced on a PostgreSQL channel (NOTIFY), and
// every other instance, LISTENing on its own connection, re-renders the same pages.
// No new service: the database every instance already shares carries the news.
// A notification sent while an instance was not listening is lost, so an instance that
// (re)connects after having been connected before rebuilds everything (`onMissed`).
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const CHANNEL = 'regional_update_public_pages';
/** PostgreSQL refuses payloads of 8000 bytes or more; a longer change asks for a full rebuild. */
const MAX_PAYLOAD_BYTES = 7_900;
const RECONNECT_MS = 1_000;

/**
 * @typedef {{ paths: string[], changed: string[] } | { full: true }} Change
 * @param {{
 *   url: string,
 *   onChange: (change: Change) => void,
 *   onMissed: () => void,
 *   log?: (line: string, error?: unknown) => void,
 * }} opts
 */
export function startChangeBus({ url, onChange, onMissed, log = console.error }) {
  const instance = randomUUID();
  /** @type {pg.Client | null} */
  let client = null;
  let stopped = false;
  let wasConnected = false;
  /** @type {NodeJS.Timeout | undefined} */
  let retry;

  const schedule = () => {
    if (stopped) return;
    clearTimeout(retry);
    retry = setTimeout(() => void connect(), RECONNECT_MS);
    retry.unref();
  };

  /** @param {pg.Notification} message */
  const received = (message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    /** @type {{ from?: string, full?: boolean, paths?: unknown, changed?: unknown }} */
    let change;
    try {
      change = JSON.parse(message.payload);
    } catch {
      return;
    }
    if (change.from === instance) return;
    const list = (/** @type {unknown} */ v) => (Array.isArray(v) ? v.filter((p) => typeof p === 'string') : []);
    onChange(change.full ? { full: true } : { paths: list(change.paths), changed: list(change.changed) });
  };

  async function connect() {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000, keepAlive: true });
    // A lost connection emits 'error' and then 'end'; 'end' reconnects.
    c.on('error', () => {});
    c.on('notification', received);
    c.on('end', () => {
      if (client !== c) return;
      client = null;
      schedule();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch {
      c.end().catch(() => {});
      schedule();
      return;
    }
    if (stopped) return void c.end().catch(() => {});
    client = c;
    if (wasConnected) {
      log('✓ Listening for changes from other instances again; rebuilding the stored pages in case one was missed.');
      onMissed();
    }
    wasConnected = true;
  }

  const ready = connect();

  return {
    ready,
    /**
     * Tells the other instances which pages to re-render. Never throws: an instance
     * that misses it rebuilds everything once it listens again.
     * @param {string[]} paths @param {string[]} changed
     */
    async publish(paths, changed) {
      let payload = JSON.stringify({ from: instance, paths, changed });
      if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) payload = JSON.stringify({ from: instance, full: true });
      const c = client ?? new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
      const own = c !== client;
      if (own) c.on('error', () => {});
      try {
        if (own) await c.connect();
        await c.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
      } catch (error) {
        log('Could not tell the other instances about a change (each rebuilds when it reconnects):', error);
      } finally {
        if (own) c.end().catch(() => {});
      }
    },
    stop() {
      stopped = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      return c ? c.end().catch(() => {}) : Promise.resolve();
    },
  };
}
