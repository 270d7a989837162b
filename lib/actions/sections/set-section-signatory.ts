'use server';
import { createAction } from '@/lib/actions/action';
import { setSectionSignatory } from '@/lib/data/sections';
import { setSectionSignatorySchema } from '@/lib/validation/sections';
import { afterBylineChange } from './byline-revalidate';

/** The intro's signatory and sign-off. Sponsors may set them too (intro:update). */
const action = createAction({
  schema: setSectionSignatorySchema,
  permission: 'intro:update',
  successMessage: 'Sign-off saved.',
  run: async (input, { user }) => {
    const { issue, changed, ...rest } = await setSectionSignatory(user, input);
    if (changed) afterBylineChange(issue, input.sectionId);
    return { signatoryId: rest.signatoryId, signOff: rest.signOff };
  },
});

export async function setSectionSignatoryAction(...args: Parameters<typeof action>) {
  return action(...args);
}
