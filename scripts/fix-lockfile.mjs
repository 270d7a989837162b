#!/usr/bin/env node
// @ts-check
// The npm registry reachable here serves only this machine's platform builds of
// native packages (@next/swc-darwin-arm64 and friends answer 404), so `npm install`
// leaves them out of package-lock.json and `npm ci` then refuses the lock as "out of
// sync". This adds the missing optional platform packages as platform-tagged
// entries, exactly as a lock written on a machine with full registry access would
// hold them (minus integrity, which npm only needs for packages it downloads; npm
// skips these on any other platform). Run it after `npm install` (`npm run lock:fix`);
// it is idempotent. `--check` only reports, and fails if entries are missing (lint runs it).
// docs/decisions/003-environment-constraints.md
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const file = path.resolve(import.meta.dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

/** @param {string} name */
function platformOf(name) {
  const tail = name.split('/').pop() ?? '';
  const parts = tail.split('-');
  const os = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'].find((o) => parts.includes(o));
  const cpu = ['arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32', 'arm', 'mips64el'].find((c) => parts.includes(c));
  const libc = parts.some((p) => p.startsWith('musl')) ? 'musl' : parts.some((p) => p.startsWith('gnu')) ? 'glibc' : undefined;
  return { os, cpu, libc };
}

/** Is `dep` resolvable from the package at `location` (walking up node_modules)? @param {string} location @param {string} dep */
function resolvable(location, dep) {
  let dir = location;
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${dep}`]) return true;
    if (!dir) return false;
    const idx = dir.lastIndexOf('/node_modules/');
    dir = idx === -1 ? '' : dir.slice(0, idx);
  }
}

let added = 0;
for (const [location, pkg] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (resolvable(location, dep)) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) continue; // not a platform build: leave npm's decision alone
    const version = String(spec).replace(/^[\^~=v]/, '');
    packages[`node_modules/${dep}`] = {
      version,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
    };
    added++;
  }
}

const check = process.argv.includes('--check');
if (check) {
  if (added) {
    console.error(`package-lock.json lacks ${added} platform package entries; \`npm ci\` would fail. Run: npm run lock:fix`);
    process.exit(1);
  }
  process.exit(0);
}
if (added) {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(`fix-lockfile: added ${added} platform package entr${added === 1 ? 'y' : 'ies'}.`);
