import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** Where the e2e server writes its throwaway database's URL (scripts/start.mjs --database-url-file). */
export const E2E_DATABASE_URL_FILE = path.join(os.tmpdir(), `regional-update-e2e-${E2E_PORT}.url`);

// The e2e server's session secret, so the fixtures can mint session cookies
// (fixtures.ts, signInAs). A fresh one per run: playwright.config.ts imports this
// in the runner first, and the web server and the workers inherit its environment.
process.env.E2E_NEXTAUTH_SECRET ??= randomBytes(32).toString('base64url');
export const E2E_NEXTAUTH_SECRET = process.env.E2E_NEXTAUTH_SECRET;
