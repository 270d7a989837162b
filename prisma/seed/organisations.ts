// The region's 14 councils and trusts, and the partners and networks the
// bulletins name. Websites only where the address is certain (otherwise null).
import type { OrganisationKind } from '../../lib/generated/prisma/enums';

export type OrganisationSeed = {
  slug: string;
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  website: string | null;
};

function org<const S extends string>(
  slug: S,
  name: string,
  kind: OrganisationKind,
  extra: { shortName?: string; website?: string } = {},
): OrganisationSeed & { slug: S } {
  return { slug, name, kind, shortName: extra.shortName ?? null, website: extra.website ?? null };
}

/** The 14 councils and trusts of the West Midlands region. */
export const REGIONAL_AUTHORITIES = [
  org('birmingham-childrens-trust', 'Birmingham Children’s Trust', 'TRUST', {
    shortName: 'BCT',
    website: 'https://www.birminghamchildrenstrust.co.uk',
  }),
  org('coventry-city-council', 'Coventry City Council', 'COUNCIL', { website: 'https://www.coventry.gov.uk' }),
  org('dudley-mbc', 'Dudley Metropolitan Borough Council', 'COUNCIL', {
    shortName: 'Dudley MBC',
    website: 'https://www.dudley.gov.uk',
  }),
  org('herefordshire-council', 'Herefordshire Council', 'COUNCIL', { website: 'https://www.herefordshire.gov.uk' }),
  org('sandwell-childrens-trust', 'Sandwell Children’s Trust', 'TRUST', { shortName: 'SCT' }),
  org('shropshire-council', 'Shropshire Council', 'COUNCIL', { website: 'https://www.shropshire.gov.uk' }),
  org('solihull-mbc', 'Solihull Metropolitan Borough Council', 'COUNCIL', {
    shortName: 'Solihull MBC',
    website: 'https://www.solihull.gov.uk',
  }),
  org('staffordshire-county-council', 'Staffordshire County Council', 'COUNCIL', {
    website: 'https://www.staffordshire.gov.uk',
  }),
  org('stoke-on-trent-city-council', 'Stoke-on-Trent City Council', 'COUNCIL', { website: 'https://www.stoke.gov.uk' }),
  org('telford-and-wrekin-council', 'Telford & Wrekin Council', 'COUNCIL', { website: 'https://www.telford.gov.uk' }),
  org('walsall-council', 'Walsall Council', 'COUNCIL', { website: 'https://go.walsall.gov.uk' }),
  org('warwickshire-county-council', 'Warwickshire County Council', 'COUNCIL', {
    website: 'https://www.warwickshire.gov.uk',
  }),
  org('city-of-wolverhampton-council', 'City of Wolverhampton Council', 'COUNCIL', {
    website: 'https://www.wolverhampton.gov.uk',
  }),
  org('worcestershire-children-first', 'Worcestershire Children First', 'TRUST', { shortName: 'WCF' }),
] as const satisfies readonly OrganisationSeed[];

/** Partners and networks named in the bulletins. */
export const PARTNERS_AND_NETWORKS = [
  org('the-staff-college', 'The Staff College', 'PARTNER', { website: 'https://thestaffcollege.uk' }),
  org('ndti', 'National Development Team for Inclusion', 'PARTNER', {
    shortName: 'NDTi',
    website: 'https://www.ndti.org.uk',
  }),
  org('adass', 'Association of Directors of Adult Social Services', 'PARTNER', {
    shortName: 'ADASS',
    website: 'https://www.adass.org.uk',
  }),
  org('wmadcs', 'West Midlands ADCS', 'NETWORK', { shortName: 'WMADCS' }),
  org('qppg', 'Quality of Performance and Practice Group', 'NETWORK', { shortName: 'QPPG' }),
  org('west-midlands-social-work-teaching-partnership', 'West Midlands Social Work Teaching Partnership', 'NETWORK'),
  org('regional-safeguarding-network', 'Regional Safeguarding Network', 'NETWORK'),
  org('west-midlands-participation-leads-network', 'West Midlands Participation Leads Network', 'NETWORK', {
    shortName: 'WMPLN',
  }),
  org('seslip', 'South East Sector Led Improvement Programme', 'NETWORK', { shortName: 'SESLIP' }),
] as const satisfies readonly OrganisationSeed[];

export const ORGANISATIONS: readonly OrganisationSeed[] = [...REGIONAL_AUTHORITIES, ...PARTNERS_AND_NETWORKS];

export type OrganisationSlug =
  (typeof REGIONAL_AUTHORITIES)[number]['slug'] | (typeof PARTNERS_AND_NETWORKS)[number]['slug'];
