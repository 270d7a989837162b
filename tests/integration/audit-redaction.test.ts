import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { parseAuditQuery } from '@/lib/validation/audit';
import { changeUserRoleSchema, createUserSchema, resetUserPasswordSchema } from '@/lib/validation/users';
import { createTestDatabase, type TestDatabase } from '../support/db';

// The audit viewer shows email addresses only to those who may read users
// (user:read). The probe found an editor seeing a user's address in /admin/audit:
// user.create, deactivate, reactivate and password-reset rows record it in their
// details. The data layer must hand an editor no address anywhere in its output.

let testDb: TestDatabase;
let auditData: typeof import('@/lib/data/audit');
let admin: SessionUser;
let editor: SessionUser;

const ADDRESS = /[^\s@"]+@[^\s@"]+/g;

async function makeUser(role: SessionUser['role'], email: string, name: string): Promise<SessionUser> {
  return testDb.prisma.user.create({
    data: { email, name, role },
    select: { id: true, email: true, name: true, role: true, active: true, organisationId: true, personId: true },
  });
}

/** Everything the page gets from lib/data/audit for this viewer, as one string. */
async function everything(user: SessionUser) {
  const page = await auditData.listAuditLog(user, parseAuditQuery({}), 100);
  const options = await auditData.auditFilterOptions(user);
  return { page, options, text: JSON.stringify({ page, options }) };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  auditData = await import('@/lib/data/audit');
  const users = await import('@/lib/data/users');
  admin = await makeUser('ADMIN', 'admin@redact.test', 'Ada Admin');
  editor = await makeUser('EDITOR', 'editor@redact.test', 'Eddie Editor');

  // The real user-management paths, each of which writes its audit row.
  const created = await users.createUser(
    admin,
    createUserSchema.parse({ email: 'probe-1234@example.test', name: 'Probe User', role: 'CONTRIBUTOR', password: 'a long enough password' }),
  );
  await users.changeUserRole(admin, changeUserRoleSchema.parse({ id: created.id, role: 'SPONSOR' }));
  await users.resetUserPassword(admin, resetUserPasswordSchema.parse({ id: created.id, password: 'another long password' }));
  await users.deactivateUser(admin, created.id);
  await users.reactivateUser(admin, created.id);
  // A sign-in-link row as lib/auth/magic-link.ts writes it, by a user whose name is an address.
  const named = await makeUser('EDITOR', 'named@redact.test', 'named.person@example.test');
  await testDb.prisma.auditLog.create({ data: { actorId: named.id, action: 'auth.sign-in-link', entityType: 'User', entityId: named.id } });
  // Addresses deep in details, in a key, and in free text, as a future row might hold them.
  await testDb.prisma.auditLog.create({
    data: {
      actorId: admin.id,
      action: 'test.nested',
      entityType: 'User',
      entityId: created.id,
      details: { before: { contacts: ['x@deep.example.test', { to: 'Y <y@deep.example.test>' }] }, 'z@key.example.test': true, note: 'sent to q@free.example.test.' },
    },
  });
});

afterAll(async () => {
  await testDb?.drop();
});

describe('audit viewer: email addresses only with user:read', () => {
  it('gives an editor no email address anywhere: details, actors, names or filter options', async () => {
    const { page, options, text } = await everything(editor);
    expect(page.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.role-change', 'user.password-reset', 'user.deactivate', 'user.reactivate', 'auth.sign-in-link', 'test.nested']),
    );
    expect(text.match(ADDRESS)).toBeNull();
    expect(text).not.toContain('@');
    // What is not an address is kept, so the entries still say what happened.
    const create = page.entries.find((e) => e.action === 'user.create')!;
    expect(create.details).toEqual({ email: auditData.EMAIL_HIDDEN, role: 'CONTRIBUTOR' });
    expect(page.entries.find((e) => e.action === 'user.role-change')!.details).toEqual({ from: 'CONTRIBUTOR', to: 'SPONSOR' });
    expect(page.entries.find((e) => e.action === 'test.nested')!.details).toEqual({
      before: { contacts: [auditData.EMAIL_HIDDEN, { to: `Y <${auditData.EMAIL_HIDDEN}>` }] },
      [auditData.EMAIL_HIDDEN]: true,
      note: `sent to ${auditData.EMAIL_HIDDEN}.`,
    });
    expect(options.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['Ada Admin', auditData.EMAIL_HIDDEN]));
  });

  it('gives an administrator the addresses', async () => {
    const { text } = await everything(admin);
    for (const address of ['probe-1234@example.test', 'x@deep.example.test', 'z@key.example.test', 'admin@redact.test', 'named.person@example.test']) {
      expect(text).toContain(address);
    }
  });
});
