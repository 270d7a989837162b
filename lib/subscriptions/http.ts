// Shared by the subscription route handlers: plain HTML forms post to them (so
// they work without JavaScript) and each answer is a 303 to a page.

export const seeOther = (request: Request, path: string) => Response.redirect(new URL(path, request.url), 303);

/** A form on another site must not be able to make us send email or change a subscription. */
export function crossSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  return !!origin && origin !== new URL(request.url).origin;
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
