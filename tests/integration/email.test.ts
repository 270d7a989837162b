import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { TestDatabase } from '../support/db';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { jobs, makeIssue, setUpWorkflowDatabase, tearDownWorkflowDatabase, type Who } from '../support/workflow';

// Email through a real SMTP server (tests/support/smtp-sink.ts): who receives what,
// links to the exact place, escaping, CRLF refusal, skipping without SMTP_URL, and
// retries through the job queue without blocking the action.

vi.mock('@/lib/revalidate', () => ({ revalidatePublicContent: () => undefined }));

let testDb: TestDatabase;
let as: Record<Who, SessionUser>;
let sink: SmtpSink;
let messages: typeof import('@/lib/email/messages');
let send: typeof import('@/lib/email/send');
let wf: typeof import('@/lib/data/workflow');
let boss: typeof import('@/lib/jobs/worker');
let sendJob: typeof import('@/lib/jobs/send-email');

const SITE = 'https://bulletin.example.org';

beforeAll(async () => {
  ({ testDb, as } = await setUpWorkflowDatabase());
  process.env.SITE_URL = SITE;
  sink = await startSmtpSink();
  messages = await import('@/lib/email/messages');
  send = await import('@/lib/email/send');
  wf = await import('@/lib/data/workflow');
  boss = await import('@/lib/jobs/worker');
  sendJob = await import('@/lib/jobs/send-email');
});

afterAll(async () => {
  await boss?.stopJobs({ timeout: 2000 });
  await sink?.close();
  delete process.env.SMTP_URL;
  await tearDownWorkflowDatabase(testDb);
});

const note = {
  to: 'sponsor@example.org',
  recipientName: 'Sam <Sponsor>',
  title: 'Changes requested to the intro: December & more',
  body: 'Please <script>alert(1)</script> fix "this"',
  href: '/admin/issues/123/sections/456#comment-789',
};

describe('messages', () => {
  it('have plain text and HTML, link to the exact place under SITE_URL, and escape user text in HTML', () => {
    const m = messages.notificationEmail(note);
    expect(m.subject).toBe('Changes requested to the intro: December & more – Regional Update');
    expect(m.text).toContain(`${SITE}/admin/issues/123/sections/456#comment-789`);
    expect(m.text).toContain('> Please <script>alert(1)</script> fix "this"');
    expect(m.html).toContain(`href="${SITE}/admin/issues/123/sections/456#comment-789"`);
    expect(m.html).toContain('Please &lt;script&gt;alert(1)&lt;/script&gt; fix &quot;this&quot;');
    expect(m.html).toContain('Hello Sam &lt;Sponsor&gt;,');
    expect(m.html).not.toContain('<script>');
  });

  it('refuse CR/LF in the subject or address with a typed error', () => {
    for (const title of ['Intro\r\nBcc: victim@example.org', 'Intro\nBcc: x@example.org', 'Intro\rX', 'Intro\u2028X']) {
      expect(() => messages.notificationEmail({ ...note, title })).toThrow(messages.EmailHeaderError);
    }
    expect(() => messages.notificationEmail({ ...note, to: 'a@example.org\r\nBcc: b@example.org' })).toThrow(messages.EmailHeaderError);
    expect(() => messages.approvalLinkEmail({ to: 'a@example.org', issueTitle: 'Dec\r\nBcc: b@example.org', senderName: 'Ed', link: `${SITE}/x`, expiresAt: new Date() })).toThrow(
      expect.objectContaining({ name: 'EmailHeaderError', field: 'subject' }),
    );
  });

  it('never link outside the app', () => {
    expect(() => messages.notificationEmail({ ...note, href: '//evil.example/' })).toThrow();
    expect(() => messages.notificationEmail({ ...note, href: 'https://evil.example/' })).toThrow();
    expect(() => messages.notificationEmail({ ...note, href: '/\\evil.example/' })).toThrow();
  });
});

describe('sending', () => {
  it('without SMTP_URL records the email as skipped, never an error', async () => {
    delete process.env.SMTP_URL;
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await expect(send.sendEmail(messages.notificationEmail(note))).resolves.toEqual({ status: 'skipped', reason: 'no-smtp' });
    expect(info).toHaveBeenCalledWith(expect.stringContaining('email skipped'));
    info.mockRestore();
  });

  it('through SMTP delivers text and HTML to the recipient only', async () => {
    process.env.SMTP_URL = sink.url;
    process.env.EMAIL_FROM = '"Regional Update" <bulletin@example.org>';
    const before = sink.messages.length;
    const result = await send.sendEmail(messages.notificationEmail(note));
    expect(result).toMatchObject({ status: 'sent', accepted: ['sponsor@example.org'] });
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail).toMatchObject({ envelopeTo: ['sponsor@example.org'], to: ['sponsor@example.org'], from: 'bulletin@example.org', subject: 'Changes requested to the intro: December & more – Regional Update' });
    expect(mail!.text).toContain(`${SITE}/admin/issues/123/sections/456#comment-789`);
    expect(mail!.html).toContain('&lt;script&gt;');
    expect(mail!.html).not.toContain('<script>');
    delete process.env.EMAIL_FROM;
  });

  it('refuses a CRLF subject before talking to the server: nothing is delivered', async () => {
    process.env.SMTP_URL = sink.url;
    const before = sink.messages.length;
    await expect(send.sendEmail({ to: 'a@example.org', subject: 'Hi\r\nBcc: victim@example.org', text: 'x', html: 'x' })).rejects.toMatchObject({
      name: 'EmailHeaderError',
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages.length).toBe(before);
  });

  it('a notification whose title would inject a header is rejected by the job, not retried', async () => {
    process.env.SMTP_URL = sink.url;
    const n = await testDb.prisma.notification.create({
      data: { userId: as.sponsor.id, kind: 'COMMENT', title: 'Hello\r\nBcc: victim@example.org', href: '/admin' },
      select: { id: true },
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(sendJob.handleSendEmail({ notificationId: n.id })).resolves.toMatchObject({ status: 'rejected' });
    error.mockRestore();
  });
});

describe('workflow emails through the job queue', () => {
  beforeAll(async () => {
    process.env.SMTP_URL = sink.url;
    await boss.startJobs({ pollingIntervalSeconds: 0.5, catchUp: false, emailRetry: { retryLimit: 3, retryDelay: 1, retryBackoff: false } });
  });

  it('the sponsor gets the approval request, the editor the approval, each with the link to the place', async () => {
    const issue = await makeIssue(testDb, { createdById: as.editor.id });
    const before = sink.messages.length;
    await wf.submitIntroForApproval(as.editor, { issueId: issue.id });
    const [request] = (await sink.waitFor(before + 1)).slice(before);
    expect(request).toMatchObject({ envelopeTo: [as.sponsor.email], subject: `Intro ready for your approval: ${issue.title} – Regional Update` });
    expect(request!.text).toContain(`${SITE}/admin/issues/${issue.id}/approval`);

    const { introContentHash } = await import('@/lib/workflow/intro-hash');
    const intro = await testDb.prisma.section.findUniqueOrThrow({ where: { id: issue.introId }, select: { title: true, body: true, signOff: true, signatoryId: true } });
    await wf.approveIntro(as.sponsor, { issueId: issue.id, contentHash: introContentHash(intro) });
    const [approval] = (await sink.waitFor(before + 2)).slice(before + 1);
    expect(approval).toMatchObject({ envelopeTo: [as.editor.email], subject: `Intro approved: ${issue.title} – Regional Update` });
    expect(approval!.html).toContain(`href="${SITE}/admin/issues/${issue.id}"`);
    // Nobody else was written to.
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.messages.length).toBe(before + 2);
  });

  it('a refused delivery is retried by the queue and arrives', async () => {
    const issue = await makeIssue(testDb, { createdById: as.editor.id });
    const before = sink.messages.length;
    sink.failNext(1);
    await wf.submitIntroForApproval(as.editor, { issueId: issue.id });
    const [mail] = (await sink.waitFor(before + 1, 20_000)).slice(before);
    expect(mail!.subject).toContain(issue.title);
    const notification = await testDb.prisma.notification.findFirstOrThrow({ where: { kind: 'SUBMITTED_FOR_APPROVAL', title: { contains: issue.title } }, select: { id: true } });
    const job = async () => (await jobs(testDb, 'send-email')).find((j) => j.data.notificationId === notification.id);
    for (let i = 0; i < 40 && (await job())?.state !== 'completed'; i++) await new Promise((r) => setTimeout(r, 250));
    expect(await job()).toMatchObject({ state: 'completed', retry_count: 1 });
  });

  it('an SMTP server that is down never blocks the action', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:9'; // discard port: nothing listens
    const issue = await makeIssue(testDb, { createdById: as.editor.id });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(wf.submitIntroForApproval(as.editor, { issueId: issue.id })).resolves.toMatchObject({ issue: { status: 'IN_REVIEW' } });
    const notification = await testDb.prisma.notification.findFirstOrThrow({ where: { title: { contains: issue.title } }, select: { id: true } });
    // The job fails and is put back for a retry.
    const deadline = Date.now() + 15_000;
    let state = '';
    while (Date.now() < deadline) {
      state = (await jobs(testDb, 'send-email')).find((j) => j.data.notificationId === notification.id)?.state ?? '';
      if (state === 'retry' || state === 'failed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(['retry', 'failed']).toContain(state);
    error.mockRestore();
    process.env.SMTP_URL = sink.url;
  });
});
