// Demo accounts, one per role, for local development, the README and e2e tests.
// The passwords are public: the seed refuses to create these users in production.
import type { Role } from '../../lib/generated/prisma/enums';
import type { OrganisationSlug } from './organisations';
import type { PersonSlug } from './people';

export type DemoUser = {
  email: string;
  password: string;
  name: string;
  role: Role;
  /** The Person this account belongs to (their name and organisation are used). */
  person?: PersonSlug;
  organisation?: OrganisationSlug;
};

export const DEMO_USERS = {
  admin: { email: 'admin@example.org', password: 'admin-demo-password', name: 'Demo Admin', role: 'ADMIN' },
  editor: {
    email: 'editor@example.org',
    password: 'editor-demo-password',
    name: 'Elizabeth White',
    role: 'EDITOR',
    person: 'elizabeth-white',
  },
  sponsor: {
    email: 'sponsor@example.org',
    password: 'sponsor-demo-password',
    name: 'Emma Taylor',
    role: 'SPONSOR',
    person: 'emma-taylor',
  },
  contributor: {
    email: 'contributor@example.org',
    password: 'contributor-demo-password',
    name: 'Demo Contributor',
    role: 'CONTRIBUTOR',
    organisation: 'the-staff-college',
  },
} as const satisfies Record<string, DemoUser>;

export type DemoUserKey = keyof typeof DEMO_USERS;
