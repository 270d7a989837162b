// @ts-check
// The benchmark's console table and the generated part of docs/PERFORMANCE.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/** @typedef {import('./load.mjs').LoadResult} LoadResult */
/**
 * @typedef {{ name: string, path: string, result?: LoadResult, skipped?: string, note?: string, serverCpuMs?: number, dbCpuMs?: number }} Scenario
 * @typedef {{ p50: number, p95: number, max: number, n: number }} Dist
 * @typedef {{
 *   date: Date,
 *   machine: { cpu: string, cores: number, ramGiB: number, node: string, postgres: string, loadBefore: string, loadAfter: string },
 *   dataset: Record<string, number | string>,
 *   settings: { connections: number, duration: number, server: string },
 *   scenarios: Scenario[],
 *   baseline?: Scenario & { result: LoadResult },
 *   issuePath: string,
 *   search: { ok: true, sql: Dist, server: Dist | null, planning: Dist | null, fn: Dist, statements: number, errors: number, safeguardingHits: string, plan: string[], sqlSample: string[] } | { ok: false, reason: string },
 *   editorSave?: ({ ok: true } & import('./editor-save.mjs').EditorSaveResult) | { ok: false, reason: string },
 *   js: { framing: string, files: number, noModuleGzipBytes: number, rawBytes: number, gzipBytes: number, htmlBytes: number, htmlGzipBytes: number, inlineScriptBytes: number, inlineScriptGzipBytes: number, largest: { src: string, gzipBytes: number }[] } | null,
 *   memory: { peakRssKb: number, peakHwmKb: number, processes: number } | null,
 *   notes: string[],
 * }} Results
 */

export function machineInfo() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  return { cpu, cores: os.cpus().length, ramGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}

/** Nearest-rank percentile. @param {number[]} values @param {number} p 0–100 */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return /** @type {number} */ (sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]);
}

/** @param {number[]} values @returns {Dist} */
export function dist(values) {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values), n: values.length };
}

const fmt = (/** @type {number} */ n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';
const kb = (/** @type {number} */ bytes) => `${fmt(bytes / 1000, 1)} KB`;

/** @param {Results} r */
function targets(r) {
  const issue = r.scenarios.find((s) => s.name.startsWith('Issue page (cached)'))?.result;
  const searchPage = r.scenarios.find((s) => s.path.startsWith('/search'));
  /** @type {{ target: string, measured: string, met: boolean | null }[]} */
  const rows = [];
  rows.push(
    issue
      ? {
          target: 'Cached issue page ≥ 2,000 req/s with p99 < 100 ms (and no errors)',
          measured: `${fmt(issue.rps)} req/s, p99 ${fmt(issue.p99)} ms, ${issue.non2xx} non-2xx, ${issue.errors} errors`,
          met: issue.rps >= 2000 && issue.p99 < 100 && issue.non2xx === 0 && issue.errors === 0,
        }
      : { target: 'Cached issue page ≥ 2,000 req/s with p99 < 100 ms', measured: 'not measured', met: null },
  );
  rows.push(
    r.search.ok
      ? {
          target: 'Search SQL p95 < 10 ms',
          measured: `p95 ${fmt(r.search.sql.p95, 2)} ms (p50 ${fmt(r.search.sql.p50, 2)} ms) over ${r.search.sql.n} queries`,
          met: r.search.sql.p95 < 10 && r.search.errors === 0,
        }
      : { target: 'Search SQL p95 < 10 ms', measured: `not measured: ${r.search.reason}`, met: null },
  );
  rows.push(
    searchPage?.result
      ? {
          target: '`/search` page p99 < 150 ms (and no errors)',
          measured: `p99 ${fmt(searchPage.result.p99)} ms at ${fmt(searchPage.result.rps)} req/s, ${searchPage.result.non2xx} non-2xx`,
          met: searchPage.result.p99 < 150 && searchPage.result.non2xx === 0 && searchPage.result.errors === 0,
        }
      : {
          target: '`/search` page p99 < 150 ms',
          measured: `not measured: ${searchPage?.skipped ?? 'skipped'}`,
          met: null,
        },
  );
  rows.push(
    r.js
      ? {
          target: 'Issue-page JavaScript ≤ 110 KB gzipped',
          measured: `${kb(r.js.gzipBytes)} gzipped in ${r.js.files} files (${kb(r.js.rawBytes)} uncompressed)`,
          met: r.js.gzipBytes <= 110_000,
        }
      : { target: 'Issue-page JavaScript ≤ 110 KB gzipped', measured: 'not measured', met: null },
  );
  rows.push(
    r.editorSave?.ok
      ? {
          target: `Section save round trip p95 < 150 ms with ${r.editorSave.editors} concurrent editors`,
          measured: `p95 ${fmt(r.editorSave.saves.p95, 1)} ms (p50 ${fmt(r.editorSave.saves.p50, 1)} ms) over ${r.editorSave.saves.n} saves; ${r.editorSave.conflicts} conflicts, ${r.editorSave.failures} failures`,
          met: r.editorSave.saves.p95 < 150 && r.editorSave.failures === 0,
        }
      : {
          target: 'Section save round trip p95 < 150 ms with 4 concurrent editors',
          measured: `not measured${r.editorSave ? `: ${r.editorSave.reason}` : ''}`,
          met: null,
        },
  );
  return rows;
}

const verdict = (/** @type {boolean | null} */ met) => (met === null ? 'NOT MEASURED' : met ? 'met' : 'MISSED');

/** @param {Scenario} s */
function cells(s) {
  const x = s.result;
  if (!x) return [`skipped: ${s.skipped ?? ''}`, '', '', '', '', '', '', ''];
  return [
    fmt(x.rps),
    fmt(x.p50),
    fmt(x.p99),
    String(x.non2xx),
    x.timeouts ? `${x.errors} (${x.timeouts} timeouts)` : String(x.errors),
    kb(x.bytesPerResponse),
    s.serverCpuMs === undefined ? '–' : fmt(s.serverCpuMs, 2),
    s.dbCpuMs === undefined ? '–' : fmt(s.dbCpuMs, 2),
  ];
}

/** @param {Results} r */
function loadRows(r) {
  const all = r.baseline ? [...r.scenarios, r.baseline] : r.scenarios;
  return all.map((s) => ({ name: s.name, path: s.path, cells: cells(s) }));
}

/** @param {Results} r */
function ratio(r) {
  const issue = r.scenarios.find((s) => s.name.startsWith('Issue page (cached)'))?.result;
  if (!issue || !r.baseline || r.baseline.result.rps === 0) return null;
  return issue.rps / r.baseline.result.rps;
}

/** @param {Results} r */
export function printTable(r) {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'errors',
    'bytes/resp',
    'srv CPU ms/req',
    'DB CPU ms/req',
  ];
  const rows = loadRows(r).map((row) => [`${row.name} ${row.path}`, ...row.cells]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (/** @type {string[]} */ cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  const q = ratio(r);
  if (q !== null)
    console.log(`\nNext.js cached issue page / node:http baseline: ${fmt(q * 100, 1)} % of the baseline's req/s`);
  if (r.search.ok) {
    const s = r.search;
    console.log(
      `Search (${s.sql.n} queries): SQL in flight p50 ${fmt(s.sql.p50, 2)} ms, p95 ${fmt(s.sql.p95, 2)} ms` +
        (s.server ? `; PostgreSQL plan+exec p50 ${fmt(s.server.p50, 2)} ms, p95 ${fmt(s.server.p95, 2)} ms` : '') +
        `; searchPublished() p50 ${fmt(s.fn.p50, 2)} ms, p95 ${fmt(s.fn.p95, 2)} ms`,
    );
  } else console.log(`Search SQL: not measured (${r.search.reason})`);
  if (r.editorSave?.ok)
    console.log(`Editor saves (${r.editorSave.editors} concurrent editors): p50 ${fmt(r.editorSave.saves.p50, 1)} ms, p95 ${fmt(r.editorSave.saves.p95, 1)} ms over ${r.editorSave.saves.n} saves`);
  if (r.js)
    console.log(
      `Issue page JS: ${kb(r.js.gzipBytes)} gzipped (${r.js.files} files, ${kb(r.js.rawBytes)} raw); HTML ${kb(r.js.htmlBytes)} (${kb(r.js.htmlGzipBytes)} gzipped)`,
    );
  if (r.js?.largest.length)
    console.log(
      `Largest scripts: ${r.js.largest.map((f) => `${f.src.split('/').pop()} ${kb(f.gzipBytes)}`).join(', ')}`,
    );
  if (r.memory)
    console.log(
      `Server peak RSS: ${fmt(r.memory.peakRssKb / 1024)} MiB (sum of VmHWM ${fmt(r.memory.peakHwmKb / 1024)} MiB, ${r.memory.processes} process(es))`,
    );
  console.log('\nTargets:');
  for (const t of targets(r)) console.log(`  ${verdict(t.met).padEnd(12)} ${t.target} — ${t.measured}`);
  for (const n of r.notes) console.log(`  note: ${n}`);
}

/** @param {Results} r */
export function markdown(r) {
  const out = [];
  out.push(
    `Last run: ${r.date.toISOString().replace('T', ' ').slice(0, 16)} UTC, \`npm run bench\` with ${r.settings.connections} connections × ${r.settings.duration} s per URL; server: \`${r.settings.server}\` (production build).`,
  );
  out.push('');
  out.push('### Machine');
  out.push('');
  out.push(`| | |\n| --- | --- |`);
  out.push(`| CPU | ${r.machine.cpu}, ${r.machine.cores} cores |`);
  out.push(`| RAM | ${r.machine.ramGiB} GiB |`);
  out.push(`| Node.js | ${r.machine.node} |`);
  out.push(`| PostgreSQL | ${r.machine.postgres} (embedded, fsync off) |`);
  out.push(
    `| Load average (1 / 5 / 15 min) before / after the run | ${r.machine.loadBefore} → ${r.machine.loadAfter} (the run itself adds about 2; more means other work shared the machine) |`,
  );
  out.push('');
  out.push('### Dataset');
  out.push('');
  out.push('| | |\n| --- | --- |');
  for (const [k, v] of Object.entries(r.dataset)) out.push(`| ${k} | ${typeof v === 'number' ? fmt(v) : v} |`);
  out.push('');
  out.push('### Results');
  out.push('');
  out.push(
    '| scenario | path | req/s | p50 ms | p99 ms | non-2xx | errors | bytes/response | server CPU ms/request | PostgreSQL CPU ms/request |',
  );
  out.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of loadRows(r)) out.push(`| ${row.name} | \`${row.path}\` | ${row.cells.join(' | ')} |`);
  out.push('');
  const q = ratio(r);
  if (q !== null)
    out.push(`Cached issue page vs baseline: **${fmt(q * 100, 1)} %** of the baseline's requests per second.`);
  out.push('');
  if (r.search.ok) {
    const s = r.search;
    out.push(
      `Search, ${s.sql.n} varied queries (single words, pairs, quoted phrases, negations), one at a time through \`searchPublished()\`:`,
    );
    out.push('');
    out.push('| measure | p50 ms | p95 ms | max ms |');
    out.push('| --- | ---: | ---: | ---: |');
    out.push(
      `| **SQL as the app runs it**: wall time with any of its statements in flight in the pg driver (its parallel statements overlap) | ${fmt(s.sql.p50, 2)} | ${fmt(s.sql.p95, 2)} | ${fmt(s.sql.max, 2)} |`,
    );
    if (s.server)
      out.push(
        `| PostgreSQL planning + execution, summed over its statements (EXPLAIN ANALYZE replay, same parameters) | ${fmt(s.server.p50, 2)} | ${fmt(s.server.p95, 2)} | ${fmt(s.server.max, 2)} |`,
      );
    if (s.planning)
      out.push(
        `| … of which planning | ${fmt(s.planning.p50, 2)} | ${fmt(s.planning.p95, 2)} | ${fmt(s.planning.max, 2)} |`,
      );
    out.push(
      `| \`searchPublished()\` including Prisma | ${fmt(s.fn.p50, 2)} | ${fmt(s.fn.p95, 2)} | ${fmt(s.fn.max, 2)} |`,
    );
    out.push('');
    out.push(
      `${s.statements} SQL statement(s) per search; "safeguarding" returns ${s.safeguardingHits}. Its plans read: ${s.plan.length ? s.plan.map((p) => `\`${p}\``).join(', ') : 'n/a'}.`,
    );
  } else {
    out.push(`Search SQL: **not measured** — ${r.search.reason}.`);
  }
  out.push('');
  if (r.js) {
    out.push(
      `Issue page: ${r.js.files} script files, **${kb(r.js.gzipBytes)} gzipped** (${kb(r.js.rawBytes)} uncompressed, gzip level 6; 1 KB = 1,000 bytes). ` +
        (r.js.noModuleGzipBytes
          ? `Not counted: \`<script nomodule>\` polyfills, ${kb(r.js.noModuleGzipBytes)} gzipped, which browsers with ES module support never download. `
          : '') +
        `The HTML itself is ${kb(r.js.htmlBytes)} (${kb(r.js.htmlGzipBytes)} gzipped), of which inline scripts (the React Server Components payload) are ${kb(r.js.inlineScriptBytes)} (${kb(r.js.inlineScriptGzipBytes)} gzipped).`,
    );
    out.push('');
    out.push(`Issue page response headers: ${r.js.framing}.`);
    if (r.js.largest.length) {
      out.push('');
      out.push(
        `Largest scripts (gzipped): ${r.js.largest.map((f) => `\`${f.src.split('/').pop()}\` ${kb(f.gzipBytes)}`).join(', ')}.`,
      );
    }
  }
  if (r.memory) {
    out.push('');
    out.push(
      `Server memory: peak RSS of the server process tree ${fmt(r.memory.peakRssKb / 1024)} MiB (sampled every 100 ms; sum of the processes' VmHWM ${fmt(r.memory.peakHwmKb / 1024)} MiB; ${r.memory.processes} process(es)).`,
    );
  }
  if (r.editorSave?.ok) {
    const e = r.editorSave;
    out.push('');
    out.push(
      `Editor saves: ${e.editors} editors signed in over HTTP, each saving their own section back to back through the real \`saveSectionAction\` (zod, permission, version check, transaction, revision row), ${e.savesPerEditor} timed saves each after a warm-up: p50 ${fmt(e.saves.p50, 1)} ms, **p95 ${fmt(e.saves.p95, 1)} ms**, max ${fmt(e.saves.max, 1)} ms; ${e.conflicts} conflicts, ${e.failures} failures.`,
    );
  } else if (r.editorSave) {
    out.push('');
    out.push(`Editor saves: **not measured** — ${r.editorSave.reason}.`);
  }
  out.push('');
  out.push('### Targets');
  out.push('');
  out.push('| target | measured | |');
  out.push('| --- | --- | --- |');
  for (const t of targets(r))
    out.push(
      `| ${t.target} | ${t.measured} | ${t.met === null ? '**not measured**' : t.met ? '✅ met' : '❌ **missed**'} |`,
    );
  if (r.notes.length) {
    out.push('');
    for (const n of r.notes) out.push(`- ${n}`);
  }
  return out.join('\n');
}

const START = '<!-- bench:results:start (generated by `npm run bench`; edit outside these markers) -->';
const END = '<!-- bench:results:end -->';

const TEMPLATE = `# Performance

How fast the public site is on a realistic archive, measured by \`npm run bench\`
(\`scripts/bench/run.mjs\`). The section between the markers below is rewritten by
every run; the rest of this file is written by hand.

${START}
${END}
`;

/**
 * Replaces the generated section of the doc, keeping the hand-written rest, and formats the
 * file with the project's Prettier settings (when Prettier is installed).
 * @param {string} file @param {string} body
 */
export async function writeDoc(file, body) {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : TEMPLATE;
  if (!text.includes(START) || !text.includes(END)) text = `${text.trimEnd()}\n\n${START}\n${END}\n`;
  const before = text.slice(0, text.indexOf(START));
  const after = text.slice(text.indexOf(END) + END.length);
  let out = `${before}${START}\n\n${body}\n\n${END}${after}`;
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    out = await prettier.format(out, { ...options, filepath: file });
  } catch {
    // Prettier missing or failing: keep the unformatted text.
  }
  writeFileSync(file, out);
}
