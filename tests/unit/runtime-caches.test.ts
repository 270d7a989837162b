import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearRuntimeCaches } from '../../scripts/lib/build.mjs';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('clearRuntimeCaches: a server never starts on another database’s cached pages', () => {
  it('removes the fetch cache and the ISR route cache, and keeps the build’s own prerendered pages', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'next-dir-'));
    const files = {
      fetch: path.join(dir, 'cache/fetch-cache/abc'),
      route: path.join(dir, 'server/route-cache/APP_PAGE/x/$/issues/october.html'),
      prerendered: path.join(dir, 'server/app/index.html'),
    };
    for (const f of Object.values(files)) {
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, 'x');
    }
    clearRuntimeCaches(dir);
    expect(existsSync(files.fetch)).toBe(false);
    expect(existsSync(files.route)).toBe(false);
    expect(existsSync(files.prerendered)).toBe(true);
    clearRuntimeCaches(dir); // nothing left to clear is fine
  });
});
