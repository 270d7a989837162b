import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { clientIp } from '@/lib/auth/client-ip';
import { authOptions } from '@/lib/auth/options';
import { parseSignInBody } from '@/lib/auth/sign-in-body';
import { consumeSignInAttempt, SIGN_IN_WINDOW_SECONDS } from '@/lib/auth/throttle';

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export function GET(request: NextRequest, context: Context) {
  return handler(request, context);
}

/**
 * Credentials sign-in is throttled per account and per client IP before next-auth
 * sees it. The body is read once: the throttle counts the address in it, and
 * next-auth gets that same body back, re-encoded, so both read the same fields.
 */
export async function POST(request: NextRequest, context: Context) {
  if (!new URL(request.url).pathname.endsWith('/callback/credentials')) return handler(request, context);
  const body = parseSignInBody(request.headers.get('content-type'), await request.text());
  if (!body.ok) return Response.json({ message: body.message }, { status: 400 });

  const verdict = await consumeSignInAttempt({ email: body.fields.email, ip: clientIp(request.headers) });
  if (!verdict.ok) {
    const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
    const message = `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
    const origin = new URL(request.url).origin;
    return Response.json(
      { url: `${origin}/sign-in?error=TooManyAttempts`, message },
      { status: 429, headers: { 'Retry-After': String(verdict.retryAfterSeconds || SIGN_IN_WINDOW_SECONDS) } },
    );
  }

  const headers = new Headers(request.headers);
  headers.set('content-type', 'application/x-www-form-urlencoded');
  headers.delete('content-length');
  const canonical = new NextRequest(request.url, { method: 'POST', headers, body: new URLSearchParams(body.fields).toString() });
  return handler(canonical, context);
}
