import 'server-only';
import { getToken } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/lib/db';

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: 'ADMIN' | 'EDITOR' | 'SPONSOR' | 'CONTRIBUTOR';
  active: boolean;
  organisationId: string | null;
  personId: string | null;
};

/**
 * The session cookie's token (who, and which session version), decoded and checked
 * (signature, expiry) as next-auth does. Only the cookie: getToken would also take
 * an Authorization header, which getServerSession never read.
 */
async function sessionToken(): Promise<{ uid?: string; sv?: number } | null> {
  const jar = await cookies();
  const req = { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} };
  return (await getToken({ req: req as unknown as Parameters<typeof getToken>[0]['req'] })) as { uid?: string; sv?: number } | null;
}

/**
 * The signed-in user, checked against the database on every request: a token
 * whose session version is out of date (sign-out, deactivation, password
 * change) or whose user is inactive counts as signed out.
 *
 * One read of the user per request: the token is decoded here rather than through
 * getServerSession, whose jwt callback (lib/auth/options.ts) would read the user a
 * first time only to check the version. That callback still guards next-auth's own
 * routes (/api/auth/session), which do not come through here.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await sessionToken();
  if (!token?.uid) return null;
  const user = await db.user.findUnique({
    where: { id: token.uid },
    select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== token.sv) return null;
  const { sessionVersion: _sv, ...rest } = user;
  return rest;
});

/** For admin pages: the user, or a redirect to sign in. */
export async function requireUser(returnTo = '/admin'): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
