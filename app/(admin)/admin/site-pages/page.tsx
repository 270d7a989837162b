import type { Metadata } from 'next';
import { AccessDenied } from '@/components/admin/forms/access-denied';
import { ListPage, Missing, RowLink } from '@/components/admin/forms/list-page';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listSitePages } from '@/lib/data/site-pages';
import { formatDateTime } from '@/lib/dates';
import { SITE_PAGE_PATH, isSitePageSlug } from '@/lib/validation/site-pages';

export const metadata: Metadata = { title: 'Site pages' };

export default async function SitePagesPage() {
  const user = await requireUser('/admin/site-pages');
  if (!can(user, 'site-page:update')) return <AccessDenied what="the site pages" />;
  const pages = await listSitePages(user);
  return (
    <ListPage
      title="Site pages"
      intro="The accessibility statement and the privacy notice, linked from the footer of every public page. Saving a change publishes it straight away."
      heading={`${pages.length} ${pages.length === 1 ? 'page' : 'pages'}`}
      rows={pages}
      rowKey={(p) => p.slug}
      empty="No site pages."
      columns={[
        { header: 'Page', cell: (p) => <RowLink href={`/admin/site-pages/${p.slug}`}>{p.title}</RowLink> },
        { header: 'Address', cell: (p) => (isSitePageSlug(p.slug) ? SITE_PAGE_PATH[p.slug] : '') },
        {
          header: 'Last changed',
          cell: (p) => (
            <>
              {formatDateTime(p.updatedAt)}
              {p.updatedBy ? ` by ${p.updatedBy.name}` : <Missing> (default text)</Missing>}
            </>
          ),
        },
      ]}
    />
  );
}
