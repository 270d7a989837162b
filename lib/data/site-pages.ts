import 'server-only';
import { audit } from '@/lib/audit';
import { requirePermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { MISSING_IMAGE_MESSAGE, missingImages } from '@/lib/data/media-references';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { richTextToPlain } from '@/lib/rich-text/plain-text';
import { validateRichText } from '@/lib/rich-text/validate';
import { SITE_PAGE_SLUGS, type SitePageSlug, type UpdateSitePageInput } from '@/lib/validation/site-pages';

// The accessibility statement and the privacy notice. Their text is public, so the
// public read needs no permission; listing and editing them is 'site-page:update'.

const EMPTY_BODY = 'Enter the text of the page';

/** What readers see. Null only if the row was removed from the database by hand. */
export async function getPublicSitePage(slug: SitePageSlug) {
  return db.sitePage.findUnique({ where: { slug }, select: { slug: true, title: true, body: true, updatedAt: true } });
}

const EDIT_SELECT = {
  slug: true,
  title: true,
  body: true,
  version: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} as const;

/** The pages an admin or editor may edit, in the fixed order. */
export async function listSitePages(user: SessionUser) {
  requirePermission(user, 'site-page:update');
  const rows = await db.sitePage.findMany({ select: { slug: true, title: true, updatedAt: true, updatedBy: { select: { name: true } } } });
  const order = (slug: string) => SITE_PAGE_SLUGS.indexOf(slug as SitePageSlug);
  return rows.sort((a, b) => order(a.slug) - order(b.slug));
}

export async function getSitePageForEdit(user: SessionUser, slug: SitePageSlug) {
  requirePermission(user, 'site-page:update');
  return db.sitePage.findUnique({ where: { slug }, select: EDIT_SELECT });
}

/**
 * Saves a page if nobody else saved it since `version` was read; a stale save is
 * refused with a conflict and changes nothing, and the editor keeps the text typed.
 */
export async function updateSitePage(user: SessionUser, input: UpdateSitePageInput) {
  requirePermission(user, 'site-page:update');
  const checked = validateRichText(input.body);
  if (!checked.ok) throw new AppError('invalid', checked.error, { fieldErrors: { body: [checked.error] } });
  if (!richTextToPlain(checked.doc).trim()) throw new AppError('invalid', EMPTY_BODY, { fieldErrors: { body: [EMPTY_BODY] } });
  return db.$transaction(async (tx) => {
    if ((await missingImages(tx, [checked.doc])).length) {
      throw new AppError('invalid', MISSING_IMAGE_MESSAGE, { fieldErrors: { body: [MISSING_IMAGE_MESSAGE] } });
    }
    const updated = await tx.sitePage.updateMany({
      where: { slug: input.slug, version: input.version },
      data: { title: input.title, body: checked.doc as Prisma.InputJsonValue, version: { increment: 1 }, updatedById: user.id },
    });
    if (updated.count === 0) {
      const current = await tx.sitePage.findUnique({ where: { slug: input.slug }, select: { updatedBy: { select: { name: true } } } });
      if (!current) throw new AppError('not_found', 'That page no longer exists.');
      const by = current.updatedBy?.name ? ` (${current.updatedBy.name})` : '';
      throw new AppError(
        'conflict',
        `Someone else${by} saved this page while you were editing, so your changes were not saved. Your text is still here: copy it, reload the page and make your changes again.`,
      );
    }
    const saved = await tx.sitePage.findUniqueOrThrow({ where: { slug: input.slug }, select: { slug: true, version: true, updatedAt: true } });
    await audit(tx, {
      actorId: user.id,
      action: 'site-page.update',
      entityType: 'SitePage',
      entityId: input.slug,
      details: { version: saved.version, title: input.title },
    });
    return saved;
  });
}
