// Authors, signatories and presenters named in the bulletins, with only the
// job titles and organisations the text states.
import type { OrganisationSlug } from './organisations';

export type PersonSeed = {
  slug: string;
  name: string;
  jobTitle: string | null;
  organisation: OrganisationSlug | null;
};

function person<const S extends string>(
  slug: S,
  name: string,
  jobTitle: string | null,
  organisation: OrganisationSlug | null,
): PersonSeed & { slug: S } {
  return { slug, name, jobTitle, organisation };
}

export const PEOPLE = [
  // Signs both intros: "From Sandwell Children’s Trust’s Chief Executive and our QPPG sponsor".
  person('emma-taylor', 'Emma Taylor', 'Chief Executive', 'sandwell-childrens-trust'),
  // "the Participation Manager at Sandwell Children’s Trust … chair of the network" (WMPLN, since January 2024).
  person('abdul-kahar', 'Abdul Kahar', 'Participation Manager', 'sandwell-childrens-trust'),
  // "Elizabeth White (Regional Projects Officer)": the text names no employer.
  person('elizabeth-white', 'Elizabeth White', 'Regional Projects Officer', null),
  // Regional Master Class, 1 July 2024: "from Warwickshire County Council".
  person('michelle-warren', 'Michelle Warren', null, 'warwickshire-county-council'),
  person('daniel-atkins', 'Daniel Atkins', null, 'warwickshire-county-council'),
  person('nigel-jones', 'Nigel Jones', null, 'warwickshire-county-council'),
  // Regional Master Class, 12 July 2024: "Nicola Hale – Dudley MBC".
  person('nicola-hale', 'Nicola Hale', null, 'dudley-mbc'),
  // Naming the Silence: Identity in Safeguarding (10 December 2025).
  person('delroy-madden', 'Delroy Madden', null, null),
  // Learning from Research Seminar (11 December 2025); the title is part of how the text names her.
  person('rachel-hiller', 'Professor Rachel Hiller', null, null),
] as const satisfies readonly PersonSeed[];

export type PersonSlug = (typeof PEOPLE)[number]['slug'];
