import { SitePage, sitePageMetadata } from '@/components/site-page';

// Cached HTML; an edit in the admin revalidates it at once (lib/actions/site-pages/update.ts).
export const revalidate = 3600;

export function generateMetadata() {
  return sitePageMetadata('accessibility');
}

export default function Page() {
  return <SitePage slug="accessibility" />;
}
