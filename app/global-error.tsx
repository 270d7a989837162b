'use client';

// Last resort when the root layout itself fails. No stack trace, ever.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem', color: '#0b0c0c' }}>
        <main>
          <h1>Sorry, there is a problem with the service</h1>
          <p>Try again in a few minutes.</p>
          <p>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full reload is the point after a root failure */}
            <a href="/">Go to the Regional Update home page</a>
          </p>
          {error.digest && <p>Error reference: {error.digest}</p>}
        </main>
      </body>
    </html>
  );
}
