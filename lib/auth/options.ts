import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import AzureADProvider from 'next-auth/providers/azure-ad';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '@/lib/db';
import { signInSchema } from '@/lib/validation/auth';
import { safeCallbackUrl } from '@/lib/validation/callback-url';
import { hashPassword, verifyPassword } from './password';
import { clientIp } from './client-ip';
import { consumeSignInLink, magicLinksEnabled } from './magic-link';
import { recordSuccessfulSignIn } from './throttle';

// Verifying against a real hash when the email is unknown keeps the timing of
// "no such user" and "wrong password" alike.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword('not-a-real-password-used-for-timing'));

async function recordSignIn(userId: string, method: string) {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() }, select: { id: true } }),
    db.auditLog.create({ data: { actorId: userId, action: 'auth.sign-in', entityType: 'User', entityId: userId, details: { method } } }),
  ]);
}

/**
 * Thrown from the jwt callback for a token that was revoked. next-auth then answers
 * the session request with an empty session and clears the cookie instead of
 * re-issuing it, so /api/auth/session, pages, actions and route handlers all see
 * a signed-out visitor.
 */
class RevokedSessionError extends Error {}

/** A token stays valid while its user is active and its session version is current. */
async function assertTokenCurrent(token: { uid?: string; sv?: number }) {
  if (!token.uid) throw new RevokedSessionError('Session has no user');
  const user = await db.user.findUnique({ where: { id: token.uid }, select: { active: true, sessionVersion: true } });
  if (!user || !user.active || user.sessionVersion !== token.sv) throw new RevokedSessionError('Session revoked');
}

const entraConfigured = !!(process.env.AZURE_AD_CLIENT_ID && process.env.AZURE_AD_CLIENT_SECRET && process.env.AZURE_AD_TENANT_ID);

export const authOptions: NextAuthOptions = {
  // Credentials sign-in requires JWT sessions; revocation is the sessionVersion check
  // in the jwt callback below, made every time a token is read.
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email address', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        // next-auth adds its own fields (csrfToken, callbackUrl…); only ours are parsed.
        const parsed = signInSchema.safeParse({ email: credentials?.email, password: credentials?.password });
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const user = await db.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, passwordHash: true, active: true, sessionVersion: true },
        });
        const valid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
        if (!user || !valid || !user.active) return null;
        await recordSuccessfulSignIn({ email, ip: clientIp(req?.headers ?? {}) });
        await recordSignIn(user.id, 'credentials');
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
      },
    }),
    // The second half of the email magic link: the token from /sign-in/link.
    ...(magicLinksEnabled()
      ? [
          CredentialsProvider({
            id: 'email-link',
            name: 'Email link',
            credentials: { token: { label: 'Token', type: 'text' } },
            async authorize(credentials) {
              const user = await consumeSignInLink(String(credentials?.token ?? ''));
              if (!user) return null;
              await recordSignIn(user.id, 'email-link');
              return user;
            },
          }),
        ]
      : []),
    ...(entraConfigured
      ? [
          AzureADProvider({
            clientId: process.env.AZURE_AD_CLIENT_ID!,
            clientSecret: process.env.AZURE_AD_CLIENT_SECRET!,
            tenantId: process.env.AZURE_AD_TENANT_ID!,
          }),
        ]
      : []),
  ],
  callbacks: {
    // Single sign-on only for people who already have an active account here.
    async signIn({ user, account }) {
      if (account?.type === 'credentials') return true;
      const email = user.email?.trim().toLowerCase();
      if (!email) return false;
      const existing = await db.user.findUnique({ where: { email }, select: { active: true } });
      return !!existing?.active;
    },
    async jwt({ token, user, account }) {
      if (user && account?.type === 'credentials') {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
      } else if (user && account) {
        const email = user.email!.trim().toLowerCase();
        const local = await db.user.findUnique({ where: { email }, select: { id: true, sessionVersion: true } });
        if (local) {
          token.uid = local.id;
          token.sv = local.sessionVersion;
          await recordSignIn(local.id, account.provider);
        }
      } else {
        await assertTokenCurrent(token);
      }
      return token;
    },
    // Every redirect next-auth makes (after sign-in, sign-out, errors) goes through
    // the same same-origin check as the sign-in page.
    async redirect({ url, baseUrl }) {
      return new URL(safeCallbackUrl(url, baseUrl), baseUrl).toString();
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
  logger: {
    // A revoked session is an expected outcome, not an error worth a stack trace.
    error(code, metadata) {
      if (metadata instanceof RevokedSessionError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  events: {
    // Signing out ends every session of that user, not only this browser's.
    async signOut({ token }) {
      const uid = token?.uid;
      if (!uid) return;
      await db.$transaction([
        db.user.update({ where: { id: uid }, data: { sessionVersion: { increment: 1 } }, select: { id: true } }),
        db.auditLog.create({ data: { actorId: uid, action: 'auth.sign-out', entityType: 'User', entityId: uid } }),
      ]);
    },
  },
};
