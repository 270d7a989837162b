import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session';
import {
  changeUserRoleSchema,
  createUserSchema,
  resetUserPasswordSchema,
  updateUserProfileSchema,
  userIdSchema,
} from '@/lib/validation/users';
import { DEMO_USERS, seed } from '@/prisma/seed/index';
import { createTestDatabase, type TestDatabase } from '../support/db';

// User administration (lib/data/users.ts) against a real, seeded database.

let testDb: TestDatabase;
let users: typeof import('@/lib/data/users');
const as: Record<'admin' | 'editor' | 'sponsor' | 'contributor', SessionUser> = {} as never;
const globalForDb = globalThis as unknown as { __db?: { $disconnect(): Promise<void> } };

const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seed(testDb.prisma, { now: new Date('2025-10-24T12:00:00Z') });
  delete globalForDb.__db;
  process.env.DATABASE_URL = testDb.url;
  users = await import('@/lib/data/users');
  for (const key of ['admin', 'editor', 'sponsor', 'contributor'] as const) {
    const u = await testDb.prisma.user.findUniqueOrThrow({
      where: { email: DEMO_USERS[key].email },
      select: { id: true, email: true, name: true, role: true },
    });
    as[key] = { ...u, active: true, organisationId: null, personId: null };
  }
});

afterAll(async () => {
  await globalForDb.__db?.$disconnect();
  delete globalForDb.__db;
  await testDb?.drop();
});

const state = (id: string) =>
  testDb.prisma.user.findUniqueOrThrow({
    where: { id },
    select: { role: true, active: true, sessionVersion: true, passwordHash: true, email: true },
  });
const auditRows = (action: string, entityId: string) =>
  testDb.prisma.auditLog.findMany({
    where: { action, entityId },
    orderBy: { id: 'asc' },
    select: { actorId: true, details: true },
  });

async function newUser(email: string, role: 'EDITOR' | 'CONTRIBUTOR' | 'ADMIN' = 'CONTRIBUTOR') {
  return users.createUser(as.admin, createUserSchema.parse({ email, name: 'Test User', role, password: PASSWORD }));
}

describe('users: permissions', () => {
  it('refuses every user function to editors, sponsors and contributors', async () => {
    const target = as.contributor.id;
    for (const user of [as.editor, as.sponsor, as.contributor]) {
      await expect(users.listUsers(user)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(users.getUser(user, target)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        users.createUser(
          user,
          createUserSchema.parse({ email: 'x@example.org', name: 'X', role: 'ADMIN', password: PASSWORD }),
        ),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(users.changeUserRole(user, { id: user.id, role: 'ADMIN' })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(users.deactivateUser(user, target)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(users.resetUserPassword(user, { id: target, password: PASSWORD })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(
        users.updateUserProfile(user, { id: user.id, name: 'X', organisationId: null, personId: null }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await testDb.prisma.user.count({ where: { email: 'x@example.org' } })).toBe(0);
    expect((await state(as.editor.id)).role).toBe('EDITOR');
  });

  it('lists users for an admin without password hashes or session versions', async () => {
    const list = await users.listUsers(as.admin);
    expect(list.map((u) => u.email)).toEqual(expect.arrayContaining(Object.values(DEMO_USERS).map((u) => u.email)));
    for (const u of list) {
      expect(u).not.toHaveProperty('passwordHash');
      expect(u).not.toHaveProperty('sessionVersion');
    }
  });
});

describe('users: create', () => {
  it('creates a user with a lower-cased email and an argon2id hash that verifies; audits without the password', async () => {
    const person = await testDb.prisma.person.findUniqueOrThrow({
      where: { slug: 'abdul-kahar' },
      select: { id: true, organisationId: true },
    });
    const created = await users.createUser(
      as.admin,
      createUserSchema.parse({
        email: '  New.Person@Example.ORG ',
        name: 'New Person',
        role: 'EDITOR',
        password: PASSWORD,
        personId: person.id,
        organisationId: person.organisationId ?? '',
      }),
    );
    expect(created.email).toBe('new.person@example.org');
    const row = await state(created.id);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
    expect(await verifyPassword(row.passwordHash, 'wrong password!')).toBe(false);
    const [entry] = await auditRows('user.create', created.id);
    expect(entry).toEqual({ actorId: as.admin.id, details: { email: 'new.person@example.org', role: 'EDITOR' } });
    expect(JSON.stringify(entry)).not.toContain(PASSWORD);
  });

  it('refuses a duplicate email and a person already linked to another user', async () => {
    await expect(newUser('ADMIN@example.org')).rejects.toMatchObject({
      status: 409,
      fieldErrors: { email: [expect.any(String)] },
    });
    const emma = await testDb.prisma.person.findUniqueOrThrow({ where: { slug: 'emma-taylor' }, select: { id: true } });
    await expect(
      users.createUser(
        as.admin,
        createUserSchema.parse({
          email: 'emma2@example.org',
          name: 'E',
          role: 'SPONSOR',
          password: PASSWORD,
          personId: emma.id,
        }),
      ),
    ).rejects.toMatchObject({ status: 409, fieldErrors: { personId: [expect.any(String)] } });
  });
});

describe('users: role, activation, password', () => {
  it('changing the role bumps sessionVersion and audits from/to', async () => {
    const u = await newUser('role-change@example.org');
    const before = await state(u.id);
    await users.changeUserRole(as.admin, changeUserRoleSchema.parse({ id: u.id, role: 'EDITOR' }));
    const after = await state(u.id);
    expect(after.role).toBe('EDITOR');
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await auditRows('user.role-change', u.id)).toEqual([
      { actorId: as.admin.id, details: { from: 'CONTRIBUTOR', to: 'EDITOR' } },
    ]);
  });

  it('deactivation bumps sessionVersion and is audited; reactivation restores access', async () => {
    const u = await newUser('deactivate@example.org');
    const before = await state(u.id);
    await users.deactivateUser(as.admin, u.id);
    const after = await state(u.id);
    expect(after.active).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await auditRows('user.deactivate', u.id)).toHaveLength(1);
    await users.reactivateUser(as.admin, u.id);
    expect((await state(u.id)).active).toBe(true);
    expect(await auditRows('user.reactivate', u.id)).toHaveLength(1);
  });

  it('password reset stores a new hash, bumps sessionVersion and never logs the password', async () => {
    const u = await newUser('reset@example.org');
    const before = await state(u.id);
    const newPassword = 'a brand new passphrase';
    await users.resetUserPassword(as.admin, resetUserPasswordSchema.parse({ id: u.id, password: newPassword }));
    const after = await state(u.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, newPassword)).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
    const rows = await auditRows('user.password-reset', u.id);
    expect(rows).toHaveLength(1);
    const all = JSON.stringify(await testDb.prisma.auditLog.findMany({ select: { details: true } }));
    expect(all).not.toContain(newPassword);
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain('$argon2');
  });

  it('an admin cannot deactivate or demote themselves', async () => {
    const before = await state(as.admin.id);
    await expect(users.deactivateUser(as.admin, as.admin.id)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/cannot deactivate your own/),
    });
    await expect(users.changeUserRole(as.admin, { id: as.admin.id, role: 'EDITOR' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/cannot change your own role/),
    });
    expect(await state(as.admin.id)).toEqual(before);
  });

  it('never demotes the last active administrator', async () => {
    const other = await newUser('second-admin@example.org', 'ADMIN');
    const otherAdmin: SessionUser = {
      id: other.id,
      email: other.email,
      name: other.name,
      role: 'ADMIN',
      active: true,
      organisationId: null,
      personId: null,
    };
    // Two admins: the second may demote the first…
    await users.changeUserRole(otherAdmin, { id: as.admin.id, role: 'EDITOR' });
    // …who, now an editor (their next request reloads the role), is refused;
    await expect(
      users.changeUserRole({ ...as.admin, role: 'EDITOR' }, { id: other.id, role: 'EDITOR' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // and (defence in depth, e.g. against a stale actor) the one remaining active admin is never demoted.
    const third = await newUser('third-admin@example.org', 'ADMIN');
    await users.deactivateUser(otherAdmin, third.id);
    const thirdAdmin: SessionUser = { ...otherAdmin, id: third.id, email: third.email };
    await expect(users.changeUserRole(thirdAdmin, { id: other.id, role: 'EDITOR' })).rejects.toMatchObject({
      status: 409,
    });
    await users.changeUserRole(otherAdmin, { id: as.admin.id, role: 'ADMIN' });
  });

  it('a missing user is a 404', async () => {
    await expect(users.deactivateUser(as.admin, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('users: schemas', () => {
  const valid = { email: 'a@example.org', name: 'A', role: 'EDITOR', password: PASSWORD };

  it('reject role, sessionVersion and passwordHash on the profile form', () => {
    const base = { id: '00000000-0000-4000-8000-000000000000', name: 'A' };
    expect(updateUserProfileSchema.safeParse(base).success).toBe(true);
    for (const extra of [
      { role: 'ADMIN' },
      { sessionVersion: '0' },
      { passwordHash: 'x' },
      { active: 'true' },
      { email: 'b@example.org' },
    ]) {
      const result = updateUserProfileSchema.safeParse({ ...base, ...extra });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
    }
  });

  it('reject extra fields on the other forms', () => {
    expect(createUserSchema.safeParse({ ...valid, sessionVersion: 5 }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...valid, passwordHash: '$argon2id$...' }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...valid, active: false }).success).toBe(false);
    expect(
      changeUserRoleSchema.safeParse({ id: '00000000-0000-4000-8000-000000000000', role: 'EDITOR', sessionVersion: 0 })
        .success,
    ).toBe(false);
    expect(userIdSchema.safeParse({ id: '00000000-0000-4000-8000-000000000000', role: 'ADMIN' }).success).toBe(false);
    expect(
      resetUserPasswordSchema.safeParse({
        id: '00000000-0000-4000-8000-000000000000',
        password: PASSWORD,
        passwordHash: 'x',
      }).success,
    ).toBe(false);
  });

  it('reject bad emails, short passwords and unknown roles', () => {
    for (const email of ['', 'not-an-email', 'a@', '@example.org', 'a b@example.org']) {
      expect(createUserSchema.safeParse({ ...valid, email }).success, email).toBe(false);
    }
    expect(createUserSchema.safeParse({ ...valid, password: 'short-11chr' }).error?.issues[0]?.message).toBe(
      'Password must be 12 characters or more',
    );
    expect(createUserSchema.safeParse({ ...valid, role: 'SUPERUSER' }).success).toBe(false);
    expect(
      resetUserPasswordSchema.safeParse({ id: '00000000-0000-4000-8000-000000000000', password: '12345678901' })
        .success,
    ).toBe(false);
  });
});
