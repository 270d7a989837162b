// @ts-check
// The stored public pages (docs/decisions/025-static-public-pages.md), as immutable
// generation folders under one root:
//   <root>/gen-<ms>-<hex>/index.html{,.gz,.br}, issues/<slug>.html{,.gz,.br}, …, manifest.json
//   <root>/current -> gen-…            (switched by renaming a new symlink over it)
// A commit copies nothing: pages it does not re-render are hard links into the previous
// generation (same inode, so same mtime and ETag), re-rendered ones are new files. The
// switch is one rename, so readers see the old set or the new set, never a mix, and a
// crash before it leaves the old set current. sirv (dev: false) caches file sizes when
// it starts, which is why files are never changed in place (see fast-path.mjs).
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { compressVariants } from '../static-document.mjs';

/** The public pages that may be stored: nothing else (no /admin, no /preview) can be a path. */
export const PUBLIC_PAGE = /^\/(?:issues(?:\/[a-z0-9-]{1,200})?|events(?:\/past|\/[a-z0-9-]{1,200})?)?$/;
const VARIANTS = /** @type {const} */ (['', '.gz', '.br']);
/**
 * The not-found document's key in a generation: never a request path (PUBLIC_PAGE does
 * not match it), served only in place of Next's own 404 page (fast-path.mjs).
 */
export const NOT_FOUND = '/404';

/** @param {string} pagePath */
export function fileFor(pagePath) {
  if (pagePath === NOT_FOUND) return '404.html';
  if (!PUBLIC_PAGE.test(pagePath)) throw new Error(`Not a public page path: ${pagePath}`);
  return pagePath === '/' ? 'index.html' : `${pagePath.slice(1)}.html`;
}

/** Links from a stored page to other storable pages: what to re-render when those change or go. @param {Buffer} bytes */
export function linksIn(bytes) {
  const links = new Set();
  for (const m of bytes.toString('utf8').matchAll(/href="(\/(?:issues|events)\/[a-z0-9-]{1,200})"/g)) links.add(m[1]);
  return [...links].sort();
}

/** @typedef {{ sha256: string, bytes: number, gzip: number, brotli: number, renderedAt: string, links: string[] }} PageEntry */
/** @typedef {{ buildId: string, committedAt: string, pages: Record<string, PageEntry> }} Manifest */

/** Writes one file durably; 'wx' because a generation's files are only ever created. @param {string} file @param {Buffer} data */
async function createFile(file, data) {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** @param {string} root */
export async function openStore(root) {
  await fs.mkdir(root, { recursive: true });
  const currentLink = path.join(root, 'current');

  /** @returns {{ dir: string, manifest: Manifest } | null} */
  function current() {
    try {
      const dir = path.join(root, readlinkSync(currentLink));
      return { dir, manifest: JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) };
    } catch {
      return null;
    }
  }

  /**
   * A new generation: the current one with `put` pages (re)written and `remove` pages left
   * out. Pages of a different build are dropped (they link that build's CSS). `full`: the
   * `put` pages are the whole set, every other stored page is dropped.
   * @param {{ put: Map<string, Buffer>, remove: Iterable<string>, buildId: string, full?: boolean }} change
   * @param {{ create?: (file: string, data: Buffer) => Promise<void> }} [io] for tests: fail part-way
   */
  async function commit({ put, remove, buildId, full = false }, { create = createFile } = {}) {
    const previous = current();
    /** @type {Record<string, PageEntry>} */
    const pages = previous && previous.manifest.buildId === buildId ? { ...previous.manifest.pages } : {};
    for (const p of remove) delete pages[p];
    if (full) for (const p of Object.keys(pages)) if (!put.has(p)) delete pages[p];
    const name = `gen-${Date.now()}-${randomBytes(4).toString('hex')}`;
    const dir = path.join(root, name);
    await fs.mkdir(dir);
    try {
      /** @type {Map<string, Buffer>} */
      const write = new Map();
      for (const [p, bytes] of put) {
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        if (pages[p]?.sha256 === sha256) continue; // same bytes: keep the old inode and ETag
        write.set(p, bytes);
        pages[p] = { sha256, bytes: bytes.length, gzip: 0, brotli: 0, renderedAt: new Date().toISOString(), links: linksIn(bytes) };
      }
      for (const p of Object.keys(pages)) {
        if (write.has(p) || !previous) continue;
        const file = fileFor(p);
        await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        for (const v of VARIANTS) await fs.link(path.join(previous.dir, file + v), path.join(dir, file + v));
      }
      for (const [p, bytes] of write) {
        const file = path.join(dir, fileFor(p));
        const { gzip, brotli } = await compressVariants(bytes);
        await fs.mkdir(path.dirname(file), { recursive: true });
        await create(file, bytes);
        await create(`${file}.gz`, gzip);
        await create(`${file}.br`, brotli);
        Object.assign(/** @type {PageEntry} */ (pages[p]), { gzip: gzip.length, brotli: brotli.length });
      }
      /** @type {Manifest} */
      const manifest = { buildId, committedAt: new Date().toISOString(), pages };
      await createFile(path.join(dir, 'manifest.json'), Buffer.from(JSON.stringify(manifest)));
      const temp = path.join(root, `current.${randomBytes(4).toString('hex')}`);
      await fs.symlink(name, temp);
      await fs.rename(temp, currentLink);
      return { dir, manifest, written: [...write.keys()] };
    } catch (error) {
      await fs.rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Deletes generations other than the current one that are older than `graceMs`. */
  async function prune(graceMs = 120_000) {
    const keep = current()?.dir;
    for (const entry of await fs.readdir(root)) {
      const m = /^gen-(\d+)-/.exec(entry);
      const dir = path.join(root, entry);
      if (!m || dir === keep || Date.now() - Number(m[1]) < graceMs) continue;
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  /** Stored pages that link to any of `paths` (they show its title, or a link that must go). @param {string[]} paths */
  function linkingTo(paths) {
    const wanted = new Set(paths);
    const pages = current()?.manifest.pages ?? {};
    return Object.keys(pages).filter((p) => (pages[p]?.links ?? []).some((l) => wanted.has(l)));
  }

  return { root, current, commit, prune, linkingTo };
}
