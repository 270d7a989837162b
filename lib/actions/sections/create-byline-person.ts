'use server';
import { createAction } from '@/lib/actions/action';
import { createPerson } from '@/lib/data/people';
import { addSectionByline } from '@/lib/data/sections';
import { createBylinePersonSchema } from '@/lib/validation/sections';
import { afterBylineChange } from './byline-revalidate';

/**
 * Creates a person from the byline panel (lib/data/people.ts, with its own audit
 * row) and adds them to the end of the article's byline (a second audit row).
 */
const action = createAction({
  schema: createBylinePersonSchema,
  permission: 'person:create',
  run: async ({ sectionId, ...person }, { user }) => {
    const created = await createPerson(user, person);
    const { issue, ...bylines } = await addSectionByline(user, { sectionId, personId: created.id });
    afterBylineChange(issue, sectionId);
    return { person: { id: created.id, name: created.name }, ...bylines };
  },
});

export async function createBylinePersonAction(...args: Parameters<typeof action>) {
  return action(...args);
}
