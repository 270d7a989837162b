// SUBSCRIBE_DOMAINS (optional): a comma-separated list of the member
// organisations' email domains. When set, only addresses at one of them, or at
// a subdomain of one, may subscribe. Unset or empty: any address.

export function allowedDomains(): string[] {
  return (process.env.SUBSCRIBE_DOMAINS ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);
}

export function domainAllowed(email: string, domains = allowedDomains()): boolean {
  if (domains.length === 0) return true;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}
