import { clientIp } from '@/lib/auth/client-ip';
import { magicLinksEnabled, requestSignInLink } from '@/lib/auth/magic-link';
import { signInLinkRequestSchema } from '@/lib/validation/auth';

// The "Email me a sign-in link" form posts here (a plain form, so it works without
// JavaScript). Every outcome but a bad address or throttling looks the same, so the
// page does not reveal whether an account exists.

const to = (request: Request, path: string) => Response.redirect(new URL(path, request.url), 303);

export async function POST(request: Request) {
  if (!magicLinksEnabled()) return to(request, '/sign-in');
  // A cross-site form must not be able to make us send email.
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(request.url).origin) {
    return Response.json({ error: 'Cross-site request refused.' }, { status: 403 });
  }
  let fields: Record<string, unknown> = {};
  try {
    fields = Object.fromEntries((await request.formData()).entries());
  } catch {
    return to(request, '/sign-in?error=LinkEmailInvalid');
  }
  const parsed = signInLinkRequestSchema.safeParse(fields);
  if (!parsed.success) return to(request, '/sign-in?error=LinkEmailInvalid');
  const sent = await requestSignInLink({ ...parsed.data, ip: clientIp(request.headers) });
  if (!sent) return to(request, '/sign-in?error=TooManyAttempts');
  return to(request, '/sign-in/check-email');
}
