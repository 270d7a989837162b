import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { checkedName, type MediaStorage } from './storage-types';
import type { S3Settings } from './s3-settings';

// The S3-compatible backend (docs/decisions/029-media-storage.md): one object per
// file, its key the content-hash file name. Loaded by lib/media/storage.ts only when
// S3_BUCKET is set.

const CONTENT_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata?.httpStatusCode === 404);
}

export function s3Storage(settings: S3Settings): MediaStorage {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    // S3-compatible stores do not all accept the newer default checksums; S3 needs none for these calls.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = settings.bucket;

  async function put(fileName: string, data: Buffer) {
    const Key = checkedName(fileName);
    await client.send(new PutObjectCommand({ Bucket, Key, Body: data, ContentType: CONTENT_TYPES[Key.split('.')[1]!], CacheControl: 'public, max-age=31536000, immutable' }));
  }
  async function remove(fileName: string) {
    // Deleting a missing key succeeds in S3.
    await client.send(new DeleteObjectCommand({ Bucket, Key: checkedName(fileName) }));
  }

  return {
    backend: 's3',
    stage: put,
    async writeInTransaction() {
      // Already written by stage().
    },
    unstage: remove,
    async read(fileName) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: checkedName(fileName) }));
        return res.Body ? Buffer.from(await res.Body.transformToByteArray()) : null;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async has(fileName) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: checkedName(fileName) }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    put,
    remove,
  };
}
