import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Regional Update', template: '%s – Regional Update' },
  description: "The monthly bulletin of the region's children's services councils and trusts.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen bg-white font-sans antialiased">{children}</body>
    </html>
  );
}
