import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from '@/lib/auth/permissions';

// A permission in the table that no server code asks about grants nothing and
// misleads whoever reads the table (issue 11 item 8). Every action must be named
// by the server side: actions, data functions, route handlers, the workflow table.
const root = path.resolve(__dirname, '../..');
const SERVER = ['lib/actions', 'lib/data', 'lib/workflow', 'lib/auth', 'lib/jobs', 'lib/notify.ts', 'app/api'];

function sources(rel: string): string[] {
  const full = path.join(root, rel);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(full, f));
}

describe('permission table', () => {
  it('has no action that server code never checks', () => {
    const text = SERVER.flatMap(sources)
      .filter((f) => !f.endsWith(path.join('lib', 'auth', 'permissions.ts')))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unchecked = (Object.keys(ACTIONS) as Action[]).filter((a) => !text.includes(`'${a}'`));
    expect(unchecked).toEqual([]);
  });
});
