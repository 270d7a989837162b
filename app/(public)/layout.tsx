import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/site-chrome';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteChrome>{children}</SiteChrome>
      {/* The only script stored pages keep (decision 025); conveniences, never needed. */}
      <script src="/enhance.js" defer />
    </>
  );
}
