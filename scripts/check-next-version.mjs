#!/usr/bin/env node
// The security floor for Next.js and React (decision 014). `npm audit` cannot reach
// an advisory service here, so `npm run lint` (and so CI) runs this instead: it
// prints the installed versions and fails if any is below the patched release of
// an advisory in the table. Add a row when a new advisory is published.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

/**
 * `fixed`: the first patched release of each release line. A version is patched if
 * its own major.minor line has a listed fix it has reached, or if it is at or above
 * the highest listed fix (a line released later). A line with no listed fix that is
 * below the highest one counts as unpatched: stricter than some advisories, never looser.
 */
export const ADVISORIES = [
  // Next.js
  { pkg: 'next', id: 'CVE-2025-29927', what: 'middleware authorisation bypass (x-middleware-subrequest)', fixed: ['12.3.5', '13.5.9', '14.2.25', '15.2.3'] },
  { pkg: 'next', id: 'CVE-2025-66478 / CVE-2025-55182', what: 'React Server Components remote code execution ("React2Shell")', fixed: ['15.0.5', '15.1.9', '15.2.6', '15.3.6', '15.4.8', '15.5.7', '16.0.7'] },
  { pkg: 'next', id: 'CVE-2025-55184 / CVE-2025-67779', what: 'Server Components denial of service (and its incomplete first fix)', fixed: ['14.2.35', '15.0.7', '15.1.11', '15.2.8', '15.3.8', '15.4.10', '15.5.9', '16.0.10'] },
  { pkg: 'next', id: 'CVE-2025-55183', what: 'Server Action source code exposure', fixed: ['15.0.7', '15.1.11', '15.2.8', '15.3.8', '15.4.10', '15.5.9', '16.0.10'] },
  { pkg: 'next', id: 'CVE-2026-23864', what: 'Server Components deserialisation denial of service', fixed: ['15.0.8', '15.2.9', '15.4.11', '15.5.10', '16.1.5'] },
  { pkg: 'next', id: 'CVE-2026-23869', what: 'Server Function denial of service (CPU)', fixed: ['15.5.15', '16.2.3'] },
  { pkg: 'next', id: 'CVE-2026-23870 / CVE-2026-44578', what: 'Server Components denial of service; WebSocket upgrade SSRF', fixed: ['15.5.16', '16.2.5'] },
  { pkg: 'next', id: 'May 2026 release (CVE-2026-44575, CVE-2026-45109 …)', what: '13 advisories: middleware/proxy bypass, SSRF, cache poisoning, CSP-nonce XSS, DoS', fixed: ['15.5.18', '16.2.6'] },
  { pkg: 'next', id: 'July 2026 release (CVE-2026-64641, CVE-2026-64642 …)', what: 'App Router DoS, authentication and proxy bypass, SSRF, cache poisoning', fixed: ['15.5.21', '16.2.11'] },
  { pkg: 'next', id: 'August 2026 release (CVE-2026-75604, GHSA-2xp9-vwfh-vxw4)', what: 'remote code execution: image optimisation of AVIF; Windows-hosted servers', fixed: ['15.5.24', '16.3.3'] },
  // React's Server Components packages (and React itself, which ships in step with them)
  ...['react', 'react-dom', 'react-server-dom-webpack', 'react-server-dom-turbopack', 'react-server-dom-parcel'].flatMap((pkg) => [
    { pkg, id: 'CVE-2025-55182', what: 'Server Components remote code execution', fixed: ['19.0.1', '19.1.2', '19.2.1'] },
    { pkg, id: 'CVE-2025-55184 / CVE-2025-55183 / CVE-2025-67779', what: 'Server Components DoS and source exposure', fixed: ['19.0.3', '19.1.4', '19.2.3'] },
    { pkg, id: 'CVE-2026-23864', what: 'Server Components deserialisation DoS', fixed: ['19.0.4', '19.1.5', '19.2.4'] },
    { pkg, id: 'CVE-2026-44907', what: 'Server Function DoS (CPU, memory)', fixed: ['19.2.8'] },
  ]),
];

const line = (v) => `${semver.major(v)}.${semver.minor(v)}`;

/** True if `version` has the fix for `advisory` (see ADVISORIES). React 19 before 19.0 and Next before 12 are never patched. */
export function isPatched(version, advisory) {
  const v = semver.valid(version);
  if (!v) return false;
  const sameLine = advisory.fixed.find((f) => line(f) === line(v));
  if (sameLine) return semver.gte(v, sameLine);
  const highest = advisory.fixed.reduce((a, b) => (semver.gt(a, b) ? a : b));
  // A later line carries the fix; a prerelease of it (a canary) counts as that line.
  return semver.gt(v, highest) && semver.gt(`${line(v)}.0`, highest);
}

/** The advisories a package at `version` is still exposed to. */
export function unpatched(pkg, version) {
  return ADVISORIES.filter((a) => a.pkg === pkg && !isPatched(version, a));
}

function installedVersion(root, pkg) {
  const file = path.join(root, 'node_modules', pkg, 'package.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')).version ?? null;
}

/**
 * Next.js renders Server Components with its own vendored React and
 * react-server-dom-* (next/dist/compiled), whose package.json carries no version;
 * the React build states it. Checked against the react-server-dom rows.
 */
function bundledReactVersion(root) {
  const file = path.join(root, 'node_modules/next/dist/compiled/react/cjs/react.production.js');
  if (!existsSync(file)) return null;
  return /exports\.version = "([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1] ?? null;
}

/** Checks every package of the table that is installed under `root`; returns the exit code. */
export function checkInstalled(root, log = console.log, error = console.error) {
  const packages = [...new Set(ADVISORIES.map((a) => a.pkg))];
  let failures = 0;
  for (const pkg of packages) {
    const version = installedVersion(root, pkg);
    if (version === null) {
      if (pkg === 'next') {
        error('check-next-version: next is not installed (run npm ci)');
        return 1;
      }
      continue;
    }
    const open = unpatched(pkg, version);
    log(`check-next-version: ${pkg} ${version}: ${open.length ? 'BELOW the security floor' : 'patched'}`);
    for (const a of open) {
      failures++;
      error(`  ${a.id}: ${a.what}; upgrade to ${a.fixed.join(', ')} or later`);
    }
  }
  const bundled = bundledReactVersion(root);
  if (bundled) {
    const open = unpatched('react-server-dom-webpack', bundled);
    log(`check-next-version: React bundled with next ${bundled}: ${open.length ? 'BELOW the security floor' : 'patched'}`);
    for (const a of open) {
      failures++;
      error(`  ${a.id}: ${a.what}; needs React ${a.fixed.join(', ')} or later (upgrade next)`);
    }
  }
  return failures ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = checkInstalled(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
}
