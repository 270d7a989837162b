import { z } from 'zod';
import { fileTooLargeMessage, MAX_UPLOAD_BYTES } from '@/lib/media/limits';
import { queryPage, queryText } from './query';

// Media library forms. Shared by the admin forms, the server actions and
// lib/data/media.ts; `.strict()` refuses any field not listed. The file itself is
// checked by lib/media/process.ts (content, not name), not here.

export const ALT_MAX_LENGTH = 1000;

/** HTML checkboxes send "on" when ticked and nothing when not. */
const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

const altFields = {
  alt: z.string().max(ALT_MAX_LENGTH, `Alt text must be ${ALT_MAX_LENGTH} characters or fewer`).optional().default(''),
  decorative: checkbox,
};

const ALT_REQUIRED = 'Enter alt text that describes the image, or tick “decorative” if it adds no information';

/** Alt text is required unless the image is decorative; a decorative image's alt is always ''. */
function normaliseAlt<T extends { alt: string; decorative: boolean }>(value: T, ctx: z.RefinementCtx): T {
  const alt = value.alt.replace(/\s+/g, ' ').trim();
  if (value.decorative) return { ...value, alt: '' };
  if (!alt) ctx.addIssue({ code: 'custom', path: ['alt'], message: ALT_REQUIRED });
  return { ...value, alt };
}

export const mediaAltSchema = z.object(altFields).strict().transform(normaliseAlt);

const isFileLike = (v: unknown): v is File =>
  typeof v === 'object' && v !== null && typeof (v as File).arrayBuffer === 'function' && typeof (v as File).size === 'number';

export const uploadMediaSchema = z
  .object({
    file: z
      .custom<File>((v) => isFileLike(v) && v.size > 0, { message: 'Select an image to upload' })
      .superRefine((file, ctx) => {
        if (isFileLike(file) && file.size > MAX_UPLOAD_BYTES) ctx.addIssue({ code: 'custom', message: fileTooLargeMessage(file.size) });
      }),
    ...altFields,
  })
  .strict()
  .transform(normaliseAlt);

export const updateMediaAltSchema = z
  .object({ id: z.uuid({ message: 'Choose a valid image' }), ...altFields })
  .strict()
  .transform(normaliseAlt);

export const deleteMediaSchema = z.object({ id: z.uuid({ message: 'Choose a valid image' }) }).strict();

export const mediaListSchema = z.object({ q: queryText(200), page: queryPage });

export type UploadMediaInput = z.output<typeof uploadMediaSchema>;
export type UpdateMediaAltInput = z.output<typeof updateMediaAltSchema>;
