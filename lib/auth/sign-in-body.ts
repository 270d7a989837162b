// The body of a credentials sign-in, read once. The throttle keys its per-account
// count on the address in this body, and next-auth is handed this same body
// re-encoded, so the two can never read different fields: a repeated field
// ("email=decoy&email=victim") or a body next-auth would read differently is
// refused before either sees it.

export type SignInBody = { ok: true; fields: Record<string, string> } | { ok: false; message: string };

const REFUSED = { ok: false, message: 'The sign-in request could not be read. Reload the page and try again.' } as const;
const MAX_BODY = 16 * 1024;

export function parseSignInBody(contentType: string | null, text: string): SignInBody {
  if (text.length > MAX_BODY) return REFUSED;
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const fields: Record<string, string> = {};
  if (type === 'application/x-www-form-urlencoded') {
    for (const [key, value] of new URLSearchParams(text)) {
      if (Object.hasOwn(fields, key)) return { ok: false, message: `The field "${key.slice(0, 40)}" was sent more than once.` };
      fields[key] = value;
    }
    return { ok: true, fields };
  }
  if (type === 'application/json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return REFUSED;
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) return REFUSED;
    for (const [key, value] of Object.entries(json)) {
      // Only flat strings, as a form would send: next-auth's own fields are strings too.
      if (typeof value !== 'string') return { ok: false, message: `The field "${key.slice(0, 40)}" must be text.` };
      fields[key] = value;
    }
    return { ok: true, fields };
  }
  return REFUSED;
}

/** The throttle's account key: the address as the credentials provider will look it up. */
export function accountKey(email: string | undefined): string {
  return (email ?? '').trim().toLowerCase().slice(0, 254);
}
