import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/prisma/seed/index';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

// Delivering the October 2025 edition to confirmed subscribers through the real
// SMTP sink: recipients fixed at creation, at most one message per (send,
// subscriber) even with two workers at once, 4xx retried, 5xx counted as a
// bounce and suppressed after the limit, a crash-interrupted row never resent.

let testDb: TestDatabase;
let sink: SmtpSink;
let deliver: typeof import('@/lib/subscriptions/deliver');
let issueId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  sink = await startSmtpSink();
  process.env.DATABASE_URL = testDb.url;
  process.env.SMTP_URL = sink.url;
  process.env.SITE_URL = 'https://bulletin.example.org';
  process.env.NEXTAUTH_SECRET = 'delivery-test-secret';
  process.env.EMAIL_RATE_PER_SECOND = '1000';
  process.env.EMAIL_BOUNCE_LIMIT = '2';
  await seed(testDb.prisma, { now: new Date('2025-10-01T09:00:00Z') });
  issueId = (await testDb.prisma.issue.findUniqueOrThrow({ where: { slug: 'regional-update-october-2025' }, select: { id: true } })).id;
  deliver = await import('@/lib/subscriptions/deliver');
});

afterAll(async () => {
  const worker = await import('@/lib/jobs/worker');
  await worker.stopJobs({ timeout: 2000 });
  delete process.env.SMTP_URL;
  delete process.env.EMAIL_RATE_PER_SECOND;
  delete process.env.EMAIL_BOUNCE_LIMIT;
  await sink?.close();
  await testDb?.drop();
});

const confirmed = (email: string, extra: Record<string, unknown> = {}) =>
  testDb.prisma.subscriber.create({ data: { email, status: 'CONFIRMED', confirmedAt: new Date(), ...extra }, select: { id: true, email: true } });

async function drain(sendId: string, workers = 1) {
  for (let i = 0; i < 50; i++) {
    const results = await Promise.all(Array.from({ length: workers }, () => deliver.deliverBatch(sendId, { limit: 15 })));
    if (results.every((r) => r!.queued === 0)) return results[0]!;
  }
  throw new Error('the send did not finish');
}

const perRecipient = () => {
  const counts = new Map<string, number>();
  for (const m of sink.messages) for (const to of m.envelopeTo) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
};

describe('delivering the edition', () => {
  it('sends each confirmed subscriber exactly one message, with two workers at once, and counts a 550 as a bounce', async () => {
    const readers = await Promise.all(Array.from({ length: 40 }, (_, i) => confirmed(`reader-${i}@example.org`)));
    await testDb.prisma.subscriber.create({ data: { email: 'pending@example.org' } });
    await testDb.prisma.subscriber.create({ data: { email: 'left@example.org', status: 'UNSUBSCRIBED', unsubscribedAt: new Date() } });
    await confirmed('digest-only@example.org', { newIssues: false, eventsDigest: 'WEEKLY' });
    await confirmed('suppressed@example.org');
    await testDb.prisma.emailSuppression.create({ data: { email: 'suppressed@example.org', reason: 'EDITOR' } });
    const bouncer = await confirmed('gone@example.org');
    sink.rejectRecipient('gone@example.org');

    const send = await deliver.createEditionSend({ issueId, introParagraphs: 2, actorId: null });
    expect(send.recipients).toBe(41);
    expect(await deliver.sendProgress(send.id)).toEqual({ queued: 41, sent: 0, failed: 0, suppressed: 0 });
    // One reader leaves after the send was created: not sent.
    await testDb.prisma.subscriber.update({ where: { id: readers[0]!.id }, data: { status: 'UNSUBSCRIBED', unsubscribedAt: new Date() } });
    sink.failNext(1);

    const progress = await drain(send.id, 2);
    expect(progress).toMatchObject({ queued: 0, sent: 39, failed: 1, suppressed: 1 });
    const counts = perRecipient();
    expect(counts.size).toBe(39);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const email of ['pending@example.org', 'left@example.org', 'digest-only@example.org', 'suppressed@example.org', 'gone@example.org', readers[0]!.email]) {
      expect(counts.has(email), email).toBe(false);
    }
    const bounce = await testDb.prisma.editionDelivery.findFirstOrThrow({ where: { sendId: send.id, subscriberId: bouncer.id } });
    expect(bounce.status).toBe('FAILED');
    expect(bounce.lastError).toMatch(/550/);
    expect((await testDb.prisma.subscriber.findUniqueOrThrow({ where: { id: bouncer.id } })).permanentFailures).toBe(1);
    expect((await testDb.prisma.editionSend.findUniqueOrThrow({ where: { id: send.id } })).finishedAt).not.toBeNull();
    expect(await testDb.prisma.auditLog.count({ where: { action: 'edition.send', entityId: issueId } })).toBe(1);
  });

  it('suppresses an address after the configured number of permanent failures', async () => {
    sink.messages.length = 0;
    const second = await deliver.createEditionSend({ issueId, introParagraphs: null, actorId: null });
    await drain(second.id);
    expect(await testDb.prisma.emailSuppression.findUnique({ where: { email: 'gone@example.org' } })).toMatchObject({ reason: 'BOUNCED', liftedAt: null });
    expect(await testDb.prisma.auditLog.count({ where: { action: 'subscriber.suppress' } })).toBe(1);
    const third = await deliver.createEditionSend({ issueId, introParagraphs: null, actorId: null });
    expect(await testDb.prisma.editionDelivery.count({ where: { sendId: third.id, subscriber: { email: 'gone@example.org' } } })).toBe(0);
    // Not sent here; the job test below would otherwise resume it.
    await testDb.prisma.editionSend.delete({ where: { id: third.id } });
  });

  it('never resends a delivery that a crash left mid-send', async () => {
    sink.messages.length = 0;
    const send = await deliver.createEditionSend({ issueId, introParagraphs: null, actorId: null });
    const [row] = await testDb.prisma.editionDelivery.findMany({ where: { sendId: send.id }, take: 1, include: { subscriber: true } });
    await testDb.prisma.editionDelivery.update({ where: { id: row!.id }, data: { status: 'SENDING', claimedAt: new Date(Date.now() - deliver.LEASE_MS - 1000), attempts: 1 } });
    const progress = await drain(send.id);
    expect(progress.failed).toBe(1);
    expect(perRecipient().has(row!.subscriber.email)).toBe(false);
    expect((await testDb.prisma.editionDelivery.findUniqueOrThrow({ where: { id: row!.id } })).lastError).toBe(deliver.INTERRUPTED);
  });
});

describe('the send-edition job', () => {
  it('delivers a send left unfinished when the workers start, once, however often it is queued', async () => {
    sink.messages.length = 0;
    // Created while no worker ran, as after a crash or restart mid-send.
    const send = await deliver.createEditionSend({ issueId, introParagraphs: 1, actorId: null });
    const worker = await import('@/lib/jobs/worker');
    const queues = await import('@/lib/jobs/queues');
    await worker.startJobs({ pollingIntervalSeconds: 0.5, catchUp: false });
    const deadline = Date.now() + 60_000;
    while (!(await testDb.prisma.editionSend.findUniqueOrThrow({ where: { id: send.id } })).finishedAt) {
      if (Date.now() > deadline) throw new Error('the job did not finish the send');
      await new Promise((r) => setTimeout(r, 250));
    }
    const sent = sink.messages.length;
    expect(sent).toBe(send.recipients);
    await queues.enqueueEditionSend(send.id);
    await new Promise((r) => setTimeout(r, 2000));
    expect(sink.messages.length).toBe(sent);
    expect([...perRecipient().values()].every((n) => n === 1)).toBe(true);
  });
});

describe('starting a send from the admin', () => {
  it('sends only a published issue, to the count the editor confirmed, once unless they send again', async () => {
    const editions = await import('@/lib/data/editions');
    const mk = async (role: 'EDITOR' | 'SPONSOR') => ({
      ...(await testDb.prisma.user.create({ data: { email: `send-${role.toLowerCase()}@example.org`, name: `Send ${role}`, role }, select: { id: true, email: true, name: true, role: true } })),
      active: true,
      organisationId: null,
      personId: null,
    });
    const editor = await mk('EDITOR');
    const fresh = await testDb.prisma.issue.create({ data: { slug: 'never-sent', title: 'Never sent', month: new Date('2031-01-01T00:00:00Z'), status: 'PUBLISHED', publishedAt: new Date() }, select: { id: true } });
    const { recipients, sends } = await editions.editionSendsView(editor, fresh.id);
    expect(sends).toEqual([]);
    expect(recipients).toBe(await testDb.prisma.subscriber.count({ where: { status: 'CONFIRMED', newIssues: true, email: { notIn: ['suppressed@example.org', 'gone@example.org'] } } }));
    const input = { issueId: fresh.id, introParagraphs: null, again: false };
    await expect(editions.startEditionSend(editor, { ...input, expectedRecipients: recipients + 1 })).rejects.toThrow(`it would now go to ${recipients}`);
    const send = await editions.startEditionSend(editor, { ...input, expectedRecipients: recipients });
    expect(send.recipients).toBe(recipients);
    await expect(editions.startEditionSend(editor, { ...input, expectedRecipients: recipients })).rejects.toThrow(/already been sent/);
    await expect(editions.startEditionSend(editor, { ...input, again: true, expectedRecipients: recipients })).resolves.toMatchObject({ recipients });
    expect((await editions.editionSendsView(editor, fresh.id)).sends).toHaveLength(2);
    expect(await testDb.prisma.auditLog.count({ where: { action: 'edition.send', entityId: fresh.id, actorId: editor.id } })).toBe(2);

    const draft = await testDb.prisma.issue.create({ data: { slug: 'draft-send', title: 'Draft', month: new Date('2031-02-01T00:00:00Z') }, select: { id: true } });
    await expect(editions.startEditionSend(editor, { ...input, issueId: draft.id, expectedRecipients: recipients })).rejects.toThrow(/Publish the issue first/);
    const sponsor = await mk('SPONSOR');
    await expect(editions.startEditionSend(sponsor, { ...input, expectedRecipients: recipients })).rejects.toThrow(/permission/);
    await expect(editions.editionSendsView(sponsor, fresh.id)).rejects.toThrow(/permission/);
  });
});
