import { defineConfig, devices } from '@playwright/test';
import { E2E_BASE_URL, E2E_DATABASE_URL_FILE, E2E_NEXTAUTH_SECRET, E2E_PORT } from './tests/e2e/support/paths';

const PORT = E2E_PORT;
/** Specs with a test of a minute or more (the scheduled publish waits for the job worker). */
const LONG = /(workflow|xss)\.spec\.ts/;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: 'tests/e2e',
  // Generous: waits end on a condition, so these only bound a failure, and a machine
  // under load from other processes must not turn a slow page into one.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['line']] : [['list']],
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's chromium: Playwright must not download its own browser here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        ...(isRoot ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // Every spec makes its own data and may run at any time, in any order (docs/decisions/015).
  // The long journeys are a project of their own only so that they start first: the
  // runner hands out tests project by project, and a three-minute test started last
  // would run alone at the end.
  projects: [
    { name: 'long', use: { ...devices['Desktop Chrome'] }, testMatch: LONG },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: LONG },
  ],
  webServer: {
    // A throwaway embedded database, migrated and seeded, behind a production build.
    command: `node scripts/start.mjs --ephemeral --port ${PORT} --database-url-file ${E2E_DATABASE_URL_FILE}`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    // The fixtures mint session cookies with the same secret (tests/e2e/support/fixtures.ts, signInAs).
    env: { SITE_URL: E2E_BASE_URL, NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET },
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
