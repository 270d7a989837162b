import type { Prisma } from '../generated/prisma/client';

// The one list of what a section holds that readers see. A working Section and a
// PublishedSection have the same fields, so the same selects read both.

/** The section's own fields readers see. */
export const sectionContentSelect = {
  kind: true,
  title: true,
  body: true,
  bylineOrganisationId: true,
  signOff: true,
  signatoryId: true,
} as const satisfies Prisma.SectionSelect & Prisma.PublishedSectionSelect;

/** A section with its place and its ordered bylines and events, positions included: what a copy (a publication, a duplicated issue) writes. */
export const sectionCopySelect = {
  position: true,
  ...sectionContentSelect,
  bylines: { orderBy: { position: 'asc' }, select: { personId: true, position: true } },
  events: { orderBy: { position: 'asc' }, select: { eventId: true, position: true } },
} as const satisfies Prisma.SectionSelect;
