import { z } from 'zod';
import { cleanQueryText } from './query';

// GET /api/media?q=&page= (the editor's image picker). Strict: any other
// parameter is a 400, so the route's input is exactly this.

export const MEDIA_PICKER_PAGE_SIZE = 12;

export const mediaPickerQuerySchema = z
  .object({
    q: z
      .string()
      .max(200, 'The search must be 200 characters or fewer')
      .optional()
      .default('')
      .transform((v) => cleanQueryText(v, 200)),
    page: z.coerce
      .number({ message: 'page must be a number' })
      .int('page must be a whole number')
      .min(1, 'page starts at 1')
      .max(10_000, 'page is too large')
      .optional()
      .default(1),
  })
  .strict();

export type MediaPickerQuery = z.output<typeof mediaPickerQuerySchema>;

/** What the picker receives for each image. */
export type MediaPickerItem = {
  id: string;
  url: string;
  width: number;
  height: number;
  alt: string;
  decorative: boolean;
  /** False when the image has no alt text and is not marked decorative. */
  insertable: boolean;
};

export type MediaPickerPage = { items: MediaPickerItem[]; total: number; page: number; pageCount: number };
