import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateMediaFolder } from '@/lib/media/migrate';
import { createMediaStorage, type MediaStorage } from '@/lib/media/storage';
import { createTestDatabase, type TestDatabase } from '../support/db';

// `npm run media:migrate`: the old media folder's files go into the storage
// (PostgreSQL here), idempotently, checked against their content hash, and the
// folder is left as it was.

const ROOT = path.resolve(import.meta.dirname, '../..');

let testDb: TestDatabase;
let storage: MediaStorage;
let dir: string;

const nameFor = (data: Buffer, ext = 'png') => `${createHash('sha256').update(data).digest('hex')}.${ext}`;

async function addFile(opts: { row?: boolean; corrupt?: boolean; ext?: string } = {}) {
  const data = randomBytes(300);
  const fileName = nameFor(data, opts.ext);
  await writeFile(path.join(dir, fileName), opts.corrupt ? Buffer.concat([data, Buffer.from('x')]) : data);
  if (opts.row !== false) {
    await testDb.prisma.media.create({ data: { fileName, mimeType: 'image/png', width: 1, height: 1, bytes: data.length, alt: 'Old file' } });
  }
  return { fileName, data };
}

async function folderSnapshot() {
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (n) => [n, createHash('sha256').update(await readFile(path.join(dir, n))).digest('hex')]));
}

function runCommand(env: Record<string, string | undefined>) {
  return spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/migrate-media.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', ...env } as NodeJS.ProcessEnv,
    timeout: 90_000,
  });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  storage = createMediaStorage(testDb.prisma, {});
  dir = await mkdtemp(path.join(os.tmpdir(), 'ru-media-migrate-'));
});

afterAll(async () => {
  await testDb?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('migrating the media folder into the storage', () => {
  it('copies every file with a row, reports counts, verifies hashes, and never touches the folder', async () => {
    const good = await Promise.all([addFile(), addFile(), addFile({ ext: 'jpg' })]);
    const corrupt = await addFile({ corrupt: true });
    const unreferenced = await addFile({ row: false });
    await writeFile(path.join(dir, '.tmp-123-abcdef'), 'half a file');
    await writeFile(path.join(dir, 'notes.txt'), 'not media');
    const before = await folderSnapshot();

    const report = await migrateMediaFolder({ dir, client: testDb.prisma, storage });
    expect(report.folderFound).toBe(true);
    expect(report.copied.sort()).toEqual(good.map((g) => g.fileName).sort());
    expect(report.corrupt).toEqual([corrupt.fileName]);
    expect(report.unreferenced).toEqual([unreferenced.fileName]);
    expect(report.ignored.sort()).toEqual(['.tmp-123-abcdef', 'notes.txt']);
    expect(report.alreadyStored).toEqual([]);
    // The corrupt file's row has no bytes anywhere: said so.
    expect(report.missing).toEqual([corrupt.fileName]);

    for (const g of good) expect((await storage.read(g.fileName))?.equals(g.data)).toBe(true);
    expect(await storage.has(corrupt.fileName)).toBe(false);
    expect(await storage.has(unreferenced.fileName)).toBe(false);
    expect(await folderSnapshot()).toEqual(before);
  });

  it('is idempotent: a second run copies nothing and changes nothing', async () => {
    const blobs = await testDb.prisma.mediaBlob.findMany({ select: { fileName: true, data: true }, orderBy: { fileName: 'asc' } });
    const report = await migrateMediaFolder({ dir, client: testDb.prisma, storage });
    expect(report.copied).toEqual([]);
    expect(report.alreadyStored).toHaveLength(3);
    expect(report.corrupt).toHaveLength(1);
    expect(await testDb.prisma.mediaBlob.findMany({ select: { fileName: true, data: true }, orderBy: { fileName: 'asc' } })).toEqual(blobs);
  });

  it('reports a missing folder as nothing to copy', async () => {
    const report = await migrateMediaFolder({ dir: path.join(dir, 'no-such-folder'), client: testDb.prisma, storage });
    expect(report).toMatchObject({ folderFound: false, copied: [], corrupt: [] });
  });

  it('as a command: prints the counts, exits 1 while a row lacks its bytes (its file corrupt), 0 once every row has them', async () => {
    const fresh = await addFile();
    const failing = runCommand({ DATABASE_URL: testDb.url, MEDIA_DIR: dir });
    expect(failing.status, failing.stderr).toBe(1);
    expect(failing.stdout).toContain(`Media folder: ${dir}`);
    expect(failing.stdout).toContain('Storage: PostgreSQL');
    expect(failing.stdout).toContain('Copied: 1');
    expect(failing.stdout).toContain('Already stored: 3');
    expect(failing.stdout).toContain('Corrupt (content does not match the name, not copied): 1');
    expect(failing.stdout).toContain('Unreferenced (no Media row, not copied): 1');
    expect(failing.stdout).toMatch(/corrupt: [a-f0-9]{64}\.png/);
    expect(await storage.has(fresh.fileName)).toBe(true);

    // The editor deletes the broken image; then the run is clean.
    const [corruptName] = (await migrateMediaFolder({ dir, client: testDb.prisma, storage })).corrupt;
    await testDb.prisma.media.delete({ where: { fileName: corruptName! } });
    const clean = runCommand({ DATABASE_URL: testDb.url, MEDIA_DIR: dir });
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toContain('Copied: 0');
    expect(clean.stdout).toContain('Corrupt (content does not match the name, not copied): 1');
    expect(clean.stdout).toContain('Media rows still without their bytes: 0');

    const unmigrated = await createTestDatabase();
    try {
      await unmigrated.prisma.$executeRawUnsafe('DROP TABLE "MediaBlob"');
      const early = runCommand({ DATABASE_URL: unmigrated.url, MEDIA_DIR: dir });
      expect(early.status).toBe(1);
      expect(early.stderr).toContain('The database has no MediaBlob table yet. Apply the migrations first');
    } finally {
      await unmigrated.drop();
    }

    const noDb = runCommand({ MEDIA_DIR: dir });
    expect(noDb.status).toBe(2);
    expect(noDb.stderr).toContain('DATABASE_URL is not set');
  });
});
