import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 4173)
const baseURL = `http://127.0.0.1:${port}`
// Set once in the runner and inherited by its workers, which load this file again.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'kluis-e2e-'))

export default defineConfig({
  testDir: './test/e2e',
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
  webServer: {
    command: 'node server/dist/main.js',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR,
      // Embedded SQLite unless CI's MariaDB pass asks for it; a DATABASE_URL from the shell never leaks in.
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
      DEMO_DATA: 'false',
      PORTAL_NAME: 'Notariskantoor Test',
      NODE_ENV: 'test',
    },
  },
})
