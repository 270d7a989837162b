import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { deleteMedia, listMedia, updateMediaAlt, uploadMedia } from '@/lib/data/media';
import { GET } from '@/app/media/[file]/route';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeJpegWithExif, makePng, makeWebp, rgbImage } from '../fixtures/media/images';

let testDb: TestDatabase;
let editor: Actor;
let admin: Actor;
let contributor: Actor;
let sponsor: Actor;

async function user(role: Actor['role'], email: string): Promise<Actor> {
  return testDb.prisma.user.create({ data: { email, name: `${role} user`, role }, select: { id: true, role: true, active: true } });
}

const file = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name);

async function storedBytes(fileName: string): Promise<Buffer | null> {
  const blob = await testDb.prisma.mediaBlob.findUnique({ where: { fileName }, select: { data: true } });
  return blob ? Buffer.from(blob.data) : null;
}
const blobNames = async () => (await testDb.prisma.mediaBlob.findMany({ select: { fileName: true }, orderBy: { fileName: 'asc' } })).map((b) => b.fileName);

/** Each test its own image, so uploads never collide as duplicates. */
let colour = 0;
const uniquePng = () =>
  sharp({ create: { width: 20, height: 10, channels: 3, background: { r: colour++ % 256, g: 10, b: Math.floor(colour / 256) } } })
    .png()
    .toBuffer();

async function expectActionError(promise: Promise<unknown>, code: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(code);
  return error as AppError;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  // No media folder at all: the bytes live in PostgreSQL.
  delete process.env.MEDIA_DIR;
  delete process.env.S3_BUCKET;
  editor = await user('EDITOR', 'editor@media.test');
  admin = await user('ADMIN', 'admin@media.test');
  contributor = await user('CONTRIBUTOR', 'contributor@media.test');
  sponsor = await user('SPONSOR', 'sponsor@media.test');
});

afterAll(async () => {
  await testDb?.drop();
});

describe('uploadMedia', () => {
  it('writes the re-encoded bytes and the row, with an audit entry', async () => {
    const media = await uploadMedia(editor, { file: file(await makeJpegWithExif(), 'holiday.jpg'), alt: '  A red   square ' });
    expect(media.fileName).toMatch(/^[a-f0-9]{64}\.jpg$/);
    expect(media).toMatchObject({ mimeType: 'image/jpeg', width: 48, height: 64, alt: 'A red square', decorative: false });

    const stored = await storedBytes(media.fileName);
    expect(stored?.length).toBe(media.bytes);
    expect(stored!.includes('SecretCam')).toBe(false);
    expect((await sharp(stored!).metadata()).exif).toBeUndefined();

    const row = await testDb.prisma.media.findUniqueOrThrow({ where: { id: media.id } });
    expect(row.uploadedById).toBe(editor.id);
    const log = await testDb.prisma.auditLog.findMany({ where: { entityType: 'Media', entityId: media.id } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'media.upload', actorId: editor.id });
  });

  it('lets admins upload, and accepts a Buffer-backed file', async () => {
    const media = await uploadMedia(admin, { file: { name: 'x.webp', bytes: await makeWebp() }, alt: 'Logo' });
    expect(media.mimeType).toBe('image/webp');
  });

  it('refuses contributors and sponsors (forbidden) and anonymous callers', async () => {
    const png = await uniquePng();
    await expect(uploadMedia(contributor, { file: file(png, 'x.png'), alt: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(uploadMedia(sponsor, { file: file(png, 'x.png'), alt: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(uploadMedia(null as unknown as Actor, { file: file(png, 'x.png'), alt: 'x' })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(uploadMedia({ ...editor, active: false }, { file: file(png, 'x.png'), alt: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('requires alt text unless the image is decorative', async () => {
    const png = await uniquePng();
    const before = await testDb.prisma.media.count();
    const error = await expectActionError(uploadMedia(editor, { file: file(png, 'x.png'), alt: '   ' }), 400);
    expect(error.fieldErrors?.alt?.[0]).toMatch(/Enter alt text/);
    await expectActionError(uploadMedia(editor, { file: file(png, 'x.png') }), 400);
    expect(await testDb.prisma.media.count()).toBe(before);

    const media = await uploadMedia(editor, { file: file(png, 'x.png'), alt: 'ignored when decorative', decorative: true });
    expect(media).toMatchObject({ alt: '', decorative: true });
  });

  it('refuses files that are not acceptable images, with a field error, and stores nothing', async () => {
    const before = await blobNames();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const error = await expectActionError(uploadMedia(editor, { file: file(svg, 'evil.png'), alt: 'x' }), 400);
    expect(error.fieldErrors?.file?.[0]).toMatch(/SVG/);
    expect(await blobNames()).toEqual(before);
  });

  it('treats the same image uploaded twice as a conflict carrying the existing id', async () => {
    const png = await makePng();
    const first = await uploadMedia(editor, { file: file(png, 'a.png'), alt: 'First' });
    const error = await expectActionError(uploadMedia(editor, { file: file(png, 'b.png'), alt: 'Second' }), 409);
    expect(error.data).toEqual({ id: first.id });
  });
});

describe('listMedia, updateMediaAlt, deleteMedia', () => {
  it('lists and searches by alt text; contributors may not browse', async () => {
    await uploadMedia(editor, { file: file(await rgbImage(30, 30).png().toBuffer(), 'k.png'), alt: 'Kingfisher by the river' });
    const all = await listMedia(sponsor, {});
    expect(all.total).toBeGreaterThan(1);
    const found = await listMedia(editor, { q: 'kingFISHER' });
    expect(found.items.map((m) => m.alt)).toEqual(['Kingfisher by the river']);
    expect(found.items[0]).not.toHaveProperty('uploadedById');
    await expect(listMedia(contributor, {})).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('updates alt text with an audit entry and the same rules', async () => {
    const media = await uploadMedia(editor, { file: file(await uniquePng(), 'x.png'), alt: 'Old' });
    const updated = await updateMediaAlt(editor, { id: media.id, alt: 'New words' });
    expect(updated.alt).toBe('New words');
    await expectActionError(updateMediaAlt(editor, { id: media.id, alt: '' }), 400);
    expect((await updateMediaAlt(editor, { id: media.id, alt: 'x', decorative: true })).alt).toBe('');
    await expect(updateMediaAlt(sponsor, { id: media.id, alt: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expectActionError(updateMediaAlt(editor, { id: '00000000-0000-4000-8000-000000000000', alt: 'x' }), 404);
    const actions = await testDb.prisma.auditLog.findMany({ where: { entityId: media.id }, select: { action: true }, orderBy: { id: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual(['media.upload', 'media.update', 'media.update']);
  });

  it('deletes the row and its bytes, but not while the image is a person’s photo', async () => {
    const media = await uploadMedia(editor, { file: file(await uniquePng(), 'x.png'), alt: 'Portrait' });
    const person = await testDb.prisma.person.create({ data: { slug: 'media-test-person', name: 'Media Person', photoId: media.id } });
    const error = await expectActionError(deleteMedia(editor, media.id), 409);
    expect(error.message).toMatch(/still used/);
    await expect(deleteMedia(contributor, media.id)).rejects.toMatchObject({ code: 'forbidden' });

    await testDb.prisma.person.update({ where: { id: person.id }, data: { photoId: null } });
    await deleteMedia(editor, media.id);
    expect(await testDb.prisma.media.findUnique({ where: { id: media.id } })).toBeNull();
    expect(await storedBytes(media.fileName)).toBeNull();
    const log = await testDb.prisma.auditLog.findFirst({ where: { entityId: media.id, action: 'media.delete' } });
    expect(log?.actorId).toBe(editor.id);
  });
});

describe('GET /media/[file]', () => {
  const get = (name: string) => GET(new Request(`http://localhost/media/${name}`), { params: Promise.resolve({ file: name }) });

  it('serves a stored image from PostgreSQL, with no media folder, with safe, long-lived headers', async () => {
    expect(process.env.MEDIA_DIR).toBeUndefined();
    const media = await uploadMedia(editor, { file: file(await uniquePng(), 'x.png'), alt: 'Served' });
    const res = await get(media.fileName);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe('inline');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals((await storedBytes(media.fileName))!)).toBe(true);
    expect(res.headers.get('content-length')).toBe(String(body.length));
  });

  it('404s for unknown, malformed and traversal names', async () => {
    for (const name of [`${'0'.repeat(64)}.png`, 'nope.png', '..%2F..%2Fetc%2Fpasswd', `${'a'.repeat(64)}.svg`, `${'A'.repeat(64)}.png`]) {
      const res = await get(name);
      expect(res.status, name).toBe(404);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
