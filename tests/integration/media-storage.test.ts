import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { createMediaStorage, mediaBackend, type MediaStorage } from '@/lib/media/storage';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makePng } from '../fixtures/media/images';

// The PostgreSQL media backend (docs/decisions/029-media-storage.md), on its own and
// through uploadMedia/deleteMedia and the public route, with no media folder at all.

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
let storage: MediaStorage;
let editor: Actor;

/** Bytes and their content-hash name, as uploads are stored. */
function blob(ext = 'png') {
  const data = randomBytes(200 + Math.floor(Math.random() * 100));
  return { data, fileName: `${createHash('sha256').update(data).digest('hex')}.${ext}` };
}

async function mediaRow(tx: Pick<TestDatabase['prisma'], 'media'>, fileName: string) {
  return tx.media.create({ data: { fileName, mimeType: 'image/png', width: 1, height: 1, bytes: 1, alt: 'x' }, select: { id: true } });
}

const get = (name: string) => GET(new Request(`http://localhost/media/${name}`), { params: Promise.resolve({ file: name }) });

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  delete process.env.MEDIA_DIR;
  delete process.env.S3_BUCKET;
  storage = createMediaStorage(testDb.prisma, {});
  editor = await testDb.prisma.user.create({ data: { email: 'editor@media-storage.test', name: 'Editor', role: 'EDITOR' }, select: { id: true, role: true, active: true } });
});

afterAll(async () => {
  await testDb?.drop();
});

describe('the PostgreSQL media storage', () => {
  it('is the default, and S3 only when S3_BUCKET is set', () => {
    expect(mediaBackend({})).toBe('postgres');
    expect(mediaBackend({ S3_BUCKET: '  ' })).toBe('postgres');
    expect(mediaBackend({ S3_BUCKET: 'media' })).toBe('s3');
    expect(storage.backend).toBe('postgres');
  });

  it('writes in the Media row’s transaction and reads the same bytes back', async () => {
    const { data, fileName } = blob();
    await storage.stage(fileName, data);
    await testDb.prisma.$transaction(async (tx) => {
      await mediaRow(tx, fileName);
      await storage.writeInTransaction(tx, fileName, data);
    });
    expect(await storage.has(fileName)).toBe(true);
    const read = await storage.read(fileName);
    expect(read?.equals(data)).toBe(true);
  });

  it('answers null for a missing file and for names that are not media file names', async () => {
    expect(await storage.read(blob().fileName)).toBeNull();
    expect(await storage.has(blob().fileName)).toBe(false);
    for (const name of ['../etc/passwd', 'x.png', `${'a'.repeat(64)}.svg`, `${'A'.repeat(64)}.png`]) {
      expect(await storage.read(name), name).toBeNull();
      expect(await storage.has(name), name).toBe(false);
    }
    await expect(storage.put('../x.png', Buffer.from('x'))).rejects.toThrow(/Not a media file name/);
  });

  it('refuses a second write of the same name in a transaction, and put() of an existing file keeps the first', async () => {
    const { data, fileName } = blob();
    await testDb.prisma.$transaction(async (tx) => {
      await mediaRow(tx, fileName);
      await storage.writeInTransaction(tx, fileName, data);
    });
    await expect(testDb.prisma.$transaction((tx) => storage.writeInTransaction(tx, fileName, data))).rejects.toMatchObject({ code: 'P2002' });
    await storage.put(fileName, Buffer.from('other bytes'));
    expect((await storage.read(fileName))?.equals(data)).toBe(true);
    expect(await testDb.prisma.mediaBlob.count({ where: { fileName } })).toBe(1);
  });

  it('keeps no bytes from a transaction that is rolled back', async () => {
    const { data, fileName } = blob();
    await expect(
      testDb.prisma.$transaction(async (tx) => {
        await mediaRow(tx, fileName);
        await storage.writeInTransaction(tx, fileName, data);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    await storage.unstage(fileName);
    expect(await storage.read(fileName)).toBeNull();
    expect(await testDb.prisma.media.count({ where: { fileName } })).toBe(0);
  });

  it('stores no bytes without their Media row, and deletes them with it', async () => {
    const orphan = blob();
    await expect(testDb.prisma.$transaction((tx) => storage.writeInTransaction(tx, orphan.fileName, orphan.data))).rejects.toMatchObject({ code: 'P2003' });
    await expect(storage.put(orphan.fileName, orphan.data)).rejects.toThrow();
    expect(await storage.has(orphan.fileName)).toBe(false);

    const { data, fileName } = blob();
    const row = await mediaRow(testDb.prisma, fileName);
    await storage.put(fileName, data);
    await testDb.prisma.media.delete({ where: { id: row.id } });
    expect(await storage.has(fileName)).toBe(false);
    await storage.remove(fileName); // missing bytes are not an error
  });
});

describe('uploads and serving through the PostgreSQL storage', () => {
  it('a failed upload transaction leaves neither row nor bytes', async () => {
    const png = await makePng(31, 17);
    const blobs = await testDb.prisma.mediaBlob.count();
    failAudit.on = true;
    try {
      await expect(uploadMedia(editor, { file: { name: 'x.png', bytes: png }, alt: 'Rolled back' })).rejects.toThrow('audit table unavailable');
    } finally {
      failAudit.on = false;
    }
    expect(await testDb.prisma.media.count({ where: { alt: 'Rolled back' } })).toBe(0);
    expect(await testDb.prisma.mediaBlob.count()).toBe(blobs);

    const media = await uploadMedia(editor, { file: { name: 'x.png', bytes: png }, alt: 'Kept' });
    expect(await testDb.prisma.mediaBlob.count({ where: { fileName: media.fileName } })).toBe(1);
  });

  it('serves bytes from PostgreSQL with no media folder, and 404s once the image is deleted', async () => {
    expect(process.env.MEDIA_DIR).toBeUndefined();
    const png = await makePng(33, 19);
    const media = await uploadMedia(editor, { file: { name: 'y.png', bytes: png }, alt: 'Served from the database' });
    const res = await get(media.fileName);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals((await storage.read(media.fileName))!)).toBe(true);
    expect(createHash('sha256').update(body).digest('hex')).toBe(media.fileName.slice(0, 64));

    await deleteMedia(editor, media.id);
    expect(await testDb.prisma.mediaBlob.count({ where: { fileName: media.fileName } })).toBe(0);
    expect((await get(media.fileName)).status).toBe(404);
  });

  it('404s for a row whose bytes are missing rather than failing', async () => {
    const { fileName } = blob();
    await mediaRow(testDb.prisma, fileName);
    const res = await get(fileName);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
