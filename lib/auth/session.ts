import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/lib/db';
import { authOptions } from './options';

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
 * The signed-in user, checked against the database on every request: a token
 * whose session version is out of date (sign-out, deactivation, password
 * change) or whose user is inactive counts as signed out.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid) return null;
  const user = await db.user.findUnique({
    where: { id: session.uid },
    select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== session.sv) return null;
  const { sessionVersion: _sv, ...rest } = user;
  return rest;
});

/** For admin pages: the user, or a redirect to sign in. */
export async function requireUser(returnTo = '/admin'): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
