import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { seedLikeNpmStart, startProductionApp, type ProductionApp } from '../support/production-app';

// Sessions, redirects and sign-in throttling over real HTTP: the production
// build (scripts/server.mjs) on real PostgreSQL, signed in through next-auth's
// own credentials endpoint the way a browser or a probe does it.

let testDb: TestDatabase;
let app: ProductionApp;
let users: typeof import('@/lib/data/users');
let admin: SessionUser;
const globalForDb = globalThis as unknown as { __db?: { $disconnect(): Promise<void> } };
const PASSWORD = 'a long enough password 1';
const SESSION_COOKIE = 'next-auth.session-token';

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Set-Cookie values as name → value; a cleared cookie has an empty value or a past expiry. */
function setCookies(res: Response): Map<string, { value: string; cleared: boolean }> {
  const out = new Map<string, { value: string; cleared: boolean }>();
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    const expires = attrs.map((a) => a.trim()).find((a) => /^expires=/i.test(a));
    const maxAge = attrs.map((a) => a.trim()).find((a) => /^max-age=/i.test(a));
    const past = (expires && Date.parse(expires.slice(8)) < Date.now()) || (maxAge && Number(maxAge.slice(8)) <= 0);
    out.set(name, { value, cleared: value === '' || !!past });
  }
  return out;
}

function absorb(jar: Jar, res: Response) {
  for (const [name, { value, cleared }] of setCookies(res)) {
    if (cleared) jar.delete(name);
    else jar.set(name, value);
  }
}

async function csrf(jar: Jar): Promise<string> {
  const res = await fetch(`${app.url}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } });
  absorb(jar, res);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** A credentials sign-in as the sign-in form makes it; the body is given raw so tests can shape it. */
async function postCredentials(jar: Jar, body: string, contentType = 'application/x-www-form-urlencoded') {
  const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': contentType, cookie: cookieHeader(jar), origin: app.url },
    body,
    redirect: 'manual',
  });
  absorb(jar, res);
  return res;
}

const form = (fields: [string, string][]) => fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

async function signIn(email: string, password = PASSWORD): Promise<Jar> {
  const jar: Jar = new Map();
  const token = await csrf(jar);
  const res = await postCredentials(jar, form([['csrfToken', token], ['email', email], ['password', password], ['json', 'true'], ['callbackUrl', '/admin']]));
  expect(res.status, await res.clone().text()).toBe(200);
  expect(jar.get(SESSION_COOKIE)).toBeTruthy();
  return jar;
}

async function createUser(role: 'EDITOR' | 'ADMIN' = 'EDITOR') {
  const email = `auth-${randomUUID()}@example.test`;
  return testDb.prisma.user.create({
    data: { email, name: `Auth ${role.toLowerCase()}`, role, passwordHash: await hashPassword(PASSWORD) },
    select: { id: true, email: true, name: true },
  });
}

async function session(jar: Jar) {
  const res = await fetch(`${app.url}/api/auth/session`, { headers: { cookie: cookieHeader(jar) } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, cookies: setCookies(res) };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  delete globalForDb.__db;
  process.env.DATABASE_URL = testDb.url;
  users = await import('@/lib/data/users');
  // Seeded like `npm start`: the production build this may make prerenders public pages
  // from this database, and the e2e suite reuses that build.
  await seedLikeNpmStart(testDb.url);
  app = await startProductionApp(testDb.url);
  const a = await createUser('ADMIN');
  admin = { ...a, role: 'ADMIN', active: true, organisationId: null, personId: null };
}, 1_200_000);

afterAll(async () => {
  await app?.stop();
  await globalForDb.__db?.$disconnect();
  delete globalForDb.__db;
  await testDb?.drop();
});

beforeEach(async () => {
  await testDb.prisma.$executeRawUnsafe(`DELETE FROM "RateLimiterFlexible" WHERE key LIKE 'sign-in:%'`);
});

describe('a revoked session is signed out everywhere', () => {
  async function expectRevoked(jar: Jar) {
    const after = await session(jar);
    expect(after.status).toBe(200);
    expect(after.body).toEqual({});
    // No fresh token is issued for a revoked one: the cookie is only ever cleared.
    const reissued = after.cookies.get(SESSION_COOKIE);
    expect(reissued === undefined || reissued.cleared, 'a revoked token must not be refreshed').toBe(true);
    const page = await fetch(`${app.url}/admin`, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' });
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toContain('/sign-in');
    const handler = await fetch(`${app.url}/api/media`, { headers: { cookie: cookieHeader(jar) } });
    expect(handler.status).toBe(401);
  }

  it('a live session is read and refreshed', async () => {
    const user = await createUser();
    const jar = await signIn(user.email);
    const live = await session(jar);
    expect(live.body).toMatchObject({ user: { email: user.email, name: user.name } });
    expect(live.cookies.get(SESSION_COOKIE)?.cleared).toBe(false);
    expect((await fetch(`${app.url}/api/media`, { headers: { cookie: cookieHeader(jar) } })).status).toBe(200);
  });

  it('after signing out, the old cookie gets an empty session', async () => {
    const user = await createUser();
    const jar = await signIn(user.email);
    const stolen: Jar = new Map(jar);
    const res = await fetch(`${app.url}/api/auth/signout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar), origin: app.url },
      body: form([['csrfToken', await csrf(jar)], ['json', 'true']]),
      redirect: 'manual',
    });
    expect(res.status).toBeLessThan(400);
    await expectRevoked(stolen);
  });

  it('after an administrator deactivates the user', async () => {
    const user = await createUser();
    const jar = await signIn(user.email);
    await users.deactivateUser(admin, user.id);
    await expectRevoked(jar);
  });

  it('after a password change', async () => {
    const user = await createUser();
    const jar = await signIn(user.email);
    await users.resetUserPassword(admin, { id: user.id, password: 'another long password 2' });
    await expectRevoked(jar);
  });

  it('a token minted for a user who no longer exists', async () => {
    const jar: Jar = new Map([[SESSION_COOKIE, (await app.sessionCookie({ id: randomUUID(), email: 'gone@example.test', name: 'Gone' })).split('=')[1]!]]);
    await expectRevoked(jar);
  });
});

describe('redirects after sign-in stay on this site', () => {
  const HOSTILE = ['/%09/evil.example', '/%0A/evil.example', '/%0D/evil.example', '/%00/evil.example', '/%E2%80%A8/evil.example', '/%E3%80%80/evil.example', '%0D%0ALocation:%20https://evil.example', '//evil.example', '/%5Cevil.example', '%5C%5Cevil.example', 'https://evil.example/'];

  it.each(HOSTILE)('signed in, /sign-in?callbackUrl=%s goes to /admin', async (value) => {
    const user = await createUser();
    const jar = await signIn(user.email);
    const res = await fetch(`${app.url}/sign-in?callbackUrl=${value}`, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('/admin');
  });

  it.each(HOSTILE)('anonymous, /sign-in?callbackUrl=%s shows the form, sending nobody elsewhere', async (value) => {
    const res = await fetch(`${app.url}/sign-in?callbackUrl=${value}`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('>Sign in</h1>');
    // The address itself is echoed in the page's router state; what matters is where the form goes.
    const targets = [...html.matchAll(/callbackUrl\\":\\"([^"\\]*)\\"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    expect(new Set(targets)).toEqual(new Set(['/admin']));
  });

  it('a same-site path is kept', async () => {
    const user = await createUser();
    const jar = await signIn(user.email);
    const res = await fetch(`${app.url}/sign-in?callbackUrl=%2Fadmin%2Fissues%3Fstatus%3DDRAFT`, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' });
    expect(res.headers.get('location')).toBe('/admin/issues?status=DRAFT');
  });

  it.each(['\\\\evil.example', '/\t/evil.example', 'https://evil.example', '\r\nLocation: https://evil.example'])(
    'the credentials callback with callbackUrl=%j answers without a 500 and stays on the site',
    async (callbackUrl) => {
      const user = await createUser();
      const jar: Jar = new Map();
      const res = await postCredentials(jar, form([['csrfToken', await csrf(jar)], ['email', user.email], ['password', PASSWORD], ['json', 'true'], ['callbackUrl', callbackUrl]]));
      expect(res.status).toBe(200);
      const { url } = (await res.json()) as { url: string };
      expect(new URL(url).origin).toBe(app.url);
      expect(new URL(url).pathname).toBe('/admin');
    },
  );
});

describe('sign-in throttling reads the same body as next-auth', () => {
  it('a repeated email field is refused, and the victim’s account is still counted and locked', async () => {
    const victim = await createUser();
    const jar: Jar = new Map();
    const token = await csrf(jar);
    const decoy = await postCredentials(jar, form([['csrfToken', token], ['email', 'decoy@example.test'], ['password', 'wrong'], ['email', victim.email], ['json', 'true']]));
    expect(decoy.status).toBe(400);
    expect(((await decoy.json()) as { message: string }).message).toMatch(/sent more than once/);
    expect(jar.has(SESSION_COOKIE)).toBe(false);
    for (let i = 0; i < 10; i++) {
      const res = await postCredentials(jar, form([['csrfToken', token], ['email', victim.email], ['password', `wrong-${i}`], ['json', 'true']]));
      expect(res.status).toBe(401);
    }
    const locked = await postCredentials(jar, form([['csrfToken', token], ['email', victim.email], ['password', PASSWORD], ['json', 'true']]));
    expect(locked.status).toBe(429);
    expect(jar.has(SESSION_COOKIE)).toBe(false);
  });

  it('JSON sign-ins are counted per account, not in one shared bucket', async () => {
    const target = await createUser();
    const bystander = await createUser();
    const jar: Jar = new Map();
    const token = await csrf(jar);
    const json = (email: string, password: string) => JSON.stringify({ csrfToken: token, email, password, json: 'true' });
    for (let i = 0; i < 10; i++) expect((await postCredentials(jar, json(target.email, `wrong-${i}`), 'application/json')).status).toBe(401);
    expect((await postCredentials(jar, json(target.email.toUpperCase(), PASSWORD), 'application/json')).status).toBe(429);
    // Another account signs in with JSON as usual.
    const ok = await postCredentials(jar, json(bystander.email, PASSWORD), 'application/json');
    expect(ok.status).toBe(200);
    expect(jar.get(SESSION_COOKIE)).toBeTruthy();
  });

  it('a body that is neither a form nor flat JSON is refused with a clear message', async () => {
    const jar: Jar = new Map();
    for (const [body, type] of [
      ['{"email":["a@example.test","b@example.test"],"password":"x"}', 'application/json'],
      ['--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.test\r\n--x--', 'multipart/form-data; boundary=x'],
      ['{broken', 'application/json'],
    ] as const) {
      const res = await postCredentials(jar, body, type);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toBeTruthy();
    }
  });
});
