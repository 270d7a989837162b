#!/usr/bin/env node
// @ts-check
// PROTOTYPE for issue 12: fetch one page from a running server, make it a static
// document (scripts/lib/static-document.mjs), check it, store it with its gzip and
// brotli variants under OUT_DIR, and print the sizes before and after.
//   node scripts/static-page-probe.mjs <url> <out-dir>
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { staticDocumentProblems, toStaticDocument, writeWithVariants } from './lib/static-document.mjs';

const [url, outDir] = process.argv.slice(2);
if (!url || !outDir) {
  console.error('usage: static-page-probe.mjs <url> <out-dir>');
  process.exit(2);
}
const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
const html = await res.text();
if (res.status !== 200) {
  console.error(`${url} answered ${res.status}; only 200 pages are stored.`);
  process.exit(1);
}
const doc = toStaticDocument(html);
const problems = staticDocumentProblems(doc);
if (problems.length) {
  console.error(`Not stored: the document ${problems.join('; ')}.`);
  process.exit(1);
}
const pathname = new URL(url).pathname;
const file = path.join(outDir, pathname === '/' ? 'index.html' : `${pathname.slice(1)}.html`);
const bytes = Buffer.from(doc);
const sizes = await writeWithVariants(file, bytes);
const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
const before = Buffer.byteLength(html);
console.log(`${pathname}`);
console.log(`  Next.js HTML: ${kb(before)} (${before} B), gzip -9 ${kb(gzipSync(html, { level: 9 }).length)}`);
console.log(`  static HTML:  ${kb(sizes.bytes)} (${sizes.bytes} B), gzip -9 ${kb(sizes.gzip)} (${sizes.gzip} B), brotli 11 ${kb(sizes.brotli)} (${sizes.brotli} B)`);
console.log(`  stored: ${file}{,.gz,.br}`);
