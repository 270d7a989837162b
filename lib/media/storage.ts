import type { Db } from '../prisma-client';
import { isMediaFileName } from './limits';
import { checkedName, MediaStorageError, type MediaBackend, type MediaStorage } from './storage-types';
import { s3SettingsFrom, type Env, type S3Settings } from './s3-settings';

// Where media bytes live (docs/decisions/029-media-storage.md). Files are named by
// content hash, written once and never changed. Two backends behind one interface:
// - PostgreSQL (the default): a MediaBlob row per file, written in the same
//   transaction as its Media row and deleted with it (ON DELETE CASCADE), so a row
//   never lacks its bytes and no bytes outlive their row.
// - S3-compatible object storage when S3_BUCKET is set: the object is written before
//   the row's transaction and removed after the row is deleted (or the transaction
//   failed), so a row never points at a missing object; a crash can at worst leave an
//   unreferenced object.
// Not server-only, so the one-off `npm run media:migrate` command can use it too;
// the app reaches it through lib/data/media.ts.

export { checkedName, MediaStorageError, type MediaBackend, type MediaStorage };

/** 's3' when S3_BUCKET is set, else 'postgres'. */
export function mediaBackend(env: Env = process.env): MediaBackend {
  return env.S3_BUCKET?.trim() ? 's3' : 'postgres';
}

function postgresStorage(client: Db): MediaStorage {
  return {
    backend: 'postgres',
    async stage(fileName) {
      checkedName(fileName);
    },
    async writeInTransaction(tx, fileName, data) {
      await tx.mediaBlob.create({ data: { fileName: checkedName(fileName), data: new Uint8Array(data) }, select: { fileName: true } });
    },
    async unstage() {
      // The transaction's rollback already removed the bytes.
    },
    async read(fileName) {
      if (!isMediaFileName(fileName)) return null;
      const row = await client.mediaBlob.findUnique({ where: { fileName }, select: { data: true } });
      return row ? Buffer.from(row.data) : null;
    },
    async has(fileName) {
      if (!isMediaFileName(fileName)) return false;
      return (await client.mediaBlob.count({ where: { fileName } })) > 0;
    },
    async put(fileName, data) {
      await client.mediaBlob.createMany({ data: [{ fileName: checkedName(fileName), data: new Uint8Array(data) }], skipDuplicates: true });
    },
    async remove(fileName) {
      // Normally gone already with its Media row (ON DELETE CASCADE).
      await client.mediaBlob.deleteMany({ where: { fileName: checkedName(fileName) } });
    },
  };
}

/**
 * The storage the settings ask for. The S3 client is loaded only when S3 is
 * configured, so the default backend never loads the AWS SDK.
 */
export function createMediaStorage(client: Db, env: Env = process.env): MediaStorage {
  if (mediaBackend(env) === 'postgres') return postgresStorage(client);
  const settings: S3Settings = s3SettingsFrom(env);
  let backend: Promise<MediaStorage> | undefined;
  const s3 = () => (backend ??= import('./s3-storage').then((m) => m.s3Storage(settings)));
  return {
    backend: 's3',
    stage: async (fileName, data) => (await s3()).stage(fileName, data),
    writeInTransaction: async (tx, fileName, data) => (await s3()).writeInTransaction(tx, fileName, data),
    unstage: async (fileName) => (await s3()).unstage(fileName),
    read: async (fileName) => (isMediaFileName(fileName) ? (await s3()).read(fileName) : null),
    has: async (fileName) => (isMediaFileName(fileName) ? (await s3()).has(fileName) : false),
    put: async (fileName, data) => (await s3()).put(fileName, data),
    remove: async (fileName) => (await s3()).remove(fileName),
  };
}
