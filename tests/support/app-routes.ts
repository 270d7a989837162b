import { readdirSync } from 'node:fs';
import path from 'node:path';

// Every route of the App Router, read from the app/ directory itself, so a page
// or route handler added later is covered without editing a list.

export type AppRoute = {
  /** e.g. /admin/issues/[id]/sections/[sectionId] */
  pattern: string;
  kind: 'page' | 'route';
  /** Names of the dynamic segments, in order; `catchAll` for [...x]. */
  params: { name: string; catchAll: boolean }[];
};

// Metadata routes are files, not folders: app/robots.ts answers /robots.txt.
const METADATA_FILES: Record<string, string> = { 'robots.ts': 'robots.txt', 'sitemap.ts': 'sitemap.xml' };

export function appRoutes(appDir: string): AppRoute[] {
  const routes: AppRoute[] = [];
  const visit = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // (group) folders and @slots do not appear in the URL; _private folders are not routes.
        if (entry.name.startsWith('_')) continue;
        const inUrl = !(entry.name.startsWith('(') && entry.name.endsWith(')')) && !entry.name.startsWith('@');
        visit(path.join(dir, entry.name), inUrl ? [...segments, entry.name] : segments);
        continue;
      }
      const kind = /^page\.(tsx|ts|jsx|js)$/.test(entry.name) ? 'page' : /^route\.(ts|js)$/.test(entry.name) ? 'route' : null;
      const file = METADATA_FILES[entry.name];
      if (!kind && !(file && segments.length === 0)) continue;
      const all = file ? [...segments, file] : segments;
      routes.push({
        pattern: `/${all.join('/')}`,
        kind: kind ?? 'route',
        params: all.flatMap((s) => {
          const m = /^\[(\.\.\.)?([^\]]+)\]$/.exec(s);
          return m ? [{ name: m[2]!, catchAll: Boolean(m[1]) }] : [];
        }),
      });
    }
  };
  visit(appDir, []);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The pattern with each dynamic segment replaced (values are used as given: already encoded). */
export function fillRoute(route: AppRoute, values: Record<string, string>): string {
  return route.pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`No value for [${name}] in ${route.pattern}`);
    return v;
  });
}
