/** The public origin, for canonical URLs, feeds and calendar links. */
export function siteUrl(): string {
  return (process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
}

export const SITE_NAME = 'Regional Update';
export const SITE_DESCRIPTION =
  "News, events and learning from the region's children's services councils and trusts, published monthly.";
