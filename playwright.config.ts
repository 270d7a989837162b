import { defineConfig, devices } from '@playwright/test';
import { E2E_DATABASE_URL_FILE, E2E_PORT } from './tests/e2e/support/paths';

const PORT = E2E_PORT;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['line']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
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
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /(throttle|workflow)\.spec\.ts/ },
    // Publishes a December issue that is the site's latest for about a minute, which
    // specs reading the home page would see; so it runs after them.
    { name: 'workflow', use: { ...devices['Desktop Chrome'] }, testMatch: /workflow\.spec\.ts/, dependencies: ['chromium'] },
    // Exhausts the sign-in limits for 127.0.0.1, so it runs after everything else.
    { name: 'throttle', use: { ...devices['Desktop Chrome'] }, testMatch: /throttle\.spec\.ts/, dependencies: ['workflow'] },
  ],
  webServer: {
    // A throwaway embedded database, migrated and seeded, behind a production build.
    command: `node scripts/start.mjs --ephemeral --port ${PORT} --database-url-file ${E2E_DATABASE_URL_FILE}`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    env: { SITE_URL: `http://127.0.0.1:${PORT}` },
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
