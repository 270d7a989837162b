// The client's address for throttling. scripts/server.mjs overwrites
// X-Forwarded-For with the socket address unless TRUST_PROXY is set (then a
// reverse proxy we trust appends the real address last). Either way the value a
// client sends cannot choose its own throttling bucket.
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const raw = headers instanceof Headers ? headers.get('x-forwarded-for') : headers['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  if (!value) return null;
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean);
  return parts.at(-1) ?? null;
}
