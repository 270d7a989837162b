import { DEMO, expect, signInAs, signInThroughForm, test } from './support/fixtures';

test.describe('sign-in', () => {
  test('an editor signs in through the form and sees the dashboard', async ({ page }) => {
    // The one test that signs in through the form; every other spec mints a session (signInAs).
    await signInThroughForm(page, DEMO.editor.email, DEMO.editor.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByText('Elizabeth White (Editor)')).toBeVisible();
    await expect(page.getByRole('heading', { name: /Drafts \(\d+\)/ })).toBeVisible();
    // The dashboard passes axe for every role in admin-routes.spec.ts.
    const response = await page.goto('/admin');
    expect(response?.headers()['cache-control']).toContain('no-store');
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  });

  test('a wrong password and an unknown email get the same generic error', async ({ page, makeAxe }) => {
    await page.goto('/sign-in');
    expect((await makeAxe().analyze()).violations).toEqual([]);
    await page.getByLabel('Email address').fill(DEMO.sponsor.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#main').getByRole('alert')).toContainText('Enter a correct email address and password.');
    await page.getByLabel('Email address').fill('nobody@example.org');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#main').getByRole('alert')).toContainText('Enter a correct email address and password.');
    await page.getByLabel('Email address').fill('not an email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#main').getByRole('alert')).toContainText('Enter an email address in the correct format');
  });
});

test.describe('sessions end when they should', () => {
  test('after signing out, the old session cookie is refused', async ({ page, browser, fixtures }) => {
    const user = await fixtures.user('SPONSOR');
    await signInAs(page, user);
    await page.goto('/admin');
    const cookies = await page.context().cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const other = await replay.newPage();
    await other.goto('/admin');
    await expect(other).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
    await replay.close();
  });

  test('deactivating a user ends their session on the next request', async ({ page, fixtures }) => {
    const user = await fixtures.user('CONTRIBUTOR');
    await signInAs(page, user);
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await fixtures.sql(`UPDATE "User" SET active = false WHERE id = $1`, [user.id]);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('changing the password (session version) ends existing sessions', async ({ page, fixtures }) => {
    const user = await fixtures.user('ADMIN');
    await signInAs(page, user);
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await fixtures.sql(`UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE id = $1`, [user.id]);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe('unauthorised access to admin routes', () => {
  for (const path of ['/admin', '/admin?_rsc=1']) {
    test(`anonymous ${path} is sent to sign in, whatever the headers`, async ({ request }) => {
      const variants: Record<string, string>[] = [
        {},
        { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
        { RSC: '1', 'Next-Router-Prefetch': '1' },
        { 'Next-Router-State-Tree': '%5B%22%22%5D', RSC: '1' },
      ];
      for (const headers of variants) {
        // Follow redirects (RSC requests first bounce to a cache-busting ?_rsc= URL).
        const response = await request.get(path, { headers });
        const body = await response.text();
        // Page requests end at sign-in; prefetches get only the empty route tree.
        if (!headers['Next-Router-Prefetch']) {
          expect(`${response.url()} ${body}`, JSON.stringify(headers)).toContain('/sign-in');
        }
        // The redirect may carry the page's static <title>, never its data.
        for (const secret of ['Issues by status', 'My tasks', 'Recent activity', 'demo draft', 'Elizabeth White']) {
          expect(body, JSON.stringify(headers)).not.toContain(secret);
        }
      }
    });
  }
});

test('the sign-in form validates in the browser without breaking its CSP (no eval)', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Enter an email address in the correct format');
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});
