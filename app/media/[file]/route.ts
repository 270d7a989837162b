import { getMediaForServing } from '@/lib/data/media';
import { isMediaFileName } from '@/lib/media/limits';

// Public: images appear in published issues. The bytes come from the media storage
// (PostgreSQL, or S3 when configured: docs/decisions/029-media-storage.md). Files are
// named by content hash, so they never change and may be cached for a year. The headers stop a browser from
// treating the bytes as anything but the image type we recorded.

export const dynamic = 'force-dynamic';

const ALLOWED_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

function notFound() {
  return new Response('Not found', {
    status: 404,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}

/** The storage could not be read (PostgreSQL or S3 unreachable, or S3 misconfigured): try again shortly. */
function unavailable(error: unknown) {
  console.error(`Media storage unavailable: ${error instanceof Error ? error.message : String(error)}`);
  return new Response('This image is temporarily unavailable. Try again in a moment.', {
    status: 503,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Retry-After': '5',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!isMediaFileName(file)) return notFound();
  let media;
  try {
    media = await getMediaForServing(file);
  } catch (error) {
    return unavailable(error);
  }
  if (!media || !ALLOWED_TYPES.has(media.mimeType)) return notFound();
  const { data, mimeType } = media;
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      'Content-Type': mimeType,
      'Content-Length': String(data.length),
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
