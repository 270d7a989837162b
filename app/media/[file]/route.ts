import { getMediaForServing } from '@/lib/data/media';
import { isMediaFileName } from '@/lib/media/limits';
import { readMediaFile } from '@/lib/media/storage';

// Public: images appear in published issues. Files are named by content hash, so
// they never change and may be cached for a year. The headers stop a browser from
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

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!isMediaFileName(file)) return notFound();
  const row = await getMediaForServing(file);
  if (!row || !ALLOWED_TYPES.has(row.mimeType)) return notFound();
  const data = await readMediaFile(file);
  if (!data) return notFound();
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      'Content-Type': row.mimeType,
      'Content-Length': String(data.length),
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
