import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { mediaFileNameOf } from '@/lib/rich-text/links';

// The validator (lib/rich-text/validate.ts) accepts only canonical media paths but
// cannot see the database; the save paths call this in their transaction so an image
// in rich text is always a file of the media library, not merely shaped like one.

export const MISSING_IMAGE_MESSAGE =
  'An image in the text is not in the media library (it may have been deleted). Remove it, then insert it again from the library.';

/** The media file names of every image in validated documents, once each. */
export function imageFileNames(docs: unknown[]): string[] {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; attrs?: { src?: unknown }; content?: unknown };
    if (n.type === 'image') {
      const name = mediaFileNameOf(n.attrs?.src);
      if (name) names.add(name);
    }
    if (Array.isArray(n.content)) n.content.forEach(visit);
  };
  docs.forEach(visit);
  return [...names];
}

/**
 * The image file names in `docs` that have no Media row. The rows found are locked
 * FOR SHARE until the transaction ends, so they cannot be deleted under the save.
 */
export async function missingImages(tx: Prisma.TransactionClient, docs: unknown[]): Promise<string[]> {
  const names = imageFileNames(docs);
  if (names.length === 0) return [];
  const found = await tx.$queryRaw<{ fileName: string }[]>`
    SELECT "fileName" FROM "Media" WHERE "fileName" = ANY(${names}::text[]) FOR SHARE`;
  const present = new Set(found.map((r) => r.fileName));
  return names.filter((n) => !present.has(n));
}
