import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePublicationSnapshot } from '@/lib/workflow/publication-snapshot';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Decision 017: readers see the snapshot written at publication, not the working sections.
const NOW = new Date('2026-12-03T09:00:00Z');
const text = (t: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] });
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
});

afterAll(async () => {
  await testDb?.drop();
});

describe('publication snapshot', () => {
  it('keeps the published text until a new snapshot is written, and leaves out empty sections', async () => {
    const p = testDb.prisma;
    const issue = await p.issue.create({
      data: {
        slug: 'snapshot-issue',
        title: 'Snapshot issue',
        month: new Date('2026-12-01T00:00:00Z'),
        status: 'PUBLISHED',
        publishedAt: NOW,
        sections: {
          create: [
            { position: 0, kind: 'INTRO', title: 'Introduction', body: text('Signed words') },
            { position: 1, kind: 'ARTICLE', title: 'Empty article', body: { type: 'doc', content: [] } },
          ],
        },
      },
      select: { id: true, sections: { where: { position: 0 }, select: { id: true } } },
    });
    const first = await p.$transaction((tx) => writePublicationSnapshot(tx, issue.id, null, NOW));
    expect(first.revision).toBe(1);

    await p.section.update({ where: { id: issue.sections[0]!.id }, data: { body: text('Unapproved words') } });
    const { getPublishedIssue } = await import('@/lib/data/issues');
    const live = await getPublishedIssue('snapshot-issue');
    expect(live?.sections.map((s) => s.title)).toEqual(['Introduction']);
    expect(JSON.stringify(live?.sections[0]?.body)).toContain('Signed words');

    const second = await p.$transaction((tx) => writePublicationSnapshot(tx, issue.id, null, NOW));
    expect(second.revision).toBe(2);
    const republished = await getPublishedIssue('snapshot-issue');
    expect(JSON.stringify(republished?.sections[0]?.body)).toContain('Unapproved words');
    expect(await p.issuePublication.count({ where: { issueId: issue.id, current: true } })).toBe(1);
  });
});
