import { describe, expect, it } from 'vitest';
import { parseMentions } from '@/lib/workflow/mentions';

const users = [
  { id: 'emma', name: 'Emma Taylor' },
  { id: 'sam', name: 'Sam Jones' },
  { id: 'samjs', name: 'Sam Jones-Smith' },
  { id: 'zoe', name: 'Zoë Brontë' },
];

describe('parseMentions', () => {
  it('finds @Full Name, case-insensitively, in order, once each', () => {
    expect(parseMentions('@emma taylor and @Sam Jones, please check. Thanks @Emma Taylor!', users)).toEqual(['emma', 'sam']);
  });

  it('takes the longest name that fits', () => {
    expect(parseMentions('cc @Sam Jones-Smith', users)).toEqual(['samjs']);
    expect(parseMentions('cc @Sam Jones-', users)).toEqual(['sam']);
  });

  it('needs the whole name, ending at a non-letter', () => {
    expect(parseMentions('@Sam Jonesy', users)).toEqual([]);
    expect(parseMentions('@Sam', users)).toEqual([]);
    expect(parseMentions('@Emma Taylor.', users)).toEqual(['emma']);
    expect(parseMentions('(@Emma Taylor)', users)).toEqual(['emma']);
  });

  it('ignores email addresses and bare @', () => {
    expect(parseMentions('write to someone@Emma Taylor or @ alone', users)).toEqual([]);
  });

  it('handles letters beyond ASCII', () => {
    expect(parseMentions('@zoë brontë: thoughts?', users)).toEqual(['zoe']);
    expect(parseMentions('@Zoë Brontëa', users)).toEqual([]);
  });
});
