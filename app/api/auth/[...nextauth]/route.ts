import NextAuth from 'next-auth';
import { clientIp } from '@/lib/auth/client-ip';
import { authOptions } from '@/lib/auth/options';
import { consumeSignInAttempt, SIGN_IN_WINDOW_SECONDS } from '@/lib/auth/throttle';


const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export function GET(request: Request, context: Context) {
  return handler(request, context);
}

/** Credentials sign-in is throttled per account and per client IP before next-auth sees it. */
export async function POST(request: Request, context: Context) {
  if (new URL(request.url).pathname.endsWith('/callback/credentials')) {
    let email = '';
    try {
      email = String((await request.clone().formData()).get('email') ?? '');
    } catch {
      // not a form post; next-auth rejects it below
    }
    const verdict = await consumeSignInAttempt({ email, ip: clientIp(request.headers) });
    if (!verdict.ok) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      const message = `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
      const origin = new URL(request.url).origin;
      return Response.json(
        { url: `${origin}/sign-in?error=TooManyAttempts`, message },
        { status: 429, headers: { 'Retry-After': String(verdict.retryAfterSeconds || SIGN_IN_WINDOW_SECONDS) } },
      );
    }
  }
  return handler(request, context);
}
