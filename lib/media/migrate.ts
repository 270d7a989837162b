import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../prisma-client';
import { isMediaFileName } from './limits';
import type { MediaStorage } from './storage-types';

// `npm run media:migrate` (docs/decisions/029-media-storage.md): copies the files of
// the old media folder (MEDIA_DIR, default <repo>/.data/media) into the configured
// storage. Idempotent: a file already stored is left as it is. Never deletes or
// changes anything in the folder. Every file's content must match the hash in its
// name; one that does not is reported and not copied.

export type MediaMigrationReport = {
  /** Copied into the storage by this run. */
  copied: string[];
  /** Already stored (an earlier run, or uploaded since). */
  alreadyStored: string[];
  /** Content does not match the hash in the name: not copied. */
  corrupt: string[];
  /** No Media row has this name (a leftover of a crash or a deleted image): not copied. */
  unreferenced: string[];
  /** Names that are not media file names (temp files, anything else): ignored. */
  ignored: string[];
  /** Media rows whose bytes are neither in the storage nor in the folder after the run. */
  missing: string[];
};

/** sha256 of the bytes, as in the file name (`<sha256>.<ext>`). */
export function contentHashMatches(fileName: string, data: Buffer): boolean {
  return createHash('sha256').update(data).digest('hex') === fileName.slice(0, 64);
}

async function listFolder(dir: string): Promise<string[] | null> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.map((e) => (e.isFile() ? e.name : `${e.name}/`)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function migrateMediaFolder(opts: { dir: string; client: Db; storage: MediaStorage }): Promise<MediaMigrationReport & { folderFound: boolean }> {
  const { dir, client, storage } = opts;
  const report: MediaMigrationReport = { copied: [], alreadyStored: [], corrupt: [], unreferenced: [], ignored: [], missing: [] };
  // Reach the storage before reading the folder, so a missing table or bucket fails at once.
  await storage.has(`${'0'.repeat(64)}.png`);
  const names = await listFolder(dir);
  for (const name of names ?? []) {
    if (!isMediaFileName(name)) {
      report.ignored.push(name);
      continue;
    }
    const data = await readFile(path.join(dir, name));
    if (!contentHashMatches(name, data)) {
      report.corrupt.push(name);
      continue;
    }
    const row = await client.media.findUnique({ where: { fileName: name }, select: { id: true } });
    if (!row) {
      report.unreferenced.push(name);
      continue;
    }
    if (await storage.has(name)) {
      report.alreadyStored.push(name);
      continue;
    }
    await storage.put(name, data);
    report.copied.push(name);
  }
  const rows = await client.media.findMany({ select: { fileName: true }, orderBy: { fileName: 'asc' } });
  for (const { fileName } of rows) {
    if (!(await storage.has(fileName))) report.missing.push(fileName);
  }
  return { ...report, folderFound: names !== null };
}

/** The command's summary, one line per count, followed by the names that need attention. */
export function formatMediaMigration(report: MediaMigrationReport & { folderFound: boolean }, dir: string, backend: string): string {
  const lines = [
    report.folderFound ? `Media folder: ${dir}` : `Media folder: ${dir} (not found: nothing to copy)`,
    `Storage: ${backend === 's3' ? 'S3 (S3_BUCKET)' : 'PostgreSQL'}`,
    `Copied: ${report.copied.length}`,
    `Already stored: ${report.alreadyStored.length}`,
    `Corrupt (content does not match the name, not copied): ${report.corrupt.length}`,
    `Unreferenced (no Media row, not copied): ${report.unreferenced.length}`,
    `Ignored (not a media file name): ${report.ignored.length}`,
    `Media rows still without their bytes: ${report.missing.length}`,
  ];
  for (const name of report.corrupt) lines.push(`  corrupt: ${name}`);
  for (const name of report.missing) lines.push(`  missing: ${name}`);
  lines.push('The folder was not changed; remove it yourself once every image is served.');
  return lines.join('\n');
}
