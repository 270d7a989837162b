import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isMediaFileName } from './limits';

// The media folder: MEDIA_DIR, or <repo>/.data/media (git-ignored). Files are
// named by content hash, written once (temp file + rename, so a reader never sees
// half a file) and never changed.

export function mediaDir(): string {
  // turbopackIgnore: a runtime folder, not something the build should trace.
  return path.resolve(/* turbopackIgnore: true */ process.env.MEDIA_DIR || path.join(/* turbopackIgnore: true */ process.cwd(), '.data', 'media'));
}

function pathFor(fileName: string): string {
  // The name check is also the path-traversal guard.
  if (!isMediaFileName(fileName)) throw new Error(`Not a media file name: ${JSON.stringify(fileName)}`);
  return path.join(/* turbopackIgnore: true */ mediaDir(), fileName);
}

/** Writes atomically; an existing file of the same (content-hashed) name is replaced by identical bytes. */
export async function writeMediaFile(fileName: string, data: Buffer): Promise<void> {
  const target = pathFor(fileName);
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.tmp-${process.pid}-${randomBytes(8).toString('hex')}`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/** The file's bytes, or null if there is no such file. */
export async function readMediaFile(fileName: string): Promise<Buffer | null> {
  if (!isMediaFileName(fileName)) return null;
  try {
    return await readFile(pathFor(fileName));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Removes the file; a missing file is not an error. */
export async function deleteMediaFile(fileName: string): Promise<void> {
  try {
    await unlink(pathFor(fileName));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
