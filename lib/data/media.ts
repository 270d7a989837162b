import 'server-only';
import { z } from 'zod';
import { AppError, type FieldErrors } from '@/lib/errors';
import { audit } from '@/lib/audit';
import { requirePermission, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { fileTooLargeMessage } from '@/lib/media/limits';
import { MAX_UPLOAD_BYTES, MediaProcessingError, processUpload } from '@/lib/media/process';
import { createMediaStorage, type MediaStorage } from '@/lib/media/storage';
import { mediaAltSchema } from '@/lib/validation/media';
import { MEDIA_PICKER_PAGE_SIZE, type MediaPickerPage } from '@/lib/validation/media-picker';

// The media library. Every function checks the permission table first, selects
// only what it returns, and writes its audit row in the same transaction as the
// change. The bytes go through lib/media/storage.ts: in PostgreSQL they are written
// in the row's transaction; in S3 before it (so a row never points at a missing
// object) and removed after the row is gone (docs/decisions/029-media-storage.md).

export const MEDIA_PAGE_SIZE = 24;

// One storage per backend setting (the S3 client is worth keeping between requests).
const globalForStorage = globalThis as unknown as { __mediaStorage?: { key: string; storage: MediaStorage } };

function storage(): MediaStorage {
  const key = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'DATABASE_URL'].map((k) => process.env[k] ?? '').join('\n');
  if (globalForStorage.__mediaStorage?.key !== key) globalForStorage.__mediaStorage = { key, storage: createMediaStorage(db) };
  return globalForStorage.__mediaStorage.storage;
}

const MEDIA_SELECT = {
  id: true,
  fileName: true,
  mimeType: true,
  width: true,
  height: true,
  bytes: true,
  alt: true,
  decorative: true,
  createdAt: true,
  uploadedBy: { select: { name: true } },
} as const satisfies Prisma.MediaSelect;

export type MediaItem = Prisma.MediaGetPayload<{ select: typeof MEDIA_SELECT }>;

/** Public address of a stored image (what rich text's `src` holds). */
export function mediaUrl(fileName: string): string {
  return `/media/${fileName}`;
}

function altOrThrow(input: { alt?: unknown; decorative?: unknown }) {
  const parsed = mediaAltSchema.safeParse({ alt: input.alt ?? '', decorative: input.decorative ?? false });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as FieldErrors;
    throw new AppError('invalid', fieldErrors.alt?.[0] ?? 'Check the alt text.', { fieldErrors });
  }
  return parsed.data;
}

type FileLike = Pick<File, 'name' | 'size' | 'arrayBuffer'>;

/**
 * Checks, re-encodes and stores an image. Alt text is required unless the image is
 * decorative (then it is ''). The same image uploaded twice is a conflict (409)
 * carrying the existing record's id.
 */
export async function uploadMedia(user: Actor, input: { file: FileLike | { name: string; bytes: Buffer }; alt?: string; decorative?: boolean }) {
  requirePermission(user, 'media:create');
  const { alt, decorative } = altOrThrow(input);
  const file = input.file;
  // (Blob has a bytes() method in newer Node versions, so test for a Buffer.)
  const buffer = 'bytes' in file && Buffer.isBuffer(file.bytes) ? file.bytes : null;
  const size = buffer ? buffer.length : (file as FileLike).size;
  if (size > MAX_UPLOAD_BYTES) {
    // Refuse before reading the whole upload into memory.
    const message = fileTooLargeMessage(size);
    throw new AppError('invalid', message, { fieldErrors: { file: [message] } });
  }
  const bytes = buffer ?? Buffer.from(await (file as FileLike).arrayBuffer());

  let image;
  try {
    image = await processUpload(bytes, file.name);
  } catch (error) {
    if (error instanceof MediaProcessingError) throw new AppError('invalid', error.message, { fieldErrors: { file: [error.message] }, data: { code: error.code } });
    throw error;
  }

  const existing = await db.media.findUnique({ where: { fileName: image.fileName }, select: { id: true } });
  if (existing) throw duplicate(existing.id);

  const store = storage();
  await store.stage(image.fileName, image.data);
  try {
    return await db.$transaction(async (tx) => {
      const media = await tx.media.create({
        data: {
          fileName: image.fileName,
          mimeType: image.mimeType,
          width: image.width,
          height: image.height,
          bytes: image.bytes,
          alt,
          decorative,
          uploadedById: user.id,
        },
        select: MEDIA_SELECT,
      });
      await store.writeInTransaction(tx, image.fileName, image.data);
      await audit(tx, {
        actorId: user.id,
        action: 'media.upload',
        entityType: 'Media',
        entityId: media.id,
        details: { fileName: media.fileName, mimeType: media.mimeType, width: media.width, height: media.height, bytes: media.bytes, decorative },
      });
      return media;
    });
  } catch (error) {
    // Someone uploaded the same image at the same moment: theirs stays, bytes and all.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const other = await db.media.findUnique({ where: { fileName: image.fileName }, select: { id: true } });
      if (other) throw duplicate(other.id);
    }
    const stillUsed = await db.media.findUnique({ where: { fileName: image.fileName }, select: { id: true } }).catch(() => null);
    if (!stillUsed) await store.unstage(image.fileName).catch(() => {});
    throw error;
  }
}

function duplicate(id: string) {
  return new AppError('conflict', 'This image is already in the media library. Use the existing copy, or edit its alt text.', { fieldErrors: {
    file: ['This image is already in the media library'],
  }, data: { id } });
}

/** Newest first; `q` matches alt text (case-insensitive) or the start of the file name. */
export async function listMedia(user: Actor, opts: { q?: string; page?: number } = {}) {
  requirePermission(user, 'media:read');
  const q = (opts.q ?? '').trim().slice(0, 200);
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const where: Prisma.MediaWhereInput = q
    ? { OR: [{ alt: { contains: q, mode: 'insensitive' } }, { fileName: { startsWith: q.toLowerCase() } }] }
    : {};
  const [items, total] = await Promise.all([
    db.media.findMany({
      where,
      select: MEDIA_SELECT,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * MEDIA_PAGE_SIZE,
      take: MEDIA_PAGE_SIZE,
    }),
    db.media.count({ where }),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE)) };
}

export async function updateMediaAlt(user: Actor, input: { id: string; alt?: string; decorative?: boolean }) {
  requirePermission(user, 'media:update');
  const { alt, decorative } = altOrThrow(input);
  return db.$transaction(async (tx) => {
    const before = await tx.media.findUnique({ where: { id: input.id }, select: { id: true, alt: true, decorative: true } });
    if (!before) throw new AppError('not_found', 'That image no longer exists. It may have been deleted.');
    const media = await tx.media.update({ where: { id: input.id }, data: { alt, decorative }, select: MEDIA_SELECT });
    await audit(tx, {
      actorId: user.id,
      action: 'media.update',
      entityType: 'Media',
      entityId: media.id,
      details: { before: { alt: before.alt, decorative: before.decorative }, after: { alt, decorative } },
    });
    return media;
  });
}

/** Where an image is used: people's photos, and rich text (sections, events) pointing at /media/<file>. */
async function usesOf(tx: Prisma.TransactionClient, media: { id: string; fileName: string }) {
  const needle = `%${mediaUrl(media.fileName)}%`;
  const [people, sections, events] = await Promise.all([
    tx.person.count({ where: { photoId: media.id } }),
    tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Section" WHERE body::text LIKE ${needle}`,
    tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Event" WHERE description::text LIKE ${needle}`,
  ]);
  return { people, sections: Number(sections[0]?.n ?? 0), events: Number(events[0]?.n ?? 0) };
}

/**
 * Deletes the row (with an audit entry) and its bytes. Refused (409) while the
 * image is someone's photo or appears in a section or event.
 */
export async function deleteMedia(user: Actor, id: string) {
  requirePermission(user, 'media:delete');
  const deleted = await db.$transaction(async (tx) => {
    const media = await tx.media.findUnique({ where: { id }, select: { id: true, fileName: true, alt: true } });
    if (!media) throw new AppError('not_found', 'That image no longer exists. It may already have been deleted.');
    const uses = await usesOf(tx, media);
    const parts = [
      uses.people && `${uses.people} ${uses.people === 1 ? "person's photo" : "people's photos"}`,
      uses.sections && `${uses.sections} ${uses.sections === 1 ? 'section' : 'sections'}`,
      uses.events && `${uses.events} ${uses.events === 1 ? 'event' : 'events'}`,
    ].filter(Boolean);
    if (parts.length) {
      throw new AppError('conflict', `This image is still used in ${parts.join(', ')}. Remove it from there first.`, { data: uses });
    }
    await tx.media.delete({ where: { id }, select: { id: true } });
    await audit(tx, { actorId: user.id, action: 'media.delete', entityType: 'Media', entityId: id, details: { fileName: media.fileName, alt: media.alt } });
    return media;
  });
  // PostgreSQL's bytes went with the row; an S3 object is removed now.
  await storage().remove(deleted.fileName);
  return { id: deleted.id };
}

/** For the public route: a stored file's content type and bytes, or null. No permission: published images are public. */
export async function getMediaForServing(fileName: string): Promise<{ mimeType: string; data: Buffer } | null> {
  const row = await db.media.findUnique({ where: { fileName }, select: { mimeType: true } });
  if (!row) return null;
  const data = await storage().read(fileName);
  return data ? { mimeType: row.mimeType, data } : null;
}

/**
 * The editor's image picker: newest first, searchable like the library, with
 * whether each image may go into rich text (it needs alt text or the decorative flag).
 */
export async function listMediaForPicker(user: Actor, opts: { q?: string; page?: number } = {}): Promise<MediaPickerPage> {
  requirePermission(user, 'media:read');
  const q = (opts.q ?? '').trim().slice(0, 200);
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const where: Prisma.MediaWhereInput = q
    ? { OR: [{ alt: { contains: q, mode: 'insensitive' } }, { fileName: { startsWith: q.toLowerCase() } }] }
    : {};
  const [rows, total] = await Promise.all([
    db.media.findMany({
      where,
      select: { id: true, fileName: true, width: true, height: true, alt: true, decorative: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * MEDIA_PICKER_PAGE_SIZE,
      take: MEDIA_PICKER_PAGE_SIZE,
    }),
    db.media.count({ where }),
  ]);
  return {
    items: rows.map(({ fileName, ...m }) => ({
      ...m,
      alt: m.decorative ? '' : m.alt,
      url: mediaUrl(fileName),
      insertable: m.decorative || m.alt.trim() !== '',
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / MEDIA_PICKER_PAGE_SIZE)),
  };
}
