import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADVISORIES, checkInstalled, isPatched, unpatched } from '../../scripts/check-next-version.mjs';

// The security floor `npm run lint` enforces (scripts/check-next-version.mjs, decision 014).

const byId = (pkg: string, id: string) => ADVISORIES.find((a) => a.pkg === pkg && a.id.includes(id))!;
const dirs: string[] = [];

/** A fake project root with the given packages installed at the given versions. */
function project(versions: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), 'next-floor-'));
  dirs.push(root);
  for (const [pkg, version] of Object.entries(versions)) {
    mkdirSync(path.join(root, 'node_modules', pkg), { recursive: true });
    writeFileSync(path.join(root, 'node_modules', pkg, 'package.json'), JSON.stringify({ name: pkg, version }));
  }
  return root;
}

function run(root: string) {
  const out: string[] = [];
  const code = checkInstalled(root, (m: string) => out.push(m), (m: string) => out.push(m));
  return { code, out: out.join('\n') };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('isPatched', () => {
  it.each([
    ['15.2.2', 'CVE-2025-29927'],
    ['14.2.24', 'CVE-2025-29927'],
    ['15.1.7', 'CVE-2025-29927'], // a line the fix was never backported to
    ['11.1.4', 'CVE-2025-29927'],
    ['16.0.6', 'CVE-2025-55182'],
    ['15.5.6', 'CVE-2025-55182'],
    ['16.0.9', 'CVE-2025-67779'],
    ['16.1.0', 'CVE-2026-23869'],
    ['16.2.10', 'July 2026'],
    ['16.3.2', 'August 2026'],
    ['16.0.7-canary.3', 'CVE-2025-55182'],
    ['not-a-version', 'CVE-2025-29927'],
  ])('next %s is not patched for %s', (version, id) => {
    expect(isPatched(version, byId('next', id))).toBe(false);
  });

  it.each([
    ['15.2.3', 'CVE-2025-29927'],
    ['13.5.9', 'CVE-2025-29927'],
    ['15.3.0', 'CVE-2025-29927'],
    ['16.0.7', 'CVE-2025-55182'],
    ['16.3.3', 'August 2026'],
    ['16.4.6', 'August 2026'],
    ['16.5.0-canary.1', 'August 2026'],
  ])('next %s is patched for %s', (version, id) => {
    expect(isPatched(version, byId('next', id))).toBe(true);
  });

  it('every listed fix passes and the release just before it fails', () => {
    for (const a of ADVISORIES) {
      for (const fixed of a.fixed) {
        expect(isPatched(fixed, a), `${a.pkg} ${fixed} ${a.id}`).toBe(true);
        const [major, minor, patch] = fixed.split('.').map(Number) as [number, number, number];
        const before = patch > 0 ? `${major}.${minor}.${patch - 1}` : null;
        if (before) expect(isPatched(before, a), `${a.pkg} ${before} ${a.id}`).toBe(false);
      }
    }
  });

  it('names the React advisories for react, react-dom and the react-server-dom packages', () => {
    for (const pkg of ['react', 'react-dom', 'react-server-dom-webpack', 'react-server-dom-turbopack']) {
      expect(unpatched(pkg, '19.2.0').map((a) => a.id)).toContain('CVE-2025-55182');
      expect(unpatched(pkg, '19.2.8')).toEqual([]);
    }
  });
});

describe('checkInstalled', () => {
  it('passes with what this project has installed, printing the versions', () => {
    const { code, out } = run(process.cwd());
    expect(out).toMatch(/next 16\.\d+\.\d+\S*: patched/);
    expect(out).toMatch(/React bundled with next 19\.\S+: patched/);
    expect(code).toBe(0);
  });

  it('fails for a Next.js below the CVE-2025-29927 fix and says what to upgrade to', () => {
    const { code, out } = run(project({ next: '15.2.2', react: '19.2.8' }));
    expect(code).toBe(1);
    expect(out).toMatch(/next 15\.2\.2: BELOW the security floor/);
    expect(out).toMatch(/CVE-2025-29927.*15\.2\.3/);
  });

  it('fails for a vulnerable react-server-dom package even when next is patched', () => {
    const { code, out } = run(project({ next: '16.4.6', 'react-server-dom-webpack': '19.2.0' }));
    expect(code).toBe(1);
    expect(out).toMatch(/react-server-dom-webpack 19\.2\.0: BELOW/);
  });

  it('fails when next is not installed at all', () => {
    expect(run(project({ react: '19.2.8' })).code).toBe(1);
  });
});
