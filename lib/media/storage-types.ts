import type { Prisma } from '../generated/prisma/client';
import { isMediaFileName } from './limits';

// The interface both media backends implement (lib/media/storage.ts).

export type MediaBackend = 'postgres' | 's3';

type Tx = Prisma.TransactionClient;

export interface MediaStorage {
  readonly backend: MediaBackend;
  /** Before the Media row's transaction: S3 uploads the object; PostgreSQL has nothing to do yet. */
  stage(fileName: string, data: Buffer): Promise<void>;
  /** Inside the Media row's transaction, after the row is created: PostgreSQL writes the bytes. */
  writeInTransaction(tx: Tx, fileName: string, data: Buffer): Promise<void>;
  /** The transaction failed and no row has this name: S3 removes the staged object. */
  unstage(fileName: string): Promise<void>;
  /** The file's bytes, or null if there are none (or the name is not a media file name). */
  read(fileName: string): Promise<Buffer | null>;
  /** Whether the bytes are stored. */
  has(fileName: string): Promise<boolean>;
  /** Stores the bytes for an existing Media row outside an upload (the migrate command); idempotent. */
  put(fileName: string, data: Buffer): Promise<void>;
  /** After the Media row is deleted: removes the bytes; missing bytes are not an error. */
  remove(fileName: string): Promise<void>;
}

export class MediaStorageError extends Error {}

export function checkedName(fileName: string): string {
  // The name check is also the guard against odd keys in either backend.
  if (!isMediaFileName(fileName)) throw new MediaStorageError(`Not a media file name: ${JSON.stringify(fileName)}`);
  return fileName;
}
