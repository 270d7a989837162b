// "By …" under a section title: the people named (with role and organisation),
// or, when there are none, the organisation the item comes from.

type BylinePerson = { name: string; jobTitle: string | null; organisation: { name: string } | null };

export type BylineSource = {
  bylines: { person: BylinePerson }[];
  bylineOrganisation: { name: string } | null;
};

export function bylineText(section: BylineSource): string | null {
  const people = section.bylines.map(({ person }) =>
    [person.name, person.jobTitle, person.organisation?.name].filter(Boolean).join(', '),
  );
  if (people.length) return people.join('; ');
  return section.bylineOrganisation?.name ?? null;
}
