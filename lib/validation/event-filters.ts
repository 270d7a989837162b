import { z } from 'zod';

// Filters for /events and /events.ics, read from the URL so a filtered view can be shared.
const slug = z.string().trim().min(1).max(100).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Not a valid slug');

export const eventFiltersSchema = z
  .object({
    mode: z.enum(['online', 'in-person']).optional(),
    free: z.literal('yes').optional(),
    topic: slug.optional(),
    organiser: slug.optional(),
    page: z.coerce.number().int().min(1).max(10_000).optional(),
  })
  .strict();

export type EventFilters = z.infer<typeof eventFiltersSchema>;

export const FILTER_KEYS = ['mode', 'free', 'topic', 'organiser', 'page'] as const;

/**
 * Lenient parse for links people share: a bad value drops that one filter and
 * is reported, rather than failing the whole page. Unknown keys are ignored.
 */
export function parseEventFilters(params: Record<string, string | string[] | undefined>): {
  filters: EventFilters;
  errors: string[];
} {
  const filters: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const key of FILTER_KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === '') continue;
    const field = eventFiltersSchema.shape[key].safeParse(value);
    if (field.success) filters[key] = field.data;
    else errors.push(`Ignored the “${key}” filter: “${value.slice(0, 40)}” is not a valid value.`);
  }
  return { filters: filters as EventFilters, errors };
}

/** The query string for a filter set (page omitted unless > 1). */
export function filtersToSearchParams(filters: EventFilters): URLSearchParams {
  const sp = new URLSearchParams();
  if (filters.mode) sp.set('mode', filters.mode);
  if (filters.free) sp.set('free', filters.free);
  if (filters.topic) sp.set('topic', filters.topic);
  if (filters.organiser) sp.set('organiser', filters.organiser);
  if (filters.page && filters.page > 1) sp.set('page', String(filters.page));
  return sp;
}
