// Postgres itself must reject bad rows, whatever the application layer does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/prisma-client';
import { createTestDatabase, type TestDatabase } from '../support/db';

const emptyDoc = { type: 'doc', content: [] };

/** The error's message and its causes' messages, flattened for matching constraint names. */
function describeError(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof Error) parts.push(current.message);
    const meta = (current as { meta?: unknown }).meta;
    if (meta) parts.push(JSON.stringify(meta));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

async function rejection(promise: Promise<unknown>): Promise<{ code: string | undefined; text: string }> {
  try {
    await promise;
  } catch (err) {
    return { code: (err as { code?: string }).code, text: describeError(err) };
  }
  throw new Error('Expected the database to reject the write, but it was accepted');
}

/** Rejected by the named CHECK constraint (SQLSTATE 23514). */
async function expectCheckViolation(promise: Promise<unknown>, constraint: string) {
  const { text } = await rejection(promise);
  expect(text).toContain(constraint);
}

/** Rejected as a unique violation (Prisma P2002) on the given fields. */
async function expectUniqueViolation(promise: Promise<unknown>, fields: string[]) {
  const { code, text } = await rejection(promise);
  expect(code, text).toBe('P2002');
  for (const field of fields) expect(text).toContain(field);
}

describe('database constraints', () => {
  let db: TestDatabase;
  let prisma: Db;
  let issueId: string;
  let eventId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = db.prisma;
    ({ id: issueId } = await prisma.issue.create({
      data: { slug: 'constraints-issue', title: 'Constraints', month: new Date('2025-10-01T00:00:00Z') },
    }));
    ({ id: eventId } = await prisma.event.create({
      data: { slug: 'constraints-event', title: 'Constraints event', description: emptyDoc, mode: 'ONLINE' },
    }));
    await prisma.section.create({
      data: { issueId, position: 0, kind: 'ARTICLE', title: 'First', body: emptyDoc },
    });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('rejects a duplicate issue slug', async () => {
    await expectUniqueViolation(
      prisma.issue.create({
        data: { slug: 'constraints-issue', title: 'Again', month: new Date('2025-11-01T00:00:00Z') },
      }),
      ['slug'],
    );
  });

  it('rejects a duplicate event slug', async () => {
    await expectUniqueViolation(
      prisma.event.create({
        data: { slug: 'constraints-event', title: 'Again', description: emptyDoc, mode: 'IN_PERSON' },
      }),
      ['slug'],
    );
  });

  it('rejects a session that ends before, or when, it starts', async () => {
    const startsAt = new Date('2025-11-04T09:30:00Z');
    await expectCheckViolation(
      prisma.eventSession.create({ data: { eventId, startsAt, endsAt: new Date('2025-11-04T09:00:00Z') } }),
      'EventSession_ends_after_starts',
    );
    await expectCheckViolation(
      prisma.eventSession.create({ data: { eventId, startsAt, endsAt: startsAt } }),
      'EventSession_ends_after_starts',
    );
    // A well-formed session is accepted.
    await prisma.eventSession.create({ data: { eventId, startsAt, endsAt: new Date('2025-11-04T12:30:00Z') } });
  });

  it('rejects an email with uppercase letters', async () => {
    await expectCheckViolation(
      prisma.user.create({ data: { email: 'Editor@Example.org', name: 'Upper', role: 'EDITOR' } }),
      'User_email_lowercase',
    );
    await prisma.user.create({ data: { email: 'editor@example.org', name: 'Lower', role: 'EDITOR' } });
  });

  it('rejects two sections at the same position in an issue', async () => {
    await expectUniqueViolation(
      prisma.section.create({ data: { issueId, position: 0, kind: 'ARTICLE', title: 'Clash', body: emptyDoc } }),
      ['issueId', 'position'],
    );
  });

  it('rejects a negative section position', async () => {
    await expectCheckViolation(
      prisma.section.create({ data: { issueId, position: -1, kind: 'ARTICLE', title: 'Negative', body: emptyDoc } }),
      'Section_position_nonnegative',
    );
  });

  it('rejects a paid event with no cost', async () => {
    await expectCheckViolation(
      prisma.event.create({
        data: { slug: 'paid-no-cost', title: 'Paid', description: emptyDoc, mode: 'ONLINE', isFree: false },
      }),
      'Event_cost_when_paid',
    );
    await prisma.event.create({
      data: {
        slug: 'paid-with-cost',
        title: 'Paid',
        description: emptyDoc,
        mode: 'ONLINE',
        isFree: false,
        cost: '£95 per delegate',
      },
    });
  });

  it('rejects an issue month that is not the first of the month', async () => {
    await expectCheckViolation(
      prisma.issue.create({
        data: { slug: 'mid-month', title: 'Mid-month', month: new Date('2025-10-15T00:00:00Z') },
      }),
      'Issue_month_first_day',
    );
  });
});
