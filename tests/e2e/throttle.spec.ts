import { randomInt, randomUUID } from 'node:crypto';
import http from 'node:http';
import { expect, test } from './support/fixtures';
import { E2E_PORT } from './support/paths';

// Sign-in throttling by account and by client address (lib/auth/throttle.ts). The
// attempts come from an address of each test's own on the loopback network (a random
// 127.x.y.z, bound as the source of each connection), so using up an allowance here
// never blocks a sign-in elsewhere in the suite, and the spec may run at any time.
// The server sets X-Forwarded-For from the socket (docs/decisions/005), so the
// header each attempt sends is ignored.

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One HTTP request to the e2e server from `from`. */
function send(
  from: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: E2E_PORT,
        localAddress: from,
        path,
        method: init.method ?? 'GET',
        headers: init.headers,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A wrong-password sign-in attempt from `from`, with a rotating X-Forwarded-For and an extra field. */
async function attempt(from: string, email: string, i: number) {
  const csrf = await send(from, '/api/auth/csrf');
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const form = new URLSearchParams({
    csrfToken,
    email,
    password: `wrong-${i}`,
    json: 'true',
    [`extra${i}`]: String(i),
    callbackUrl: '/admin',
  });
  return send(from, '/api/auth/callback/credentials', {
    method: 'POST',
    headers: {
      Cookie: cookie,
      'X-Forwarded-For': `203.0.113.${i % 250}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: form.toString(),
  });
}

/**
 * A loopback address of this test's own (127.0.0.0/8, never 127.0.0.1), so tests
 * running at the same time, or repeated (--repeat-each), never share a count.
 */
const ownAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/**
 * Runs `body` with attempts from `from`, then removes that address's counter, and
 * only that one (a shared afterAll once cleared another worker's count mid-test).
 */
async function fromAddress(
  fixtures: { sql: (text: string, params?: unknown[]) => Promise<unknown[]> },
  from: string,
  body: () => Promise<void>,
) {
  try {
    await body();
  } finally {
    await fixtures.sql(`DELETE FROM "RateLimiterFlexible" WHERE key = $1`, [`sign-in:ip:${from}`]);
  }
}

test('an account is throttled after 10 attempts, whatever X-Forwarded-For or extra fields say', async ({
  fixtures,
}) => {
  const from = ownAddress();
  await fromAddress(fixtures, from, async () => {
    const email = `throttle-${randomUUID()}@example.org`;
    for (let i = 0; i < 10; i++) expect((await attempt(from, email, i)).status).not.toBe(429);
    const blocked = await attempt(from, email, 10);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((JSON.parse(blocked.body) as { message: string }).message).toMatch(/Too many sign-in attempts/);
    // Different capitalisation is the same account.
    expect((await attempt(from, email.toUpperCase(), 11)).status).toBe(429);
  });
});

test('one client rotating accounts and X-Forwarded-For is throttled by its real address', async ({
  request,
  fixtures,
}) => {
  const from = ownAddress();
  await fromAddress(fixtures, from, async () => {
    let status = 0;
    let tries = 0;
    for (; tries < 60 && status !== 429; tries++) {
      status = (await attempt(from, `spray-${tries}-${randomUUID()}@example.org`, tries)).status;
    }
    expect(status).toBe(429);
    // 50 failures per address (lib/auth/throttle.ts): the 51st is refused, not earlier.
    expect(tries).toBe(51);
    // Only that address: the same attempt from 127.0.0.1 is still answered.
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const fromHere = await request.post('/api/auth/callback/credentials', {
      form: {
        csrfToken,
        email: `spray-other-${randomUUID()}@example.org`,
        password: 'wrong',
        json: 'true',
        callbackUrl: '/admin',
      },
      maxRedirects: 0,
    });
    expect(fromHere.status()).not.toBe(429);
  });
});
