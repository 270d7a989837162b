import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TestDatabase } from '../support/db';
import { setUpWorkflowDatabase, tearDownWorkflowDatabase } from '../support/workflow';

// getCurrentUser (lib/auth/session.ts): the signed-in user from the session cookie,
// with one read of the user per request, and a revoked session refused on the next one.

const SECRET = 'session-user-test-secret-0123456789abcdef';
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', () => ({
  cookies: async () => ({ getAll: () => [...jar].map(([name, value]) => ({ name, value })) }),
  headers: async () => new Headers(),
}));

let testDb: TestDatabase;
let userId: string;
let session: typeof import('@/lib/auth/session');
let db: typeof import('@/lib/db').db;

async function signIn(claims: { uid: string; sv: number }, secret = SECRET) {
  jar.set('next-auth.session-token', await encode({ token: { ...claims, sub: claims.uid }, secret, maxAge: 3600 }));
}

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  delete process.env.NEXTAUTH_URL;
  let as;
  ({ testDb, as } = await setUpWorkflowDatabase());
  userId = as.editor.id;
  session = await import('@/lib/auth/session');
  ({ db } = await import('@/lib/db'));
});

afterAll(async () => {
  await tearDownWorkflowDatabase(testDb);
});

beforeEach(() => {
  jar.clear();
  vi.restoreAllMocks();
});

const version = async () => (await testDb.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } })).sessionVersion;

describe('getCurrentUser', () => {
  it('reads the user from the database once for a signed-in request', async () => {
    await signIn({ uid: userId, sv: await version() });
    const reads = vi.spyOn(db.user, 'findUnique');
    const user = await session.getCurrentUser();
    expect(user).toMatchObject({ id: userId, role: 'EDITOR', active: true });
    expect(user).not.toHaveProperty('sessionVersion');
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('reads nothing without a session cookie, and refuses a token signed with another secret', async () => {
    const reads = vi.spyOn(db.user, 'findUnique');
    expect(await session.getCurrentUser()).toBeNull();
    await signIn({ uid: userId, sv: await version() }, 'another-secret-0123456789abcdef-xyz');
    expect(await session.getCurrentUser()).toBeNull();
    expect(reads).not.toHaveBeenCalled();
  });

  it('refuses a revoked session on the next request: a newer session version, then a deactivated user', async () => {
    const sv = await version();
    await signIn({ uid: userId, sv });
    expect(await session.getCurrentUser()).not.toBeNull();
    await testDb.prisma.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    expect(await session.getCurrentUser()).toBeNull();

    await signIn({ uid: userId, sv: sv + 1 });
    expect(await session.getCurrentUser()).not.toBeNull();
    await testDb.prisma.user.update({ where: { id: userId }, data: { active: false } });
    try {
      expect(await session.getCurrentUser()).toBeNull();
    } finally {
      await testDb.prisma.user.update({ where: { id: userId }, data: { active: true } });
    }
  });
});
