import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { DetailBanner } from '@/components/admin/forms/detail-page';
import { SitePageForm } from '@/components/admin/site-pages/site-page-form';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getSitePageForEdit } from '@/lib/data/site-pages';
import { formatDateTime } from '@/lib/dates';
import { SITE_PAGE_PATH, isSitePageSlug } from '@/lib/validation/site-pages';

export const metadata: Metadata = { title: 'Edit a site page' };

type Props = { params: Promise<{ slug: string }> };

export default async function EditSitePagePage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/admin/site-pages/${encodeURIComponent(slug)}`);
  if (!can(user, 'site-page:update')) return <AccessDenied what="the site pages" />;
  if (!isSitePageSlug(slug)) notFound();
  const page = await getSitePageForEdit(user, slug);
  if (!page) notFound();
  const path = SITE_PAGE_PATH[slug];
  return (
    <>
      <DetailBanner list={{ href: '/admin/site-pages', label: 'Site pages' }} name={page.title} />
      <p className="mt-2 max-w-2xl">
        Readers see this page at{' '}
        <Link href={path} className="text-[var(--color-brand)] underline">
          {path}
        </Link>
        . Saving publishes your changes straight away. Last changed {formatDateTime(page.updatedAt)}
        {page.updatedBy ? ` by ${page.updatedBy.name}` : ' (the default text)'}.
      </p>
      <SitePageForm
        page={{ slug, title: page.title, body: page.body, version: page.version }}
        canInsertImage={can(user, 'media:read')}
      />
    </>
  );
}
