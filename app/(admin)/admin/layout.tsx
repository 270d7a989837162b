import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { LeaveGuard } from '@/components/admin/forms/leave-guard';
import { HydratedMarker } from '@/components/admin/hydrated-marker';
import { NotificationsNavLink } from '@/components/admin/notifications/notifications-nav-link';
import { SignOutButton } from '@/components/admin/sign-out-button';
import { ZodJitless } from '@/components/zod-jitless';
import { can, type Action } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { safeCallbackUrl } from '@/lib/validation/callback-url';

const NAV: { href: string; label: string; permission: Action }[] = [
  { href: '/admin/issues', label: 'Issues', permission: 'issue:read' },
  { href: '/admin/events', label: 'Events', permission: 'event:read' },
  { href: '/admin/media', label: 'Media', permission: 'media:read' },
  { href: '/admin/contributions', label: 'Contributions', permission: 'contribution:read' },
  { href: '/admin/people', label: 'People', permission: 'person:read' },
  { href: '/admin/organisations', label: 'Organisations', permission: 'organisation:read' },
  { href: '/admin/users', label: 'Users', permission: 'user:read' },
  { href: '/admin/subscribers', label: 'Subscribers', permission: 'subscriber:read' },
  { href: '/admin/site-pages', label: 'Site pages', permission: 'site-page:update' },
  { href: '/admin/audit', label: 'Audit log', permission: 'audit:read' },
];

export const metadata: Metadata = { title: { default: 'Admin', template: '%s – Admin – Regional Update' }, robots: { index: false } };

const ROLE_LABEL = { ADMIN: 'Administrator', EDITOR: 'Editor', SPONSOR: 'Sponsor', CONTRIBUTOR: 'Contributor' } as const;

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // The page asked for, so signing in leads back to it (set by proxy.ts).
  const user = await requireUser(safeCallbackUrl((await headers()).get('x-return-to')));
  return (
    <>
      <ZodJitless />
      <LeaveGuard />
      <HydratedMarker />
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-[var(--color-focus)] focus:px-3 focus:py-2 focus:text-black">
        Skip to main content
      </a>
      <header className="bg-[var(--color-brand-dark)] text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <Link href="/admin" className="text-xl font-bold text-white hover:underline">
            Regional Update – Admin
          </Link>
          <div className="flex flex-wrap items-center gap-4">
            <p>
              {user.name} <span className="opacity-90">({ROLE_LABEL[user.role]})</span>
            </p>
            <Link href="/" className="text-white underline">
              View the public site
            </Link>
            <SignOutButton />
          </div>
        </div>
        <nav aria-label="Admin" className="border-t border-white/30">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 px-4">
            <li>
              <Link href="/admin" className="inline-block min-h-11 py-3 font-bold text-white underline-offset-4 hover:underline">
                Dashboard
              </Link>
            </li>
            {NAV.filter((item) => can(user, item.permission, { ownerId: user.id })).map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="inline-block min-h-11 py-3 font-bold text-white underline-offset-4 hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
            <li>
              <NotificationsNavLink user={user} />
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
