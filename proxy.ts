import { NextResponse, type NextRequest } from 'next/server';
import { buildCsp } from '@/lib/security/csp';

// Signed-in pages are rendered per request, so they get a nonce-based CSP and
// no caching. This is not an authorisation boundary: pages, actions and data
// functions check the session and permissions themselves.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = buildCsp({ nonce, dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  // Where to come back to after signing in (the admin layout's redirect); always overwritten.
  headers.set('x-return-to', request.nextUrl.pathname + request.nextUrl.search);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

export const config = {
  // Token pages (preview, approval and subscription links) are per-request and must never be cached.
  matcher: ['/admin/:path*', '/sign-in', '/sign-in/:path*', '/preview/:path*', '/approve/:path*', '/subscribe/confirm', '/subscriptions/:path*'],
};
