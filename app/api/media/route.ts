import { z } from 'zod';
import { can } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { listMediaForPicker } from '@/lib/data/media';
import { isAppError } from '@/lib/errors';
import { mediaPickerQuerySchema } from '@/lib/validation/media-picker';

// The section editor's image picker lists the media library from here.
// Signed-in users with media:read only; never cached.

export const dynamic = 'force-dynamic';

const HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: HEADERS });
}

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return json({ error: 'Sign in to continue.' }, 401);
  if (!can(user, 'media:read')) return json({ error: 'You do not have permission to browse the media library.' }, 403);
  const parsed = mediaPickerQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return json({ error: flat.formErrors[0] ?? Object.values(flat.fieldErrors).flat()[0] ?? 'Invalid query.', fieldErrors: flat.fieldErrors }, 400);
  }
  try {
    return json(await listMediaForPicker(user, parsed.data));
  } catch (error) {
    // An expected failure answers with its own status; anything else is a real 500.
    if (isAppError(error)) return json({ error: error.message, fieldErrors: error.fieldErrors }, error.status);
    throw error;
  }
}
