import { describe, expect, it } from 'vitest';
import { defaultPlacement, type Placed } from '@/components/admin/issues/placement';

const s = (id: string, kind: Placed['kind']): Placed => ({ id, title: id, kind });

describe('defaultPlacement', () => {
  it('puts a new section before the first event list (after the intro of the template)', () => {
    expect(defaultPlacement([s('intro', 'INTRO'), s('events', 'EVENT_LIST'), s('cpd', 'EVENT_LIST'), s('key', 'EVENT_LIST')])).toBe('intro');
    expect(defaultPlacement([s('intro', 'INTRO'), s('news', 'ARTICLE'), s('events', 'EVENT_LIST')])).toBe('news');
  });

  it('puts it at the start when an event list comes first, and at the end when there is none', () => {
    expect(defaultPlacement([s('events', 'EVENT_LIST'), s('news', 'ARTICLE')])).toBe('start');
    expect(defaultPlacement([s('intro', 'INTRO'), s('news', 'ARTICLE')])).toBe('news');
    expect(defaultPlacement([])).toBe('start');
  });
});
