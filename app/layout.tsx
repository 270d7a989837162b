import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { pageAlternates, siteUrl, SITE_DESCRIPTION, SITE_NAME } from '@/lib/site';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: SITE_NAME, template: `%s – ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  openGraph: { siteName: SITE_NAME, locale: 'en_GB', type: 'website' },
  alternates: pageAlternates(),
  // Files in public/ (drawn in public/icon.svg; scripts/make-icons.mjs makes the others).
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '16x16 32x32' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: { url: '/apple-touch-icon.png', sizes: '180x180' },
  },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen bg-white font-sans antialiased">{children}</body>
    </html>
  );
}
