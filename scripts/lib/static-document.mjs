// @ts-check
// docs/decisions/025-static-public-pages.md. Turns a page that Next.js rendered into a document that needs no JavaScript:
// its <script> elements (the client runtime and the inline React Server Components
// payload), the preloads for them and React's empty streaming placeholders go; the
// rest is React's own markup, unchanged. Then proves that what is left is complete
// (no script, no unresolved Suspense boundary, title and stylesheet in <head>)
// before anything is stored, and writes it with gzip and brotli variants, each by
// temp file + rename so a reader never sees half a file.
//
// Regular expressions are sound here only because the input is React's output:
// React escapes "<" in text and attribute values, and Next.js escapes "</" inside
// its inline scripts, so "<script" and "</script>" only ever occur as real tags.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip as gzipCallback } from 'node:zlib';

const gzipAsync = promisify(gzipCallback);
const brotliAsync = promisify(brotliCompress);

/** The one script a stored page keeps: optional enhancements (public/enhance.js), same origin. */
const ENHANCEMENT = /<script src="\/enhance\.js" defer=""><\/script>/g;
const ENHANCEMENT_TAG = '<script src="/enhance.js" defer=""></script>';

const STRIP = [
  // Every other script: the RSC payload (self.__next_f.push), the bootstrap and chunk loaders.
  /<script\b[^>]*>[\s\S]*?<\/script>/gi,
  // Preloads of those scripts.
  /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="script")[^>]*\/?>/gi,
  /<link\b(?=[^>]*\brel="modulepreload")[^>]*\/?>/gi,
  // The outlet streamed metadata would fill; empty when metadata is in <head>.
  /<div hidden=""><!--\$--><!--\/\$--><\/div>/g,
  // React's markers of completed Suspense boundaries, needed only for hydration.
  /<!--\/?\$-->/g,
];

/** Problems that make a document unsafe to store; none may remain after stripping. */
const MUST_NOT_CONTAIN = [
  [/<script\b/i, 'a <script> element'],
  [/<link\b[^>]*\bas="script"/i, 'a script preload'],
  [/<template\b/i, 'a <template> (a streamed Suspense boundary)'],
  [/<!--\$[?!]-->/, 'a pending or client-rendered Suspense boundary'],
  [/\bhref="javascript:/i, 'a javascript: link'],
  [/\baction="javascript:/i, 'a form that needs JavaScript (server action)'],
];

/** @param {string} html Next.js output for one page @returns {string} */
export function toStaticDocument(html) {
  let out = html;
  for (const re of STRIP) out = out.replace(re, (m) => (m === ENHANCEMENT_TAG ? m : ''));
  return out;
}

/** @param {string} html @returns {string[]} reasons the document must not be stored */
export function staticDocumentProblems(html) {
  const problems = [];
  const withoutEnhancement = html.replace(ENHANCEMENT, '');
  for (const [re, what] of MUST_NOT_CONTAIN) if (/** @type {RegExp} */ (re).test(withoutEnhancement)) problems.push(`contains ${what}`);
  const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1];
  if (!html.startsWith('<!DOCTYPE html>')) problems.push('does not start with <!DOCTYPE html>');
  if (!head) problems.push('has no <head>');
  else {
    if (!/<title>[^<]+<\/title>/.test(head)) problems.push('has no <title> in <head> (streamed metadata?)');
    if (!/<link rel="stylesheet" href="[^"]+"/.test(head)) problems.push('has no stylesheet in <head>');
  }
  if (!/<\/body><\/html>$/.test(html)) problems.push('does not end with </body></html> (cut short?)');
  return problems;
}

/**
 * gzip 9 and brotli 11 of a page. Asynchronous on purpose: brotli 11 costs tens of
 * milliseconds per page, which on the server's event loop would hold up every answer
 * while a batch is stored; zlib's async API runs it on the thread pool.
 * @param {Buffer} bytes
 */
export async function compressVariants(bytes) {
  const [gzip, brotli] = await Promise.all([
    gzipAsync(bytes, { level: 9 }),
    brotliAsync(bytes, {
      params: {
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  ]);
  return { gzip, brotli };
}

/**
 * Writes `file`, `file.gz` and `file.br`, each to a temp file in the same folder and
 * renamed over the old one (rename is atomic on one filesystem). Each file switches
 * atomically, the three together do not: the plan (generation folders switched by one
 * symlink rename) makes a whole regeneration switch at once.
 * @param {string} file @param {Buffer} bytes
 */
export async function writeWithVariants(file, bytes) {
  const { gzip, brotli } = await compressVariants(bytes);
  await mkdir(path.dirname(file), { recursive: true });
  for (const [target, data] of /** @type {const} */ ([
    [`${file}.br`, brotli],
    [`${file}.gz`, gzip],
    [file, bytes],
  ])) {
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, data, { flag: 'wx' });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
  return { bytes: bytes.length, gzip: gzip.length, brotli: brotli.length };
}
