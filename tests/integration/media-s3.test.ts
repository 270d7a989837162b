import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { migrateMediaFolder } from '@/lib/media/migrate';
import { S3SettingsError, s3SettingsFrom } from '@/lib/media/s3-settings';
import { createMediaStorage, type MediaStorage } from '@/lib/media/storage';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makePng } from '../fixtures/media/images';

// The S3 media backend against s3rver, a small local S3-compatible server (no real
// S3 is reachable here; docs/decisions/029-media-storage.md says what that leaves
// untested).

const failAudit = vi.hoisted(() => ({ on: false }));
vi.mock('@/lib/audit', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/audit')>();
  return {
    ...original,
    audit: (async (...args: Parameters<typeof original.audit>) => {
      if (failAudit.on) throw new Error('audit table unavailable');
      return original.audit(...args);
    }) as typeof original.audit,
  };
});

const { deleteMedia, uploadMedia } = await import('@/lib/data/media');
const { GET } = await import('@/app/media/[file]/route');

let testDb: TestDatabase;
let server: S3rver;
let s3Dir: string;
let env: Record<string, string>;
let storage: MediaStorage;
let editor: Actor;

const BUCKET = 'bulletin-media';
const S3_KEYS = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'];

function blob() {
  const data = randomBytes(256);
  return { data, fileName: `${createHash('sha256').update(data).digest('hex')}.webp` };
}

const get = (name: string) => GET(new Request(`http://localhost/media/${name}`), { params: Promise.resolve({ file: name }) });

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  delete process.env.MEDIA_DIR;
  s3Dir = await mkdtemp(path.join(os.tmpdir(), 'ru-media-s3-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await server.run();
  env = {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'eu-west-2',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  };
  Object.assign(process.env, env);
  storage = createMediaStorage(testDb.prisma, env);
  editor = await testDb.prisma.user.create({ data: { email: 'editor@media-s3.test', name: 'Editor', role: 'EDITOR' }, select: { id: true, role: true, active: true } });
});

afterAll(async () => {
  for (const key of S3_KEYS) delete process.env[key];
  await server?.close();
  await testDb?.drop();
  if (s3Dir) await rm(s3Dir, { recursive: true, force: true });
});

describe('S3 settings', () => {
  it('reads the settings and names the one that is wrong', () => {
    expect(s3SettingsFrom({ S3_BUCKET: 'b' })).toEqual({ bucket: 'b', region: 'us-east-1', endpoint: undefined, forcePathStyle: false, credentials: undefined });
    expect(s3SettingsFrom(env)).toMatchObject({ bucket: BUCKET, region: 'eu-west-2', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    expect(() => s3SettingsFrom({ S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT must/);
    expect(() => s3SettingsFrom({ S3_BUCKET: 'b', S3_ENDPOINT: 'ftp://minio' })).toThrow(/S3_ENDPOINT must start with/);
    expect(() => s3SettingsFrom({ S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE must be true or false/);
    expect(() => s3SettingsFrom({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow(S3SettingsError);
    expect(() => createMediaStorage(testDb.prisma, { S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'maybe' })).toThrow(/S3_FORCE_PATH_STYLE/);
  });
});

describe('the S3 media storage', () => {
  it('puts, reads, checks and removes objects; missing ones read as null', async () => {
    expect(storage.backend).toBe('s3');
    const { data, fileName } = blob();
    expect(await storage.read(fileName)).toBeNull();
    expect(await storage.has(fileName)).toBe(false);
    await storage.stage(fileName, data);
    expect(await storage.has(fileName)).toBe(true);
    expect((await storage.read(fileName))?.equals(data)).toBe(true);
    await storage.put(fileName, data); // idempotent
    await storage.remove(fileName);
    expect(await storage.read(fileName)).toBeNull();
    await storage.remove(fileName); // missing is not an error
    expect(await storage.read('../../etc/passwd')).toBeNull();
    await expect(storage.put('x.png', data)).rejects.toThrow(/Not a media file name/);
  });

  it('uploads through uploadMedia, serves through the route, deletes through deleteMedia; no bytes in PostgreSQL', async () => {
    const media = await uploadMedia(editor, { file: { name: 'x.png', bytes: await makePng(21, 13) }, alt: 'Kept in S3' });
    expect(await testDb.prisma.mediaBlob.count()).toBe(0);
    expect(await storage.has(media.fileName)).toBe(true);

    const res = await get(media.fileName);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(media.fileName.slice(0, 64));

    await deleteMedia(editor, media.id);
    expect(await storage.has(media.fileName)).toBe(false);
    expect((await get(media.fileName)).status).toBe(404);
  });

  it('removes the staged object when the upload transaction fails', async () => {
    const png = await makePng(23, 11);
    failAudit.on = true;
    try {
      await expect(uploadMedia(editor, { file: { name: 'x.png', bytes: png }, alt: 'Rolled back' })).rejects.toThrow('audit table unavailable');
    } finally {
      failAudit.on = false;
    }
    const media = await uploadMedia(editor, { file: { name: 'x.png', bytes: png }, alt: 'Second try' });
    await deleteMedia(editor, media.id);
    // Same content, same key: after the failed try and the deleted second one, nothing is left.
    expect(await storage.has(media.fileName)).toBe(false);
    failAudit.on = true;
    try {
      await expect(uploadMedia(editor, { file: { name: 'x.png', bytes: png }, alt: 'Rolled back again' })).rejects.toThrow();
    } finally {
      failAudit.on = false;
    }
    expect(await storage.has(media.fileName)).toBe(false);
  });

  it('takes the old media folder’s files through the migrate command’s code', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'ru-media-s3-folder-'));
    try {
      const { data, fileName } = blob();
      await writeFile(path.join(folder, fileName), data);
      await testDb.prisma.media.create({ data: { fileName, mimeType: 'image/webp', width: 1, height: 1, bytes: data.length, alt: 'Old' } });
      const first = await migrateMediaFolder({ dir: folder, client: testDb.prisma, storage });
      expect(first).toMatchObject({ copied: [fileName], missing: [] });
      expect((await storage.read(fileName))?.equals(data)).toBe(true);
      const again = await migrateMediaFolder({ dir: folder, client: testDb.prisma, storage });
      expect(again).toMatchObject({ copied: [], alreadyStored: [fileName] });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('answers 503 with Retry-After, not 500, while the bucket cannot be reached', async () => {
    const media = await uploadMedia(editor, { file: { name: 'x.png', bytes: await makePng(27, 9) }, alt: 'Unreachable' });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    process.env.S3_ENDPOINT = 'http://127.0.0.1:9'; // discard port: nothing listens
    try {
      const res = await get(media.fileName);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.text()).toMatch(/temporarily unavailable/);
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^Media storage unavailable: /));
    } finally {
      process.env.S3_ENDPOINT = env.S3_ENDPOINT;
      errors.mockRestore();
    }
    expect((await get(media.fileName)).status).toBe(200);
  });
});
