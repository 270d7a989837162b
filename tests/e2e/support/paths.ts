import os from 'node:os';
import path from 'node:path';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** Where the e2e server writes its throwaway database's URL (scripts/start.mjs --database-url-file). */
export const E2E_DATABASE_URL_FILE = path.join(os.tmpdir(), `regional-update-e2e-${E2E_PORT}.url`);
