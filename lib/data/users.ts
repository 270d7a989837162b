import 'server-only';
import { AppError } from '@/lib/errors';
import { audit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type {
  ChangeUserRoleInput,
  CreateUserInput,
  ResetUserPasswordInput,
  UpdateUserProfileInput,
} from '@/lib/validation/users';

type Tx = Prisma.TransactionClient;

// Never select passwordHash or sessionVersion into these shapes: they go to pages.
const USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  lastLoginAt: true,
  organisation: { select: { id: true, name: true } },
  person: { select: { id: true, name: true } },
} as const;

function isUniqueViolation(error: unknown): error is Prisma.PrismaClientKnownRequestError {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

async function checkLinks(tx: Tx, input: { organisationId: string | null; personId: string | null }, userId?: string) {
  if (
    input.organisationId &&
    !(await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } }))
  ) {
    throw new AppError('invalid', 'That organisation no longer exists.', { fieldErrors: {
      organisationId: ['Choose an organisation from the list'],
    } });
  }
  if (input.personId) {
    const person = await tx.person.findUnique({
      where: { id: input.personId },
      select: { id: true, user: { select: { id: true } } },
    });
    if (!person)
      throw new AppError('invalid', 'That person no longer exists.', { fieldErrors: {
        personId: ['Choose a person from the list'],
      } });
    if (person.user && person.user.id !== userId) {
      throw new AppError('conflict', 'That person is already linked to another user.', { fieldErrors: {
        personId: ['Choose a person who is not linked to another user'],
      } });
    }
  }
}

async function findOrThrow(tx: Tx, id: string) {
  const found = await tx.user.findUnique({
    where: { id },
    select: { id: true, email: true, role: true, active: true },
  });
  if (!found) throw new AppError('not_found', 'That user no longer exists.');
  return found;
}

export async function listUsers(user: SessionUser) {
  requirePermission(user, 'user:read');
  return db.user.findMany({ orderBy: [{ active: 'desc' }, { name: 'asc' }, { email: 'asc' }], select: USER_SELECT });
}

export async function getUser(user: SessionUser, id: string) {
  requirePermission(user, 'user:read');
  return db.user.findUnique({ where: { id }, select: { ...USER_SELECT, createdAt: true } });
}

export async function createUser(user: SessionUser, input: CreateUserInput) {
  requirePermission(user, 'user:create');
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      await checkLinks(tx, input);
      const created = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          organisationId: input.organisationId,
          personId: input.personId,
          passwordHash,
        },
        select: { id: true, email: true, name: true, role: true },
      });
      await audit(tx, {
        actorId: user.id,
        action: 'user.create',
        entityType: 'User',
        entityId: created.id,
        details: { email: created.email, role: created.role },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes('person')) {
        throw new AppError('conflict', 'That person is already linked to another user.', { fieldErrors: {
          personId: ['Choose a person who is not linked to another user'],
        } });
      }
      throw new AppError('conflict', 'A user with this email address already exists.', { fieldErrors: {
        email: ['A user with this email address already exists'],
      } });
    }
    throw error;
  }
}

/** Name, organisation and linked person. */
export async function updateUserProfile(user: SessionUser, input: UpdateUserProfileInput) {
  requirePermission(user, 'user:update');
  try {
    return await db.$transaction(async (tx) => {
      await findOrThrow(tx, input.id);
      await checkLinks(tx, input, input.id);
      const updated = await tx.user.update({
        where: { id: input.id },
        data: { name: input.name, organisationId: input.organisationId, personId: input.personId },
        select: { id: true, name: true },
      });
      await audit(tx, {
        actorId: user.id,
        action: 'user.update',
        entityType: 'User',
        entityId: input.id,
        details: { name: input.name, organisationId: input.organisationId, personId: input.personId },
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'That person is already linked to another user.', { fieldErrors: {
        personId: ['Choose a person who is not linked to another user'],
      } });
    }
    throw error;
  }
}

/** Changing the role ends the user's sessions. Admins cannot change their own role, and the last active admin stays an admin. */
export async function changeUserRole(user: SessionUser, input: ChangeUserRoleInput) {
  requirePermission(user, 'user:update');
  if (input.id === user.id) {
    throw new AppError('invalid', 'You cannot change your own role. Ask another administrator.', { fieldErrors: {
      role: ['You cannot change your own role'],
    } });
  }
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' OR id = ${input.id}::uuid ORDER BY id FOR UPDATE`;
    const target = await findOrThrow(tx, input.id);
    if (target.role === input.role) return { id: target.id, role: target.role, changed: false };
    if (target.role === 'ADMIN' && target.active) {
      const admins = await tx.user.count({ where: { role: 'ADMIN', active: true } });
      if (admins <= 1)
        throw new AppError('conflict', 'This is the only active administrator. Make someone else an administrator first.');
    }
    const updated = await tx.user.update({
      where: { id: target.id },
      data: { role: input.role, sessionVersion: { increment: 1 } },
      select: { id: true, role: true },
    });
    await audit(tx, {
      actorId: user.id,
      action: 'user.role-change',
      entityType: 'User',
      entityId: target.id,
      details: { from: target.role, to: input.role },
    });
    return { ...updated, changed: true };
  });
}

/** Deactivating ends the user's sessions; they can no longer sign in. */
export async function deactivateUser(user: SessionUser, id: string) {
  requirePermission(user, 'user:update');
  if (id === user.id) throw new AppError('invalid', 'You cannot deactivate your own account. Ask another administrator.');
  return db.$transaction(async (tx) => {
    const target = await findOrThrow(tx, id);
    if (!target.active) return { id, active: false, changed: false };
    await tx.user.update({ where: { id }, data: { active: false, sessionVersion: { increment: 1 } } });
    await audit(tx, {
      actorId: user.id,
      action: 'user.deactivate',
      entityType: 'User',
      entityId: id,
      details: { email: target.email },
    });
    return { id, active: false, changed: true };
  });
}

export async function reactivateUser(user: SessionUser, id: string) {
  requirePermission(user, 'user:update');
  return db.$transaction(async (tx) => {
    const target = await findOrThrow(tx, id);
    if (target.active) return { id, active: true, changed: false };
    await tx.user.update({ where: { id }, data: { active: true } });
    await audit(tx, {
      actorId: user.id,
      action: 'user.reactivate',
      entityType: 'User',
      entityId: id,
      details: { email: target.email },
    });
    return { id, active: true, changed: true };
  });
}

/** Sets a new password and ends the user's sessions. The password is never logged. */
export async function resetUserPassword(user: SessionUser, input: ResetUserPasswordInput) {
  requirePermission(user, 'user:update');
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const target = await findOrThrow(tx, input.id);
    await tx.user.update({ where: { id: target.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await audit(tx, {
      actorId: user.id,
      action: 'user.password-reset',
      entityType: 'User',
      entityId: target.id,
      details: { email: target.email },
    });
    return { id: target.id };
  });
}
