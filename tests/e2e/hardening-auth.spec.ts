import { expect, signInAs, test } from './support/fixtures';

// The browser's side of the session and redirect fixes: a revoked cookie is
// signed out for next-auth's own endpoint as for pages, and the sign-in form
// never follows a callbackUrl off the site, whatever the browser would strip.

test('a signed-out cookie replayed elsewhere gets an empty session and no fresh cookie', async ({ page, browser, fixtures }) => {
  const user = await fixtures.user('EDITOR');
  await signInAs(page, user);
  await page.goto('/admin');
  const live = await page.request.get('/api/auth/session');
  expect((await live.json()).user.email).toBe(user.email);
  const cookies = await page.context().cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const res = await replay.request.get('/api/auth/session');
  expect(await res.json()).toEqual({});
  const reissued = res.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('next-auth.session-token='));
  for (const h of reissued) expect(h.value).toMatch(/^next-auth\.session-token=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  const other = await replay.newPage();
  await other.goto('/admin');
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
  await replay.close();
});

for (const hostile of ['/%09/evil.example', '/%0A/evil.example', '/%0D/evil.example', '/%E2%80%A8/evil.example', '%5C%5Cevil.example']) {
  test(`the sign-in form with callbackUrl=${hostile} lands on the dashboard`, async ({ page, fixtures, baseURL }) => {
    const user = await fixtures.user('SPONSOR');
    const response = await page.goto(`/sign-in?callbackUrl=${hostile}`);
    expect(response?.status()).toBe(200);
    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    expect(page.url()).toBe(`${baseURL}/admin`);
    // Signed in, the same address redirects to the dashboard too.
    await page.goto(`/sign-in?callbackUrl=${hostile}`);
    expect(page.url()).toBe(`${baseURL}/admin`);
  });
}
