import path from 'node:path';
import { appRoutes, fillRoute } from '../support/app-routes';
import { expect, test } from './support/fixtures';

// Every public page, found on disk (app/ minus the signed-in and token areas), carries
// the Atom feed's <link rel="alternate"> and the icon links in its <head>, and the
// icons themselves are served. A page added later is checked without editing a list;
// one with a dynamic segment needs a real value in VALUES, or this spec fails.

// Subscribers' own pages (a signed link each) are token areas like preview and approve.
const PRIVATE = /^\/(admin|sign-in|preview|approve|subscriptions|api|media)(\/|$)/;

/** Published records from the seeded bulletins, for the dynamic segments. */
const VALUES: Record<string, Record<string, string>> = {
  '/issues/[slug]': { slug: 'regional-update-october-2025' },
  '/events/[slug]': { slug: 'regional-safeguarding-conference-2025' },
};

const PUBLIC_URLS = [
  ...appRoutes(path.join(process.cwd(), 'app'))
    .filter((r) => r.kind === 'page' && !PRIVATE.test(r.pattern))
    .map((r) => (r.params.length ? fillRoute(r, VALUES[r.pattern] ?? {}) : r.pattern)),
  // The not-found page readers reach from a dead link.
  '/no-such-page',
];

type Tag = Record<string, string>;

/** The attributes of every <link> in the document's head. */
function headLinks(html: string): Tag[] {
  const head = /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  return [...head.matchAll(/<link\b([^>]*)>/gi)].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((a) => [a[1]!.toLowerCase(), a[2]!])),
  );
}

test('every public page links the Atom feed and the icons', async ({ request }) => {
  expect(PUBLIC_URLS.length, 'public pages found on disk').toBeGreaterThanOrEqual(8);
  const missing: string[] = [];
  for (const url of PUBLIC_URLS) {
    const response = await request.get(url);
    expect(response.status(), url).toBeLessThan(500);
    const links = headLinks(await response.text());
    const has = (want: (l: Tag) => boolean, what: string) => {
      if (!links.some(want)) missing.push(`${url}: ${what}`);
    };
    has((l) => l.rel === 'alternate' && l.type === 'application/atom+xml' && new URL(l.href ?? '', 'http://x').pathname === '/feed.xml', 'Atom feed link');
    has((l) => l.rel === 'icon' && l.href?.endsWith('/favicon.ico') === true, 'favicon.ico link');
    has((l) => l.rel === 'icon' && l.type === 'image/svg+xml' && l.href?.endsWith('/icon.svg') === true, 'SVG icon link');
    has((l) => l.rel === 'apple-touch-icon' && l.href?.endsWith('/apple-touch-icon.png') === true, 'apple-touch-icon link');
  }
  expect(missing).toEqual([]);
});

test('the icons are served as images, cached, with the site headers', async ({ request }) => {
  for (const [file, type] of [
    ['/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)/],
    ['/icon.svg', /^image\/svg\+xml/],
    ['/apple-touch-icon.png', /^image\/png/],
  ] as const) {
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    expect(response.headers()['content-type'], file).toMatch(type);
    expect(response.headers()['cache-control'], file).toContain('max-age=86400');
    expect(response.headers()['x-content-type-options'], file).toBe('nosniff');
    expect((await response.body()).length, file).toBeGreaterThan(100);
  }
});
