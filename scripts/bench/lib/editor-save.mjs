// @ts-check
// The editor figure: a section save's whole round trip over HTTP, as the browser's
// autosave does it (the saveSectionAction server action: request → zod → permission
// → transaction with the version check → revision row → response), with N editors
// signed in and saving their own sections at the same time, back to back.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { dist } from './report.mjs';

/** @typedef {{ editors: number, savesPerEditor: number, saves: import('./report.mjs').Dist, conflicts: number, failures: number, firstFailure?: string }} EditorSaveResult */

/**
 * The server action's id from the production build's manifest.
 * @param {string} appDir
 */
export function findActionId(appDir, file = 'lib/actions/sections/save-section.ts', exportName = 'saveSectionAction') {
  const manifest = JSON.parse(readFileSync(path.join(appDir, '.next/server/server-reference-manifest.json'), 'utf8'));
  for (const [id, entry] of Object.entries(/** @type {Record<string, { filename?: string, exportedName?: string }>} */ (manifest.node ?? {}))) {
    if (entry.filename === file && entry.exportedName === exportName) return id;
  }
  throw new Error(`${exportName} (${file}) is not in the build's server-reference manifest`);
}

/** Cookies from a response, merged into a jar. @param {Map<string, string>} jar @param {Response} res */
function keepCookies(jar, res) {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
  }
}
const cookieHeader = (/** @type {Map<string, string>} */ jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/**
 * next-auth credentials sign-in over HTTP; returns the cookie jar.
 * @param {string} base @param {string} email @param {string} password
 */
async function signIn(base, email, password) {
  const jar = new Map();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keepCookies(jar, csrfRes);
  const { csrfToken } = /** @type {{ csrfToken: string }} */ (await csrfRes.json());
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar), origin: base },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/admin`, json: 'true' }),
  });
  keepCookies(jar, res);
  if (![...jar.keys()].some((k) => k.endsWith('next-auth.session-token')))
    throw new Error(`sign-in as ${email} failed: HTTP ${res.status}`);
  return jar;
}

const doc = (/** @type {string} */ text) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/**
 * @param {{ base: string, databaseUrl: string, appDir: string, editors?: number, savesPerEditor?: number, warmup?: number }} opts
 * @returns {Promise<EditorSaveResult>}
 */
export async function benchEditorSave({ base, databaseUrl, appDir, editors = 4, savesPerEditor = 100, warmup = 5 }) {
  const actionId = findActionId(appDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const tag = randomBytes(4).toString('hex');
  const password = `bench-${randomBytes(12).toString('hex')}`;
  const passwordHash = await hash(password, { algorithm: 2 });
  /** @type {{ email: string, issueId: string, sectionId: string }[]} */
  const seats = [];
  try {
    const issue = await client.query(
      `INSERT INTO "Issue" (slug, title, month, status, "updatedAt") VALUES ($1, $2, '2099-01-01', 'DRAFT', now()) RETURNING id`,
      [`bench-editor-${tag}`, `Bench editor issue ${tag}`],
    );
    const issueId = issue.rows[0].id;
    for (let i = 0; i < editors; i++) {
      const email = `bench-editor-${tag}-${i}@example.org`;
      await client.query(
        `INSERT INTO "User" (email, name, role, "passwordHash", "updatedAt") VALUES ($1, $2, 'EDITOR', $3, now())`,
        [email, `Bench editor ${i}`, passwordHash],
      );
      const section = await client.query(
        `INSERT INTO "Section" ("issueId", position, kind, title, body, "updatedAt") VALUES ($1, $2, 'ARTICLE', $3, $4, now()) RETURNING id`,
        [issueId, i, `Article ${i}`, JSON.stringify(doc('Start'))],
      );
      seats.push({ email, issueId, sectionId: section.rows[0].id });
    }
  } finally {
    await client.end();
  }

  /** @type {number[]} */
  const times = [];
  let conflicts = 0;
  let failures = 0;
  /** @type {string | undefined} */
  let firstFailure;
  // A paragraph of a realistic length that changes on every save, as typing does.
  const filler = 'Practitioners across the region are invited to a series of CPD sessions on contextual safeguarding. ';

  await Promise.all(
    seats.map(async (seat, n) => {
      const jar = await signIn(base, seat.email, password);
      const url = `${base}/admin/issues/${seat.issueId}/sections/${seat.sectionId}`;
      let version = 1;
      for (let i = 0; i < warmup + savesPerEditor; i++) {
        const payload = { id: seat.sectionId, version, title: `Article ${n}`, body: doc(`${filler.repeat(6)} Save ${i}.`) };
        const started = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            accept: 'text/x-component',
            'content-type': 'text/plain;charset=UTF-8',
            'next-action': actionId,
            origin: base,
            cookie: cookieHeader(jar),
          },
          // React's encodeReply for [previousState, payload]: plain JSON, `undefined` as "$undefined".
          body: JSON.stringify(['$undefined', payload]),
        });
        const text = await res.text();
        const elapsed = performance.now() - started;
        const saved = /"status":"success".*?"version":(\d+)/s.exec(text);
        if (res.ok && saved) {
          version = Number(saved[1]);
          if (i >= warmup) times.push(elapsed);
        } else if (/"code":409/.test(text)) conflicts++;
        else {
          failures++;
          firstFailure ??= `HTTP ${res.status}: ${text.slice(0, 300)}`;
        }
      }
    }),
  );
  return { editors, savesPerEditor, saves: dist(times), conflicts, failures, firstFailure };
}
