/**
 * Browser tests: a `--mode test` build (test hook on) served by `vite preview`, driven in Debian's
 * chromium. Screenshots of each scene go to tests/artifacts/ (gitignored).
 */
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const PORT = Number(process.env.E2E_PORT ?? 4319);
/** The classroom server for classroom.spec.ts: the next port. */
export const CLASSROOM_PORT = PORT + 1;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: here,
  outputDir: resolve(root, 'test-results'),
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: [
    {
      command: `npx vite build --mode test --outDir ../tests/artifacts/dist-e2e --emptyOutDir && npx vite preview --outDir ../tests/artifacts/dist-e2e --host 127.0.0.1 --port ${PORT} --strictPort`,
      cwd: root,
      url: `http://127.0.0.1:${PORT}`,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
    },
    {
      // The classroom server (classroom.spec.ts) serving the same build; its SQLite file is fresh each run.
      command: `rm -f tests/artifacts/classroom-e2e.sqlite* && node --import tsx src/server/main.ts --host 127.0.0.1 --port ${CLASSROOM_PORT} --static tests/artifacts/dist-e2e`,
      cwd: root,
      env: { CLASSROOM_DB: 'tests/artifacts/classroom-e2e.sqlite', RECONNECT_SECONDS: '30' },
      url: `http://127.0.0.1:${CLASSROOM_PORT}/api/scenarios`,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
