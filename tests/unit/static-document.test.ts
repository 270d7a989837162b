import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { staticDocumentProblems, toStaticDocument, writeWithVariants } from '../../scripts/lib/static-document.mjs';

// The shape of a page as Next.js 16 renders it (head with chunk scripts and a preload,
// the streaming-metadata outlet, Suspense markers, the inline RSC payload at the end).
const nextPage = [
  '<!DOCTYPE html><html lang="en-GB"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/abc.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/runtime.js"/>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  '<title>October 2025 – Regional Update</title><meta name="description" content="A &lt;b&gt; summary"/>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script></head>',
  '<body><div hidden=""><!--$--><!--/$--></div><main><h1>October 2025</h1>',
  '<p>Text with &lt;script&gt; in it</p><a href="/issues/june-2024">June</a><!--$--><!--/$--></main>',
  '<script id="_R_">(globalThis.TURBOPACK = []).push({})</script>',
  '<script>self.__next_f.push([1,"\\u003c/script\\u003e payload"])</script></body></html>',
].join('');

describe('toStaticDocument: a Next.js page without its client runtime', () => {
  const doc = toStaticDocument(nextPage);

  it('drops every script, the script preload and the empty streaming placeholders', () => {
    expect(doc).not.toMatch(/<script\b/);
    expect(doc).not.toContain('as="script"');
    expect(doc).not.toContain('<div hidden=""');
    expect(doc).not.toContain('<!--$-->');
  });

  it('keeps the document: stylesheet and metadata in head, content and escaped text as they were', () => {
    expect(doc).toContain('<link rel="stylesheet" href="/_next/static/chunks/abc.css"');
    expect(doc).toContain('<title>October 2025 – Regional Update</title>');
    expect(doc).toContain('<p>Text with &lt;script&gt; in it</p><a href="/issues/june-2024">June</a>');
    expect(staticDocumentProblems(doc)).toEqual([]);
  });

  it('keeps the enhancement script, exactly as the public layout writes it, and no look-alike', () => {
    const enhanced = nextPage.replace('</main>', '</main><script src="/enhance.js" defer=""></script><script src="/enhance.js?x" defer=""></script>');
    const out = toStaticDocument(enhanced);
    expect([...out.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script src="/enhance.js" defer="">']);
    expect(staticDocumentProblems(out)).toEqual([]);
    expect(staticDocumentProblems(out.replace('</main>', '</main><script src="/enhance.js"></script>'))).toContain('contains a <script> element');
  });
});

describe('staticDocumentProblems: what must never be stored', () => {
  const good = toStaticDocument(nextPage);

  it.each([
    ['a script left behind', good.replace('<main>', '<main><script src="/x.js"></script>'), 'a <script> element'],
    ['a streamed Suspense boundary', good.replace('<main>', '<main><template id="B:0"></template><!--$?-->'), '<template>'],
    ['a client-rendered boundary', good.replace('<main>', '<main><!--$!-->'), 'pending or client-rendered'],
    ['metadata streamed into the body', good.replace(/<title>.*?<\/title>/, '').replace('<main>', '<main><title>x</title>'), 'no <title> in <head>'],
    ['a page cut short', good.slice(0, -20), 'cut short'],
    ['a server-action form', good.replace('<main>', '<main><form action="javascript:throw 1">'), 'server action'],
  ])('flags %s', (_name, html, problem) => {
    expect(staticDocumentProblems(html).join('; ')).toContain(problem);
  });
});

describe('writeWithVariants: stored with gzip and brotli, by temp file and rename', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the page and both variants, which decompress to the same bytes, and leaves no temp file', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'static-doc-'));
    const file = path.join(dir, 'issues', 'october-2025.html');
    const bytes = Buffer.from(toStaticDocument(nextPage));
    const sizes = await writeWithVariants(file, bytes);
    expect(await readFile(file)).toEqual(bytes);
    expect(gunzipSync(await readFile(`${file}.gz`))).toEqual(bytes);
    expect(brotliDecompressSync(await readFile(`${file}.br`))).toEqual(bytes);
    expect(sizes.bytes).toBe(bytes.length);
    expect((await readdir(path.dirname(file))).sort()).toEqual(['october-2025.html', 'october-2025.html.br', 'october-2025.html.gz']);
  });

  it('keeps the previous page when writing fails, and cleans up its temp file', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'static-doc-'));
    const file = path.join(dir, 'page.html');
    await writeFile(file, 'previous page');
    // A folder where the .br variant goes makes that rename fail (EISDIR/ENOTEMPTY).
    await mkdir(`${file}.br`);
    await writeFile(path.join(`${file}.br`, 'occupied'), '');
    await expect(writeWithVariants(file, Buffer.from('new page'))).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('previous page');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
