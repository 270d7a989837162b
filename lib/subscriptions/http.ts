// Shared by the subscription route handlers: plain HTML forms post to them (so
// they work without JavaScript) and each answer is a 303 to a page.

/**
 * A 303 to a path on this site. The Location is relative: behind scripts/server.mjs
 * (or a proxy) `request.url` may name another host than the one the reader used.
 */
export const seeOther = (_request: Request, path: string) => new Response(null, { status: 303, headers: { Location: path, 'Cache-Control': 'no-store' } });

/**
 * A form on another site must not be able to make us send email or change a
 * subscription. Browsers say where a request comes from in Sec-Fetch-Site (scripts
 * cannot set it); without it, Origin is compared with Host. The token pages send
 * no referrer, so their posts carry `Origin: null` and rely on Sec-Fetch-Site.
 * No Origin at all is not a browser's cross-site form.
 */
export function crossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin === 'null' || !host) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export const refuseCrossSite = () => new Response('Cross-site request refused.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** The form's fields, or null for a body that is not a form. Only string fields count. */
export async function formFields(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const form = await request.formData();
    const out: Record<string, unknown> = {};
    for (const [key, value] of form.entries()) {
      Object.defineProperty(out, key, { value: typeof value === 'string' ? value : null, enumerable: true, writable: true, configurable: true });
    }
    return out;
  } catch {
    return null;
  }
}
