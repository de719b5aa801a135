import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in a real Chromium against a production build. The app runs through the same
 * `npm start` script users run, on its own data directory and ports, with a fresh database.
 * Debian's /usr/bin/chromium is used when present (Playwright cannot download browsers everywhere);
 * elsewhere Playwright's own Chromium (`npx playwright install chromium`).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? '.data/e2e';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous: a 2-core CI machine builds, serves and drives Chromium at once.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: systemChromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && npm start`,
    url: `http://localhost:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      TENURE_DATA_DIR: E2E_DATA_DIR,
      TENURE_PG_PORT: String(process.env.E2E_PG_PORT ?? 54331),
      NEXTAUTH_URL: `http://localhost:${port}`,
    },
  },
});
