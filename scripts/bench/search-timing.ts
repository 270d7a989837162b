// Times the app's search the way the site runs it, outside Next.js.
//
// Started by scripts/bench/run.mjs as
//   NODE_OPTIONS=--conditions=react-server DATABASE_URL=… tsx scripts/bench/search-timing.ts < job.json
// (the react-server condition turns `import 'server-only'` into an empty module).
//
// Contract: lib/data/search.ts exports
//   searchPublished(query: string): Promise<unknown>
// (an array of results, or an object with a `results` array and maybe a `total`).
//
// For each query it records: the wall time of searchPublished() (Prisma included),
// the SQL alone: the wall time during which its statements were in flight in pg's
// Client#query (from call to result; statements the app runs in parallel overlap),
// and PostgreSQL's own planning + execution
// time for the same statements with the same parameters (EXPLAIN ANALYZE, replayed
// afterwards on a separate connection).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

type Job = { queries: string[]; warmup: number; file: string };
type Statement = { text: string; values: unknown[] | undefined; start: number; end: number };
type Call = {
  query: string;
  totalMs: number;
  sqlMs: number;
  statements: number;
  serverMs: number | null;
  planMs: number | null;
  results: number | null;
  total: number | null;
  error?: string;
};

let sink: Statement[] | null = null;

// Record every statement the app's pg clients send while `sink` is set.
type QueryFn = (...args: unknown[]) => unknown;
const proto = pg.Client.prototype as unknown as { query: QueryFn };
const originalQuery = proto.query;
proto.query = function patchedQuery(this: unknown, ...args: unknown[]) {
  const target = sink;
  if (!target) return originalQuery.apply(this, args);
  const first = args[0] as string | { text?: string; values?: unknown[] } | undefined;
  const text = typeof first === 'string' ? first : (first?.text ?? '');
  const values = Array.isArray(args[1])
    ? (args[1] as unknown[])
    : typeof first === 'object'
      ? first?.values
      : undefined;
  const t0 = performance.now();
  const record = () => target.push({ text, values, start: t0, end: performance.now() });
  const cb = args.findIndex((a) => typeof a === 'function');
  if (cb >= 0) {
    const callback = args[cb] as (...a: unknown[]) => void;
    args[cb] = (...a: unknown[]) => {
      record();
      callback(...a);
    };
    return originalQuery.apply(this, args);
  }
  const result = originalQuery.apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === 'function') {
    return (result as Promise<unknown>).then(
      (v) => (record(), v),
      (e: unknown) => {
        record();
        throw e;
      },
    );
  }
  return result;
};

/** Wall time during which at least one statement was in flight (the app may run them in parallel). */
function inFlight(statements: Statement[]): number {
  const sorted = [...statements].sort((a, b) => a.start - b.start);
  let total = 0;
  let end = -Infinity;
  for (const s of sorted) {
    if (s.start > end) {
      total += s.end - s.start;
      end = s.end;
    } else if (s.end > end) {
      total += s.end - end;
      end = s.end;
    }
  }
  return total;
}

function countResults(value: unknown): { results: number | null; total: number | null } {
  if (Array.isArray(value)) return { results: value.length, total: null };
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // SearchResults: { total, issues: [{ hits }], events }; or a plain { results | items | hits } list.
    if (Array.isArray(o.issues) && Array.isArray(o.events)) {
      const hits = (o.issues as { hits?: unknown[] }[]).reduce((n, g) => n + (g.hits?.length ?? 0), 0);
      return { results: hits + o.events.length, total: typeof o.total === 'number' ? o.total : null };
    }
    const list = Array.isArray(o.results)
      ? o.results
      : Array.isArray(o.items)
        ? o.items
        : Array.isArray(o.hits)
          ? o.hits
          : null;
    const total = typeof o.total === 'number' ? o.total : typeof o.total === 'bigint' ? Number(o.total) : null;
    return { results: list ? list.length : null, total };
  }
  return { results: null, total: null };
}

type PlanNode = { 'Node Type'?: string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
function planNodes(node: PlanNode, out: string[] = []): string[] {
  // Only the scans: which tables are read, and through which index.
  const type = node['Node Type'] ?? '';
  const target = node['Index Name'] ?? node['Relation Name'];
  const label = `${type} ${target ?? ''}`.trim();
  if (type.includes('Scan') && target && !out.includes(label)) out.push(label);
  for (const child of node.Plans ?? []) planNodes(child, out);
  return out;
}

async function main() {
  const job = JSON.parse(readFileSync(0, 'utf8')) as Job;
  const file = path.resolve(job.file);
  if (!existsSync(file)) {
    console.log(JSON.stringify({ ok: false, reason: `${path.relative(process.cwd(), file)} does not exist` }));
    return;
  }
  const mod = (await import(pathToFileURL(file).href)) as { searchPublished?: (q: string) => Promise<unknown> };
  const search = mod.searchPublished;
  if (typeof search !== 'function') {
    console.log(JSON.stringify({ ok: false, reason: `${path.basename(file)} does not export searchPublished(query)` }));
    return;
  }

  for (const q of job.queries.slice(0, job.warmup)) await search(q).catch(() => {});

  const calls: Call[] = [];
  const captured: Statement[][] = [];
  for (const query of job.queries) {
    const statements: Statement[] = [];
    sink = statements;
    const t0 = performance.now();
    let value: unknown;
    let error: string | undefined;
    try {
      value = await search(query);
    } catch (e) {
      error = e instanceof Error ? e.message.split('\n').slice(-3).join(' ') : String(e);
    }
    const totalMs = performance.now() - t0;
    sink = null;
    captured.push(statements);
    calls.push({
      query,
      totalMs,
      sqlMs: inFlight(statements),
      statements: statements.length,
      serverMs: null,
      planMs: null,
      ...countResults(value),
      ...(error ? { error } : {}),
    });
  }

  // PostgreSQL's own time for the same statements (planning + execution).
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const plan: string[] = [];
  try {
    for (const [i, statements] of captured.entries()) {
      let server = 0;
      let planning = 0;
      let explained = 0;
      for (const s of statements) {
        if (!/^\s*(WITH|SELECT)\b/i.test(s.text)) continue;
        const { rows } = await client.query({ text: `EXPLAIN (ANALYZE, FORMAT JSON) ${s.text}`, values: s.values });
        const result = (
          rows[0] as { 'QUERY PLAN': { 'Planning Time': number; 'Execution Time': number; Plan: PlanNode }[] }
        )['QUERY PLAN'][0]!;
        server += result['Planning Time'] + result['Execution Time'];
        planning += result['Planning Time'];
        explained += 1;
        if (i === 0) planNodes(result.Plan, plan);
      }
      calls[i]!.serverMs = explained > 0 ? server : null;
      calls[i]!.planMs = explained > 0 ? planning : null;
    }
  } finally {
    await client.end();
  }
  const sample = captured[0]?.map((s) => s.text.replace(/\s+/g, ' ').trim()) ?? [];
  console.log(JSON.stringify({ ok: true, calls, firstQueryPlan: plan, firstQuerySql: sample }));
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    console.log(JSON.stringify({ ok: false, reason: e instanceof Error ? e.message : String(e) }));
    process.exit(0);
  });
