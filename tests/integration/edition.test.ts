import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '@/prisma/seed/index';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

// The email edition of the real October 2025 issue (seeded from the bulletins),
// rendered with MJML (strict validation), sent through nodemailer to the real SMTP
// sink, and left by the RFC 8058 one-click POST to the URL in its header.

const SITE = 'https://bulletin.example.org';
// Before the issue's events, so they are upcoming with bookings open.
const NOW = new Date('2025-10-01T09:00:00Z');
let testDb: TestDatabase;
let sink: SmtpSink;
let issues: typeof import('@/lib/data/issues');
let render: typeof import('@/lib/email/edition/render');
let edition: typeof import('@/lib/subscriptions/edition');
let send: typeof import('@/lib/email/send');
let unsubscribeRoute: typeof import('@/app/api/subscriptions/[token]/unsubscribe/route');
let editions: typeof import('@/lib/data/editions');

beforeAll(async () => {
  testDb = await createTestDatabase();
  sink = await startSmtpSink();
  process.env.DATABASE_URL = testDb.url;
  process.env.SMTP_URL = sink.url;
  process.env.SITE_URL = SITE;
  process.env.NEXTAUTH_SECRET = 'edition-test-secret';
  await seed(testDb.prisma, { now: NOW });
  issues = await import('@/lib/data/issues');
  render = await import('@/lib/email/edition/render');
  edition = await import('@/lib/subscriptions/edition');
  send = await import('@/lib/email/send');
  unsubscribeRoute = await import('@/app/api/subscriptions/[token]/unsubscribe/route');
  editions = await import('@/lib/data/editions');
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink?.close();
  await testDb?.drop();
});

const october = async () => (await issues.getPublishedIssue('regional-update-october-2025'))!;
const unfold = (raw: string) => raw.replace(/\r?\n[ \t]+/g, ' ');

describe('the email edition', () => {
  it('arrives with the issue, contents, upcoming events, a text part and the one-click unsubscribe headers', async () => {
    const issue = await october();
    expect(issue).toBeTruthy();
    const subscriber = await testDb.prisma.subscriber.create({
      data: { email: 'reader@example.org', status: 'CONFIRMED', confirmedAt: NOW },
      select: { id: true, email: true, manageVersion: true },
    });
    await send.sendEmail(await edition.editionFor(subscriber, issue, { mode: 'full' }, NOW));
    const [mail] = await sink.waitFor(1);
    expect(mail!.envelopeTo).toEqual(['reader@example.org']);
    expect(mail!.subject).toBe(issue.title);

    const headers = unfold(mail!.raw.slice(0, mail!.raw.indexOf('\r\n\r\n')));
    const listUnsubscribe = /^List-Unsubscribe: <(https:\/\/[^>]+)>$/im.exec(headers)?.[1];
    expect(listUnsubscribe).toMatch(new RegExp(`^${SITE}/api/subscriptions/${subscriber.id}\\.1\\.[A-Za-z0-9_-]{43}/unsubscribe$`));
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/im);
    expect(headers).not.toMatch(/^DKIM-Signature:/im);

    const html = mail!.html;
    expect(html).toContain('<html lang="en"');
    expect(html).toContain(`<h1 style="margin:0 0 8px;font-size:28px;line-height:1.25;">${issue.title}</h1>`);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/utm_|[?&](mc_|trk|tracking)/i);
    expect(html).toContain('prefers-color-scheme: dark');
    for (const section of issue.sections) expect(mail!.text).toContain(section.title);
    expect(html.match(new RegExp(`href="${SITE}/issues/${issue.slug}#`, 'g'))?.length).toBeGreaterThanOrEqual(issue.sections.length);
    const events = issue.sections.flatMap((s) => s.events.map((e) => e.event));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events.filter((ev) => ev.sessions.some((s) => s.endsAt > NOW))) {
      expect(mail!.text).toContain(e.title);
      expect(html).toContain(`href="${SITE}/events/${e.slug}"`);
    }
    expect(mail!.text).toMatch(/Book by [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+/);
    expect(mail!.text).toContain(`Unsubscribe: ${listUnsubscribe}`);

    // The mailbox provider's one-click POST to the header's URL, with no page in between.
    const token = new URL(listUnsubscribe!).pathname.split('/')[3]!;
    const r = await unsubscribeRoute.POST(
      new Request(listUnsubscribe!, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) }),
      { params: Promise.resolve({ token }) },
    );
    expect(r.status).toBe(200);
    expect((await testDb.prisma.subscriber.findUniqueOrThrow({ where: { id: subscriber.id } })).status).toBe('UNSUBSCRIBED');
  });

  it('gives the intro in full or its first paragraphs, as the editor chooses', async () => {
    const issue = await october();
    const links = { manageUrl: `${SITE}/m`, unsubscribeUrl: `${SITE}/u`, now: NOW };
    const full = await render.renderEdition({ issue, intro: { mode: 'full' }, ...links });
    const short = await render.renderEdition({ issue, intro: { mode: 'first', paragraphs: 1 }, ...links });
    const intro = issue.sections.find((s) => s.kind === 'INTRO')!;
    expect(short.text.length).toBeLessThan(full.text.length);
    expect(short.text).toContain(`Read the rest: ${SITE}/issues/${issue.slug}#`);
    expect(full.text).not.toContain('Read the rest');
    expect(short.html).toContain(`Read the rest of ${intro.title}`);
  });

  it('escapes text, drops unsafe links and refuses a subject with a line break', async () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script> & "quotes"' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'bad link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'our page', marks: [{ type: 'link', attrs: { href: '/events' } }] }] },
        { type: 'image', attrs: { src: 'https://tracker.example/pixel.gif', alt: 'pixel' } },
      ],
    };
    const issue = {
      slug: 'x',
      title: 'Title <b>bold</b>',
      month: new Date('2026-12-01T00:00:00Z'),
      summary: null,
      sections: [{ kind: 'INTRO' as const, title: 'Intro & more', body, events: [] }],
    };
    const e = await render.renderEdition({ issue, intro: { mode: 'full' }, manageUrl: `${SITE}/m`, unsubscribeUrl: `${SITE}/u`, now: NOW });
    expect(e.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(e.html).toContain('Title &lt;b&gt;bold&lt;/b&gt;');
    expect(e.html).not.toContain('javascript:');
    expect(e.html).not.toContain('tracker.example');
    expect(e.html).toContain(`href="${SITE}/events"`);
    await expect(render.renderEdition({ issue: { ...issue, title: 'Hello\r\nBcc: x@example.org' }, intro: { mode: 'full' }, manageUrl: `${SITE}/m`, unsubscribeUrl: `${SITE}/u`, now: NOW })).rejects.toThrow(/line break/);
  });
});

describe('preview and test send in the admin', () => {
  const user = async (role: 'ADMIN' | 'EDITOR' | 'SPONSOR' | 'CONTRIBUTOR') => {
    const u = await testDb.prisma.user.create({ data: { email: `edition-${role.toLowerCase()}@example.org`, name: `Edition ${role}`, role }, select: { id: true, email: true, name: true, role: true } });
    return { ...u, active: true, organisationId: null, personId: null };
  };

  it('sends the editor a test marked as such, records it, and refuses sponsors and contributors', async () => {
    const issue = await october();
    const editor = await user('EDITOR');
    sink.messages.length = 0;
    const result = await editions.sendTestEdition(editor, issue.id, { mode: 'first', paragraphs: 2 });
    expect(result).toEqual({ to: editor.email, sent: true });
    const [mail] = await sink.waitFor(1);
    expect(mail!.envelopeTo).toEqual([editor.email]);
    expect(mail!.subject).toBe(`Test: ${issue.title}`);
    expect(mail!.text).toContain('Read the rest:');
    expect(await testDb.prisma.auditLog.count({ where: { action: 'edition.test-send', actorId: editor.id, entityId: issue.id } })).toBe(1);

    const preview = await editions.previewEdition(editor, issue.id, { mode: 'full' });
    expect(preview?.edition.html).toContain('<html lang="en"');
    expect(preview?.edition.text).not.toContain('Read the rest:');
    for (const role of ['SPONSOR', 'CONTRIBUTOR'] as const) {
      const other = await user(role);
      await expect(editions.previewEdition(other, issue.id, { mode: 'full' })).rejects.toThrow(/permission/);
      await expect(editions.sendTestEdition(other, issue.id, { mode: 'full' })).rejects.toThrow(/permission/);
    }
    expect(sink.messages).toHaveLength(1);
  });
});

describe('DKIM', () => {
  it('signs every message when DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY are set', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    process.env.DKIM_DOMAIN = 'bulletin.example.org';
    process.env.DKIM_SELECTOR = 'ru2026';
    // One line, as many environments hold it.
    process.env.DKIM_PRIVATE_KEY = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/\n/g, '\\n');
    try {
      sink.messages.length = 0;
      await send.sendEmail({ to: 'dkim@example.org', subject: 'Signed', text: 'Hello', html: '<p>Hello</p>' });
      const [mail] = await sink.waitFor(1);
      const headers = unfold(mail!.raw.slice(0, mail!.raw.indexOf('\r\n\r\n')));
      const signature = /^DKIM-Signature: (.+)$/im.exec(headers)?.[1] ?? '';
      expect(signature).toMatch(/\bd=bulletin\.example\.org;/);
      expect(signature).toMatch(/\bs=ru2026;/);
      expect(signature).toMatch(/\bb=[A-Za-z0-9+/= ]{100,}/);
    } finally {
      delete process.env.DKIM_DOMAIN;
      delete process.env.DKIM_SELECTOR;
      delete process.env.DKIM_PRIVATE_KEY;
    }
  });
});
