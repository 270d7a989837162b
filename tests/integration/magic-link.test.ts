import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Email magic-link sign-in against a real SMTP server (a local sink): the link
// arrives, signs in once, expires, and says nothing about unknown addresses.

let testDb: TestDatabase;
let sink: SMTPServer;
const inbox: ParsedMail[] = [];
let magic: typeof import('@/lib/auth/magic-link');
let auth: typeof import('@/lib/auth/options');

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => inbox.push(mail))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const { port } = sink.server.address() as AddressInfo;
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.SITE_URL = 'https://bulletin.example.org';
  magic = await import('@/lib/auth/magic-link');
  auth = await import('@/lib/auth/options');
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => sink?.close(() => resolve()));
  await testDb?.drop();
});

beforeEach(() => {
  inbox.length = 0;
});

async function makeUser(email: string, active = true) {
  return testDb.prisma.user.create({ data: { email, name: 'Link User', role: 'EDITOR', active }, select: { id: true } });
}

function tokenFrom(mail: ParsedMail) {
  const url = new URL(/https:\/\/\S+/.exec(mail.text ?? '')![0]);
  return { url, token: url.searchParams.get('token')! };
}

/** The provider next-auth calls with the token from /sign-in/link. */
function emailLinkAuthorize(token: string) {
  // next-auth applies the provider's own `id` option when it loads the providers.
  type Provider = { options: { id?: string; authorize: (c: Record<string, string>, req: unknown) => Promise<{ id: string } | null> } };
  const provider = (auth.authOptions.providers as unknown as Provider[]).find((p) => p.options?.id === 'email-link');
  if (!provider) throw new Error('the email-link provider is not configured');
  return provider.options.authorize({ token }, {});
}

describe('email sign-in links', () => {
  it('emails a link to an active account that signs in once', async () => {
    const user = await makeUser('link-user@example.org');
    expect(await magic.requestSignInLink({ email: 'link-user@example.org', ip: '10.0.0.1', callbackUrl: '/admin/issues' })).toBe(true);
    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('link-user@example.org');
    expect(mail.subject).toBe('Your sign-in link – Regional Update');
    expect(mail.html).toContain('href="https://bulletin.example.org/sign-in/link?token=');
    const { url, token } = tokenFrom(mail);
    expect(url.pathname).toBe('/sign-in/link');
    expect(url.searchParams.get('callbackUrl')).toBe('/admin/issues');
    // Only the hash is stored.
    const stored = await testDb.prisma.accessToken.findFirstOrThrow({ where: { userId: user.id, purpose: 'SIGN_IN' }, select: { tokenHash: true } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const first = await emailLinkAuthorize(token);
    expect(first?.id).toBe(user.id);
    expect(await emailLinkAuthorize(token)).toBeNull();
    expect(await testDb.prisma.auditLog.count({ where: { actorId: user.id, action: 'auth.sign-in' } })).toBe(1);
  });

  it('two clicks at the same moment sign in once', async () => {
    await makeUser('link-race@example.org');
    await magic.requestSignInLink({ email: 'link-race@example.org', ip: null, callbackUrl: '/admin' });
    const { token } = tokenFrom(inbox[0]!);
    const results = await Promise.all(Array.from({ length: 5 }, () => magic.consumeSignInLink(token)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('says the same for unknown and deactivated addresses, and sends nothing', async () => {
    await makeUser('link-inactive@example.org', false);
    expect(await magic.requestSignInLink({ email: 'nobody@example.org', ip: null, callbackUrl: '/admin' })).toBe(true);
    expect(await magic.requestSignInLink({ email: 'link-inactive@example.org', ip: null, callbackUrl: '/admin' })).toBe(true);
    expect(inbox).toHaveLength(0);
  });

  it('refuses expired, revoked, tampered and deactivated-account links', async () => {
    const user = await makeUser('link-expiry@example.org');
    for (let i = 0; i < 3; i++) await magic.requestSignInLink({ email: 'link-expiry@example.org', ip: null, callbackUrl: '/admin' });
    const [expired, revoked, deactivated] = inbox.map((m) => tokenFrom(m).token) as [string, string, string];
    const rows = await testDb.prisma.accessToken.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' }, select: { id: true } });
    await testDb.prisma.accessToken.update({ where: { id: rows[0]!.id }, data: { createdAt: new Date(Date.now() - 20 * 60_000), expiresAt: new Date(Date.now() - 1000) } });
    await testDb.prisma.accessToken.update({ where: { id: rows[1]!.id }, data: { revokedAt: new Date() } });
    expect(await magic.consumeSignInLink(expired)).toBeNull();
    expect(await magic.consumeSignInLink(revoked)).toBeNull();
    const tampered = `${deactivated.slice(0, -1)}${deactivated.endsWith('A') ? 'B' : 'A'}`;
    expect(await magic.consumeSignInLink(tampered)).toBeNull();
    expect(await magic.consumeSignInLink('not-a-token')).toBeNull();
    await testDb.prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await magic.consumeSignInLink(deactivated)).toBeNull();
  });

  it('is throttled with the password sign-in: 10 requests per address in the window', async () => {
    await makeUser('link-throttle@example.org');
    const results: boolean[] = [];
    for (let i = 0; i < 12; i++) results.push(await magic.requestSignInLink({ email: 'link-throttle@example.org', ip: null, callbackUrl: '/admin' }));
    expect(results.filter((r) => !r)).toHaveLength(2);
    expect(inbox).toHaveLength(10);
  });
});
