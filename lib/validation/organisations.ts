import { z } from 'zod';
import { recordId } from './people';

export const ORGANISATION_KINDS = ['COUNCIL', 'TRUST', 'PARTNER', 'NETWORK'] as const;
export const ORGANISATION_KIND_LABEL: Record<(typeof ORGANISATION_KINDS)[number], string> = {
  COUNCIL: 'Council',
  TRUST: 'Trust',
  PARTNER: 'Partner',
  NETWORK: 'Network',
};

const website = z
  .string()
  .trim()
  .max(500, 'Website must be 500 characters or fewer')
  .optional()
  .transform((v) => (v ? v : null))
  .refine(
    (v) => {
      if (v === null) return true;
      try {
        const url = new URL(v);
        return url.protocol === 'https:' && !!url.hostname && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { message: 'Enter a website address starting with https://, like https://www.example.gov.uk' },
  );

const organisationFields = {
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Name must be 200 characters or fewer'),
  shortName: z
    .string()
    .trim()
    .max(50, 'Short name must be 50 characters or fewer')
    .optional()
    .transform((v) => (v ? v : null)),
  kind: z.enum(ORGANISATION_KINDS, { message: 'Choose what kind of organisation this is' }),
  website,
};

export const createOrganisationSchema = z.object(organisationFields).strict();
export const updateOrganisationSchema = z.object({ id: recordId, ...organisationFields }).strict();

export const mergeOrganisationsSchema = z
  .object({
    sourceId: z.uuid({ message: 'Choose the duplicate to merge' }),
    targetId: z.uuid({ message: 'Choose the organisation to keep' }),
  })
  .strict()
  .refine((v) => v.sourceId !== v.targetId, {
    message: 'Choose a different organisation: an organisation cannot be merged into itself',
    path: ['targetId'],
  });

export type CreateOrganisationInput = z.output<typeof createOrganisationSchema>;
export type UpdateOrganisationInput = z.output<typeof updateOrganisationSchema>;
export type MergeOrganisationsInput = z.output<typeof mergeOrganisationsSchema>;
