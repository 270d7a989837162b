// Dynamic route segments ([id], [slug], …) as Next.js hands them to a page or
// route handler: already decoded, so anything at all. The edge
// (scripts/lib/edge-guard.mjs) refuses undecodable addresses and control
// characters; these checks say what a segment may be before it reaches a query,
// so an odd one is a 404 rather than a database error.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// What lib/slug.ts and the issue form's slug rule produce.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A record id (PostgreSQL uuid). */
export function isUuidParam(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** An issue's or event's slug. */
export function isSlugParam(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 200 && SLUG.test(value);
}
