import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { siteUrl, SITE_DESCRIPTION, SITE_NAME } from '@/lib/site';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: SITE_NAME, template: `%s – ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  openGraph: { siteName: SITE_NAME, locale: 'en_GB', type: 'website' },
  alternates: { types: { 'application/atom+xml': '/feed.xml' } },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen bg-white font-sans antialiased">{children}</body>
    </html>
  );
}
