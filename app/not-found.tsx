import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/not-found-content';
import { SiteChrome } from '@/components/site-chrome';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundContent />
    </SiteChrome>
  );
}
