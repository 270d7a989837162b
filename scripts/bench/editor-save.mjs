#!/usr/bin/env node
// @ts-check
// The editor-save benchmark on its own, against an app that is already running
// (`npm start`), e.g. to rerun the figure without the whole of `npm run bench`:
//   node scripts/bench/editor-save.mjs --base http://127.0.0.1:3000 --database-url "$(cat .data/…)"
// It adds a draft issue and bench editor accounts to that database.
import { parseArgs } from 'node:util';
import { benchEditorSave } from './lib/editor-save.mjs';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:3000' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL },
    'app-dir': { type: 'string', default: process.cwd() },
    editors: { type: 'string', default: '4' },
    saves: { type: 'string', default: '100' },
  },
});
if (!values['database-url']) {
  console.error('Pass --database-url (or set DATABASE_URL) for the database the app is using.');
  process.exit(2);
}
const result = await benchEditorSave({
  base: values.base,
  databaseUrl: values['database-url'],
  appDir: values['app-dir'],
  editors: Number(values.editors),
  savesPerEditor: Number(values.saves),
});
console.log(JSON.stringify(result, null, 2));
process.exit(result.failures ? 1 : 0);
