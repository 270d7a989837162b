import { z } from 'zod';
import { optionalId, recordId } from './people';

export const USER_ROLES = ['ADMIN', 'EDITOR', 'SPONSOR', 'CONTRIBUTOR'] as const;
export const ROLE_LABEL: Record<(typeof USER_ROLES)[number], string> = {
  ADMIN: 'Administrator',
  EDITOR: 'Editor',
  SPONSOR: 'Sponsor',
  CONTRIBUTOR: 'Contributor',
};

export const PASSWORD_MIN_LENGTH = 12;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email({ message: 'Enter an email address in the correct format, like name@example.org' }));

const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be ${PASSWORD_MIN_LENGTH} characters or more`)
  .max(1024, 'Password must be 1024 characters or fewer');

const role = z.enum(USER_ROLES, { message: 'Choose a role' });

const profileFields = {
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Name must be 200 characters or fewer'),
  organisationId: optionalId('Choose an organisation from the list'),
  personId: optionalId('Choose a person from the list'),
};

export const createUserSchema = z.object({ email, role, password, ...profileFields }).strict();

/** Name, organisation and linked person only: role, email and password have their own forms. */
export const updateUserProfileSchema = z.object({ id: recordId, ...profileFields }).strict();

export const changeUserRoleSchema = z.object({ id: recordId, role }).strict();
export const userIdSchema = z.object({ id: recordId }).strict();
export const resetUserPasswordSchema = z.object({ id: recordId, password }).strict();

export type CreateUserInput = z.output<typeof createUserSchema>;
export type UpdateUserProfileInput = z.output<typeof updateUserProfileSchema>;
export type ChangeUserRoleInput = z.output<typeof changeUserRoleSchema>;
export type ResetUserPasswordInput = z.output<typeof resetUserPasswordSchema>;
