import type { Metadata } from 'next';
import Link from 'next/link';
import { DeleteMediaForm } from '@/components/admin/media/delete-media-form';
import { MediaAltForm } from '@/components/admin/media/media-alt-form';
import { UploadMediaForm } from '@/components/admin/media/upload-media-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listMedia, mediaUrl } from '@/lib/data/media';
import { mediaListSchema } from '@/lib/validation/media';
import { formatDate } from '@/lib/dates';

export const metadata: Metadata = { title: 'Media library' };

const TYPE_LABEL: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };

function formatBytes(n: number) {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export default async function MediaLibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser('/admin/media');
  if (!can(user, 'media:read')) {
    return (
      <>
        <h1 className="text-3xl font-bold">Media library</h1>
        <p className="mt-4">You do not have permission to browse the media library.</p>
      </>
    );
  }
  const { q, page } = mediaListSchema.parse(await searchParams);
  const { items, total, pageCount } = await listMedia(user, { q, page });
  const canUpload = can(user, 'media:create');
  const canEdit = can(user, 'media:update');
  const canDelete = can(user, 'media:delete');
  const pageHref = (p: number) => `/admin/media?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;

  return (
    <>
      <h1 className="text-3xl font-bold">Media library</h1>
      <p className="mt-2 max-w-3xl">Images for issues, events and people. Every image needs alt text unless it is purely decorative.</p>

      {canUpload && (
        <section aria-labelledby="upload-heading" className="mt-8 rounded border border-gray-400 p-4">
          <h2 id="upload-heading" className="text-2xl font-bold">
            Upload an image
          </h2>
          <UploadMediaForm />
        </section>
      )}

      <section aria-labelledby="library-heading" className="mt-10">
        <h2 id="library-heading" className="text-2xl font-bold">
          Images <span className="font-normal">({total})</span>
        </h2>
        <form method="get" action="/admin/media" role="search" className="mt-4 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="media-q" className="font-bold">
              Search alt text
            </label>
            <input id="media-q" name="q" type="search" defaultValue={q} className="mt-1 block min-h-11 w-72 rounded border-2 border-gray-800 px-2" />
          </div>
          <button type="submit" className="min-h-11 rounded border-2 border-gray-800 px-4 font-bold hover:bg-gray-100">
            Search
          </button>
          {q && (
            <Link href="/admin/media" className="min-h-11 py-2 text-[var(--color-brand)] underline">
              Clear search
            </Link>
          )}
        </form>

        {items.length === 0 ? (
          <p className="mt-4">{q ? `No images match “${q}”.` : 'No images yet.'}</p>
        ) : (
          <ul className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {items.map((m, index) => {
              const label = m.decorative ? `decorative image ${index + 1}` : `“${m.alt}”`;
              return (
                <li key={m.id} className="rounded border border-gray-400 p-3">
                  <figure>
                    {/* eslint-disable-next-line @next/next/no-img-element -- already resized and re-encoded on upload */}
                    <img
                      src={mediaUrl(m.fileName)}
                      alt={m.decorative ? '' : m.alt}
                      width={m.width}
                      height={m.height}
                      loading="lazy"
                      decoding="async"
                      className="h-48 w-full bg-gray-100 object-contain"
                    />
                    <figcaption className="mt-2">
                      {m.decorative ? <em>Decorative – no alt text</em> : <span>{m.alt}</span>}
                    </figcaption>
                  </figure>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-[var(--color-muted)]">
                    <dt>Size</dt>
                    <dd>
                      {m.width} × {m.height} px, {TYPE_LABEL[m.mimeType] ?? m.mimeType}, {formatBytes(m.bytes)}
                    </dd>
                    <dt>Address</dt>
                    <dd className="break-all">
                      <a href={mediaUrl(m.fileName)} className="underline">
                        {mediaUrl(m.fileName)}
                      </a>
                    </dd>
                    <dt>Uploaded</dt>
                    <dd>
                      <time dateTime={m.createdAt.toISOString()}>{formatDate(m.createdAt, { weekday: false })}</time>
                      {m.uploadedBy ? ` by ${m.uploadedBy.name}` : ''}
                    </dd>
                  </dl>
                  {canEdit && <MediaAltForm id={m.id} alt={m.alt} decorative={m.decorative} label={label} />}
                  {canDelete && <DeleteMediaForm id={m.id} label={label} />}
                </li>
              );
            })}
          </ul>
        )}

        {pageCount > 1 && (
          <nav aria-label="Pages" className="mt-8 flex flex-wrap items-center gap-4">
            {page > 1 && (
              <Link href={pageHref(page - 1)} className="text-[var(--color-brand)] underline">
                Previous page
              </Link>
            )}
            <p>
              Page {page} of {pageCount}
            </p>
            {page < pageCount && (
              <Link href={pageHref(page + 1)} className="text-[var(--color-brand)] underline">
                Next page
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
