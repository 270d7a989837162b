#!/usr/bin/env node
// @ts-check
// `npm run bench`: the public site's performance on a realistic archive.
//
//  1. Copies the project's files (tracked and new, as they are now) to a temporary
//     folder, so the build under test is a consistent snapshot and .next/ and .data/
//     of the working tree are never touched.
//  2. Starts a throwaway embedded PostgreSQL, applies the migrations and seeds a
//     synthetic archive (10 years × 12 issues × 20 sections, 3,000 events).
//  3. `next build` and `next start` against it; warms each URL.
//  4. autocannon (its own process) at 64 connections against /, an issue page, /events
//     and /search; the same issue page's bytes from a bare node:http server as a baseline;
//     with BENCH_SERVER=app also the nginx profile (scripts/nginx-config.mjs in front of
//     the app) and nginx alone on the same stored files (lib/nginx.mjs).
//  5. 4 editors saving sections through the real server action at once (p95 round trip).
//  6. The search SQL alone over 200 queries, the issue page's JavaScript, peak RSS.
//  7. Prints a table and rewrites the generated part of docs/PERFORMANCE.md.
// Every child process, the database and the temporary folders go away on exit,
// Ctrl-C or error. Only 127.0.0.1 is ever contacted.
//
// Environment: BENCH_DURATION (seconds per URL, default 10), BENCH_CONNECTIONS (64),
// BENCH_TIMEOUT (whole run, seconds, default 2700), BENCH_WRITE_DOCS=0 to leave the doc alone,
// BENCH_EDITOR_SAVES (saves per editor, default 100), BENCH_VERBOSE=1 to echo the build and server output, BENCH_SERVER=app to serve with the
// project's scripts/server.mjs instead of `next start`.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { findFreePort, startEmbeddedPostgres } from '../lib/embedded-postgres.mjs';
import { benchEditorSave } from './lib/editor-save.mjs';
import { autocannon } from './lib/load.mjs';
import { benchNginx } from './lib/nginx.mjs';
import { cpuMs, run, runOk, signalAllSync, start, stop, stopAll, watchMemory } from './lib/processes.mjs';
import { dist, machineInfo, markdown, printTable, writeDoc } from './lib/report.mjs';
import { seedArchive } from './lib/seed.mjs';
import { createRandom, QUERY_PHRASES, QUERY_WORDS } from './lib/text.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DURATION = positiveInt(process.env.BENCH_DURATION, 10);
const CONNECTIONS = positiveInt(process.env.BENCH_CONNECTIONS, 64);
const TIMEOUT_S = positiveInt(process.env.BENCH_TIMEOUT, 2700);
const VERBOSE = process.env.BENCH_VERBOSE === '1';
const SERVER = process.env.BENCH_SERVER === 'app' ? 'app' : 'next';
const SEARCH_QUERIES = 200;
const EDITORS = 4;
const EDITOR_SAVES = positiveInt(process.env.BENCH_EDITOR_SAVES, 100);

/** @param {string | undefined} v @param {number} fallback */
function positiveInt(v, fallback) {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const t0 = Date.now();
const log = (/** @type {string} */ m) => console.log(`▸ [${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${m}`);

// ── cleanup ──────────────────────────────────────────────────────────────────
/** @type {string[]} */
const tempDirs = [];
/** @type {Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined} */
let database;
/** @type {Promise<void> | undefined} */
let cleaning;
let interrupted = false;

function cleanup() {
  cleaning ??= (async () => {
    await stopAll();
    if (database) {
      const db = database;
      database = undefined;
      await Promise.race([db.stop().catch(() => {}), new Promise((r) => setTimeout(r, 15_000).unref())]);
    }
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  })();
  return cleaning;
}

// Last resort, synchronous: whatever exits the process (including embedded-postgres's own
// signal hook, which stops the cluster and calls process.exit) leaves no child and no folder behind.
process.on('exit', () => {
  signalAllSync('SIGKILL');
  for (const dir of tempDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  }
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    interrupted = true;
    console.error(`\n✖ ${signal}: stopping the benchmark and cleaning up…`);
    signalAllSync('SIGTERM');
    void cleanup().finally(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  console.error(`\n✖ The benchmark took longer than ${TIMEOUT_S} s (BENCH_TIMEOUT); stopping.`);
  void cleanup().finally(() => process.exit(1));
}, TIMEOUT_S * 1000);
watchdog.unref();

// ── helpers ──────────────────────────────────────────────────────────────────
/** @param {string} prefix */
function tempDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Copies the project's tracked and untracked-but-not-ignored files, and node_modules. @param {string} dest */
function snapshotProject(dest) {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, maxBuffer: 64 << 20 })
    .toString()
    .split('\0')
    .filter((f) => f && !f.startsWith('node_modules/'));
  let copied = 0;
  for (const file of files) {
    const src = path.join(ROOT, file);
    if (!existsSync(src) || !lstatSync(src).isFile()) continue; // deleted in the working tree, or a folder/link
    const dst = path.join(dest, file);
    mkdirSync(path.dirname(dst), { recursive: true });
    copyFileSync(src, dst);
    copied += 1;
  }
  // A real copy, not links: nothing the build does can reach the working tree's node_modules.
  try {
    execFileSync('cp', ['-a', path.join(ROOT, 'node_modules'), path.join(dest, 'node_modules')]);
  } catch {
    cpSync(path.join(ROOT, 'node_modules'), path.join(dest, 'node_modules'), {
      recursive: true,
      verbatimSymlinks: true,
    });
  }
  return copied;
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {string} url @param {RequestInit} [init] */
async function get(url, init = {}) {
  const res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body };
}

/** Waits until the server answers HTTP at all. @param {string} url @param {import('./lib/processes.mjs').Tracked} server */
async function waitForHttp(url, server, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`${server.name} exited early:\n${server.tail.slice(-40).join('\n')}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`${server.name} did not answer within ${timeoutMs / 1000} s:\n${server.tail.slice(-40).join('\n')}`);
}

/** CPU time used by process trees over an interval, per request. @param {number[]} pids */
function cpuMeter(pids) {
  const before = pids.map((p) => cpuMs(p));
  return {
    /** @param {number} requests @returns {number[]} */
    perRequest: (requests) => pids.map((p, i) => (requests > 0 ? (cpuMs(p) - (before[i] ?? 0)) / requests : NaN)),
  };
}

/** The varied search queries: single words, pairs, quoted phrases, negations, unquoted phrases. */
function searchQueries() {
  const r = createRandom(7);
  const queries = ['safeguarding', 'wellbeing', 'participation', 'leadership'];
  while (queries.length < SEARCH_QUERIES) {
    const roll = r.next();
    if (roll < 0.35) queries.push(r.pick(QUERY_WORDS));
    else if (roll < 0.6) queries.push(`${r.pick(QUERY_WORDS)} ${r.pick(QUERY_WORDS)}`);
    else if (roll < 0.8) queries.push(`"${r.pick(QUERY_PHRASES)}"`);
    else if (roll < 0.9) queries.push(`${r.pick(QUERY_WORDS)} -${r.pick(QUERY_WORDS)}`);
    else queries.push(r.pick(QUERY_PHRASES));
  }
  return queries;
}

// ── the run ──────────────────────────────────────────────────────────────────
async function main() {
  /** @type {string[]} */
  const notes = [];
  const loadBefore = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  const work = tempDir('ru-bench-');
  const app = path.join(work, 'app');
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.NODE_OPTIONS;
  const tsx = path.join(app, 'node_modules/tsx/dist/cli.mjs');
  const prisma = path.join(app, 'node_modules/prisma/build/index.js');
  const next = path.join(app, 'node_modules/next/dist/bin/next');

  log(`Copying the project to ${app}…`);
  const copied = snapshotProject(app);
  log(`Copied ${copied} files and node_modules.`);

  log('Starting a throwaway embedded PostgreSQL…');
  const pgDir = tempDir('ru-bench-pg-');
  database = await startEmbeddedPostgres({ dataDir: pgDir, persistent: false, fast: true });
  await database.ensureDatabase('bench');
  const url = database.url('bench');
  Object.assign(env, { DATABASE_URL: url });

  log('prisma generate + migrate deploy…');
  await runOk('prisma generate', process.execPath, [prisma, 'generate'], {
    cwd: app,
    env,
    timeoutMs: 120_000,
    echo: VERBOSE,
  });
  await runOk('prisma migrate deploy', process.execPath, [prisma, 'migrate', 'deploy'], {
    cwd: app,
    env,
    timeoutMs: 300_000,
    echo: VERBOSE,
  });

  log('Seeding the synthetic archive…');
  const refs = JSON.parse(
    (
      await runOk('reference data', process.execPath, [tsx, 'scripts/bench/reference-data.ts'], {
        cwd: app,
        env,
        timeoutMs: 60_000,
      })
    ).stdout,
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  /** @type {Awaited<ReturnType<typeof seedArchive>>} */
  let seeded;
  /** @type {Record<string, number | string>} */
  const dataset = {};
  let postgresVersion = '';
  try {
    seeded = await seedArchive(client, refs, { log });
    const c = seeded.counts;
    Object.assign(dataset, {
      'issues (all PUBLISHED, one a month for 10 years)': c.issues,
      'sections (INTRO, ARTICLE, EVENT_LIST)': c.sections,
      'words of section and event text (approx.)': c.words,
      events: c.events,
      'event sessions': c.sessions,
      'organisations / topics / people': `${c.organisations} / ${c.topics} / ${c.people}`,
    });
    const upcoming = await client.query(
      `SELECT count(*)::int AS n FROM "Event" e WHERE (SELECT max("endsAt") FROM "EventSession" s WHERE s."eventId" = e.id) > now()`,
    );
    dataset['upcoming events (not yet ended)'] = upcoming.rows[0].n;
    const safeguarding = await client.query(
      `SELECT count(*) FILTER (WHERE title ILIKE '%safeguarding%' OR body::text ILIKE '%safeguarding%')::int AS n, count(*)::int AS total FROM "Section"`,
    );
    dataset['sections mentioning "safeguarding"'] =
      `${safeguarding.rows[0].n} (${Math.round((100 * safeguarding.rows[0].n) / safeguarding.rows[0].total)} %)`;
    // The search vectors are maintained by triggers: check they were filled.
    const vectors = await client.query(
      `SELECT table_name AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'searchVector' ORDER BY 1`,
    );
    if (vectors.rows.length === 0)
      notes.push('No table has a "searchVector" column yet (the search migration is not in this tree).');
    for (const { t } of vectors.rows) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE "searchVector" IS NULL)::int AS empty FROM "${t}"`,
      );
      dataset[`"${t}"."searchVector" filled by trigger`] = `${rows[0].total - rows[0].empty} of ${rows[0].total}`;
      if (rows[0].empty > 0)
        notes.push(
          `${rows[0].empty} "${t}" rows have no searchVector after the inserts: the trigger did not fill them.`,
        );
    }
    const size = await client.query(
      `SELECT pg_size_pretty(pg_database_size(current_database())) AS s, current_setting('server_version') AS v`,
    );
    dataset['database size'] = size.rows[0].s;
    postgresVersion = size.rows[0].v;
  } finally {
    await client.end();
  }
  log(`Seeded ${seeded.counts.issues} issues, ${seeded.counts.sections} sections, ${seeded.counts.events} events.`);

  log('next build (production)…');
  const buildStarted = Date.now();
  await runOk('next build', process.execPath, [next, 'build'], {
    cwd: app,
    env: { ...env, NODE_ENV: 'production' },
    timeoutMs: 20 * 60_000,
    logFile: path.join(work, 'build.log'),
    echo: VERBOSE,
  });
  log(`Built in ${((Date.now() - buildStarted) / 1000).toFixed(0)} s.`);

  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  // `next start` by default; BENCH_SERVER=app runs the project's own scripts/server.mjs instead
  // (what `npm start` runs when that file exists), bound to 127.0.0.1 as well.
  const customServer = path.join(app, 'scripts/server.mjs');
  if (SERVER === 'app' && !existsSync(customServer))
    throw new Error('BENCH_SERVER=app, but scripts/server.mjs does not exist.');
  const serverLabel = SERVER === 'app' ? 'node scripts/server.mjs' : 'next start';
  log(`${serverLabel} on ${base}…`);
  const server = start(
    serverLabel,
    process.execPath,
    SERVER === 'app'
      ? [customServer, '--port', String(port)]
      : [next, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: app,
      env: {
        ...env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url'),
      },
      logFile: path.join(work, 'server.log'),
      echo: VERBOSE,
    },
  );
  const serverPid = /** @type {number} */ (server.child.pid);
  const postmasterPid = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const memory = watchMemory(serverPid);
  await waitForHttp(`${base}/`, server);

  const issuePath = `/issues/${seeded.latestIssueSlug}`;
  /** @type {import('./lib/report.mjs').Scenario[]} */
  const scenarios = [
    { name: 'Home', path: '/' },
    { name: 'Issue page (cached)', path: issuePath },
    { name: 'Issue page (cached), Accept-Encoding: gzip', path: issuePath },
    { name: 'Upcoming events', path: '/events' },
    { name: 'Search', path: '/search?q=safeguarding' },
  ];

  log('Warming up…');
  for (const s of scenarios) {
    /** @type {number[]} */
    const statuses = [];
    let cache = '';
    for (let i = 0; i < 10; i++) {
      const res = await get(base + s.path);
      statuses.push(res.status);
      cache = res.headers.get('x-nextjs-cache') ?? cache;
      if (i >= 2 && (s.path !== issuePath || cache === 'HIT')) break;
      await sleep(s.path === issuePath ? 300 : 50);
    }
    const last = statuses[statuses.length - 1];
    if (s.path.startsWith('/search') && last === 404) s.skipped = 'the /search page does not exist in this tree (404)';
    else if (last !== 200) s.note = `warm-up answered ${statuses.join(', ')}`;
    if (s.path === issuePath) {
      s.note = `x-nextjs-cache: ${cache || 'none'}`;
      if (cache !== 'HIT')
        notes.push(
          `The issue page was not served from the ISR cache after warm-up (x-nextjs-cache: ${cache || 'none'}).`,
        );
    }
    log(`  ${s.path}: ${statuses.join(' ')}${cache ? ` (x-nextjs-cache: ${cache})` : ''}`);
  }
  const failing = scenarios.filter((s) => !s.skipped && s.note?.startsWith('warm-up answered'));
  if (failing.length) {
    notes.push(
      `Warm-up errors: ${failing.map((s) => `${s.path} ${s.note}`).join('; ')}. Server log tail:\n\n\`\`\`\n${server.tail.slice(-30).join('\n')}\n\`\`\``,
    );
  }

  log('Measuring the issue page’s JavaScript…');
  const issue = await get(base + issuePath);
  const html = issue.body.toString('utf8');
  // Scripts a current browser downloads: <script src>, except `nomodule` ones (Next's polyfills
  // for browsers without ES modules, which every module-capable browser skips).
  const tags = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1] ?? '');
  /** @type {Map<string, boolean>} src → nomodule */
  const scripts = new Map();
  for (const attrs of tags) {
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1]?.replace(/&amp;/g, '&');
    if (src) scripts.set(src, /\bnomodule\b/i.test(attrs));
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  let files = 0;
  let noModuleGzipBytes = 0;
  /** @type {{ src: string, gzipBytes: number }[]} */
  const scriptSizes = [];
  for (const [src, noModule] of scripts) {
    const target = new URL(src, base);
    if (target.origin !== base) {
      notes.push(`Issue page loads a script from another origin (${target.origin}); not counted.`);
      continue;
    }
    const res = await get(target.href, { headers: { 'accept-encoding': 'identity' } });
    if (res.status !== 200) notes.push(`Script ${src} answered ${res.status}.`);
    const gz = gzipSync(res.body, { level: 6 }).length;
    if (noModule) {
      noModuleGzipBytes += gz;
      continue;
    }
    files += 1;
    rawBytes += res.body.length;
    gzipBytes += gz;
    scriptSizes.push({ src, gzipBytes: gz });
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1] ?? '')
    .join('');
  const framing = issue.headers.get('transfer-encoding')
    ? `transfer-encoding: ${issue.headers.get('transfer-encoding')}`
    : `content-length: ${issue.headers.get('content-length')}`;
  const js = {
    framing: `${framing}; cache-control: ${issue.headers.get('cache-control') ?? 'none'}; x-nextjs-cache: ${issue.headers.get('x-nextjs-cache') ?? 'none'}`,
    files,
    noModuleGzipBytes,
    rawBytes,
    gzipBytes,
    htmlBytes: issue.body.length,
    htmlGzipBytes: gzipSync(issue.body, { level: 6 }).length,
    inlineScriptBytes: Buffer.byteLength(inline),
    inlineScriptGzipBytes: gzipSync(inline, { level: 6 }).length,
    largest: scriptSizes.sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 5),
  };

  for (const s of scenarios) {
    if (s.skipped) {
      log(`Skipping ${s.path}: ${s.skipped}`);
      continue;
    }
    log(`autocannon ${s.name} ${s.path} (${CONNECTIONS} connections, ${DURATION} s)…`);
    const headers = s.name.includes('gzip') ? { 'accept-encoding': 'gzip' } : undefined;
    const cpu = cpuMeter([serverPid, postmasterPid]);
    s.result = await autocannon(app, base + s.path, { connections: CONNECTIONS, duration: DURATION, headers });
    [s.serverCpuMs, s.dbCpuMs] = cpu.perRequest(s.result.requests);
    log(
      `  ${Math.round(s.result.rps)} req/s, p50 ${s.result.p50} ms, p99 ${s.result.p99} ms, non-2xx ${s.result.non2xx}, errors ${s.result.errors}`,
    );
    if (s.result.non2xx > 0) {
      notes.push(
        `${s.path}: ${s.result.non2xx} non-2xx responses under load. Server log tail:\n\n\`\`\`\n${server.tail.slice(-20).join('\n')}\n\`\`\``,
      );
    }
    if (s.result.errors > 0) {
      notes.push(
        `${s.path}: ${s.result.errors} requests failed under load, ${s.result.timeouts} of them by exceeding autocannon's 10 s request timeout.`,
      );
    }
  }

  // Baseline: the same bytes from a bare node:http server, measured the same way.
  log('Baseline: node:http serving the issue page’s bytes…');
  const htmlFile = path.join(work, 'issue.html');
  writeFileSync(htmlFile, issue.body);
  const basePort = await findFreePort();
  const baselineServer = start(
    'baseline server',
    process.execPath,
    [path.join(app, 'scripts/bench/static-server.mjs'), htmlFile, String(basePort)],
    {},
  );
  await waitForHttp(`http://127.0.0.1:${basePort}/`, baselineServer);
  const baselineCpu = cpuMeter([/** @type {number} */ (baselineServer.child.pid)]);
  /** @type {import('./lib/report.mjs').Scenario & { result: import('./lib/load.mjs').LoadResult }} */
  const baseline = {
    name: 'Baseline: node:http serving the issue page bytes from memory',
    path: issuePath,
    result: await autocannon(app, `http://127.0.0.1:${basePort}${issuePath}`, {
      connections: CONNECTIONS,
      duration: DURATION,
    }),
  };
  [baseline.serverCpuMs] = baselineCpu.perRequest(baseline.result.requests);
  await stop(baselineServer);
  log(`  ${Math.round(baseline.result.rps)} req/s, p50 ${baseline.result.p50} ms, p99 ${baseline.result.p99} ms`);

  // The production profile: nginx in front of scripts/server.mjs, against nginx alone.
  if (SERVER === 'app') {
    log('nginx profile: nginx in front of the app, and nginx alone on the same stored files…');
    const nginx = await benchNginx({
      app,
      upstreamPort: port,
      pagesDir: path.resolve(app, env.PUBLIC_PAGES_DIR ?? '.data/public-pages'),
      issuePath,
      connections: CONNECTIONS,
      duration: DURATION,
      tempDirs,
      log,
      fastPathRps: scenarios.find((s) => s.name === 'Issue page (cached)')?.result?.rps,
    });
    scenarios.push(...nginx.rows);
    notes.push(...nginx.notes);
    for (const n of nginx.notes) log(`  ${n}`);
  } else {
    notes.push('nginx profile not measured: it fronts scripts/server.mjs, so run with BENCH_SERVER=app.');
  }

  // The editor figure: 4 editors saving their own sections at once, over HTTP.
  log(`Editor saves: ${EDITORS} editors × ${EDITOR_SAVES} section saves each…`);
  /** @type {import('./lib/report.mjs').Results['editorSave']} */
  let editorSave;
  try {
    const r = await benchEditorSave({ base, databaseUrl: env.DATABASE_URL ?? '', appDir: app, editors: EDITORS, savesPerEditor: EDITOR_SAVES });
    editorSave = { ok: true, ...r };
    log(`  p50 ${r.saves.p50.toFixed(1)} ms, p95 ${r.saves.p95.toFixed(1)} ms, ${r.conflicts} conflicts, ${r.failures} failures`);
    if (r.firstFailure) notes.push(`Editor save failed: ${r.firstFailure}`);
  } catch (error) {
    editorSave = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }

  const mem = memory.stop();
  await stop(server);

  // The search SQL alone, through the app's own searchPublished().
  log(`Timing the search SQL over ${SEARCH_QUERIES} queries…`);
  /** @type {import('./lib/report.mjs').Results['search']} */
  let search;
  const searchFile = path.join(app, 'lib/data/search.ts');
  if (!existsSync(searchFile)) {
    search = { ok: false, reason: 'lib/data/search.ts (searchPublished) does not exist in this tree yet' };
  } else {
    const job = JSON.stringify({ queries: searchQueries(), warmup: 20, file: searchFile });
    const out = await run('search timing', process.execPath, [tsx, 'scripts/bench/search-timing.ts'], {
      cwd: app,
      env: { ...env, NODE_ENV: 'production', NODE_OPTIONS: '--conditions=react-server' },
      stdin: job,
      timeoutMs: 300_000,
    });
    const line = out.stdout
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .pop();
    /** @type {any} */
    const parsed = line
      ? JSON.parse(line)
      : { ok: false, reason: `no result (exit ${out.code}): ${out.tail.slice(-5).join(' ')}` };
    if (!parsed.ok) search = { ok: false, reason: parsed.reason };
    else {
      /** @type {{ query: string, totalMs: number, sqlMs: number, statements: number, serverMs: number | null, planMs: number | null, results: number | null, total: number | null, error?: string }[]} */
      const calls = parsed.calls;
      const errors = calls.filter((c) => c.error);
      if (errors.length)
        notes.push(
          `searchPublished() threw for ${errors.length} of ${calls.length} queries, e.g. ${JSON.stringify(errors[0]?.query)}: ${errors[0]?.error}`,
        );
      const server = calls.map((c) => c.serverMs).filter((v) => v !== null);
      const planning = calls.map((c) => c.planMs).filter((v) => v !== null);
      const first = calls[0];
      search = {
        ok: true,
        sql: dist(calls.map((c) => c.sqlMs)),
        server: server.length ? dist(/** @type {number[]} */ (server)) : null,
        planning: planning.length ? dist(/** @type {number[]} */ (planning)) : null,
        fn: dist(calls.map((c) => c.totalMs)),
        statements: Math.max(...calls.map((c) => c.statements)),
        errors: errors.length,
        safeguardingHits: first
          ? `${first.results ?? '?'} results${first.total !== null ? ` (total ${first.total})` : ''}`
          : '?',
        plan: parsed.firstQueryPlan,
        sqlSample: parsed.firstQuerySql,
      };
      if (calls.every((c) => c.statements === 0))
        notes.push('searchPublished() sent no SQL through pg (is it cached?); the SQL timings are empty.');
    }
  }

  /** @type {import('./lib/report.mjs').Results} */
  const results = {
    date: new Date(),
    machine: {
      ...machineInfo(),
      postgres: postgresVersion,
      loadBefore,
      loadAfter: os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / '),
    },
    dataset,
    settings: { connections: CONNECTIONS, duration: DURATION, server: serverLabel },
    scenarios,
    baseline,
    issuePath,
    search,
    editorSave,
    js,
    memory: mem,
    notes,
  };
  printTable(results);
  if (process.env.BENCH_WRITE_DOCS !== '0') {
    await writeDoc(path.join(ROOT, 'docs/PERFORMANCE.md'), markdown(results));
    log('Wrote docs/PERFORMANCE.md.');
  }
  if (search.ok) {
    console.log('\nSearch SQL of the first query:');
    for (const s of search.sqlSample) console.log(`  ${s.slice(0, 600)}`);
  }
  if (VERBOSE) console.log(readFileSync(path.join(work, 'server.log'), 'utf8').slice(-5000));
}

main()
  .then(async () => {
    await cleanup();
    log('Done; the temporary database and folders are gone.');
    process.exit(0);
  })
  .catch(async (err) => {
    if (interrupted) return; // the signal handler cleans up and exits
    console.error(`\n✖ ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanup();
    process.exit(1);
  });
