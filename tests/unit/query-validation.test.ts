import { describe, expect, it } from 'vitest';
import { eventListQuerySchema } from '@/lib/validation/events';
import { mediaListSchema } from '@/lib/validation/media';
import { mediaPickerQuerySchema } from '@/lib/validation/media-picker';
import { listQuerySchema } from '@/lib/validation/people';
import { MAX_PAGE } from '@/lib/validation/query';
import { parseSearchQuery } from '@/lib/validation/search';

// Every list page's `?q=&page=` goes through the shared pieces in lib/validation/query.ts.
const lists = { media: mediaListSchema, people: listQuerySchema, events: eventListQuerySchema };

describe.each(Object.entries(lists))('%s list query', (_name, schema) => {
  it('strips NUL and other control characters from q', () => {
    expect(schema.parse({ q: '\u0000' }).q).toBe('');
    expect(schema.parse({ q: 'Jo\u0000 \u0007Smith\u009f' }).q).toBe('Jo Smith');
    expect(schema.parse({ q: ['first\u0000', 'second'] }).q).toBe('first');
    expect(schema.parse({ q: 'x'.repeat(500) }).q).toHaveLength(200);
  });
  it('clamps the page into range', () => {
    expect(schema.parse({ page: '-1' }).page).toBe(1);
    expect(schema.parse({ page: '0' }).page).toBe(1);
    expect(schema.parse({ page: '1e9' }).page).toBe(MAX_PAGE);
    expect(schema.parse({ page: '99999999999999999999999' }).page).toBe(MAX_PAGE);
    expect(schema.parse({ page: 'abc' }).page).toBe(1);
    expect(schema.parse({ page: '%00' }).page).toBe(1);
    expect(schema.parse({ page: ['3', '4'] }).page).toBe(3);
    expect(schema.parse({ page: '2.7' }).page).toBe(2);
    expect(schema.parse({}).page).toBe(1);
  });
});

describe('search and the media picker', () => {
  it('strip NUL from the query', () => {
    expect(parseSearchQuery('care\u0000 leavers')).toBe('care leavers');
    expect(mediaPickerQuerySchema.parse({ q: 'a\u0000b' }).q).toBe('a b');
  });
});
