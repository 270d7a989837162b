import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { expect, test } from './support/fixtures';
import { E2E_DATABASE_URL_FILE } from './support/paths';

// Runs last (its own Playwright project): it uses up 127.0.0.1's sign-in allowance.
// Serial: the clean-up below must not run while the other test is still counting.
test.describe.configure({ mode: 'serial' });
async function attempt(request: import('@playwright/test').APIRequestContext, email: string, i: number) {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  return request.post('/api/auth/callback/credentials', {
    headers: { 'X-Forwarded-For': `203.0.113.${i % 250}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    form: { csrfToken, email, password: `wrong-${i}`, json: 'true', [`extra${i}`]: String(i), callbackUrl: '/admin' },
    maxRedirects: 0,
  });
}

test.afterAll(async () => {
  const client = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, 'utf8').trim() });
  await client.connect();
  await client.query(`DELETE FROM "RateLimiterFlexible" WHERE key LIKE 'sign-in:%'`);
  await client.end();
});

test('an account is throttled after 10 attempts, whatever X-Forwarded-For or extra fields say', async ({ request }) => {
  const email = `throttle-${randomUUID()}@example.org`;
  for (let i = 0; i < 10; i++) expect((await attempt(request, email, i)).status()).not.toBe(429);
  const blocked = await attempt(request, email, 10);
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await blocked.json()).message).toMatch(/Too many sign-in attempts/);
  // Different capitalisation is the same account.
  expect((await attempt(request, email.toUpperCase(), 11)).status()).toBe(429);
});

test('one client rotating accounts and X-Forwarded-For is throttled by its real address', async ({ request }) => {
  let status = 0;
  for (let i = 0; i < 60 && status !== 429; i++) {
    status = (await attempt(request, `spray-${i}-${randomUUID()}@example.org`, i)).status();
  }
  expect(status).toBe(429);
});
