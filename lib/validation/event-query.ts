import { z } from 'zod';
import { queryPage, queryText } from './query';

export const EVENT_PAGE_SIZE = 25;

/** `?q=&when=&page=` of the admin event list: lenient, never an error. */
export const eventListQuerySchema = z.object({
  q: queryText(200),
  when: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v[0] : v))
    .pipe(z.enum(['upcoming', 'past', 'all']))
    .catch('upcoming'),
  page: queryPage,
});
export type EventListQuery = z.output<typeof eventListQuerySchema>;
